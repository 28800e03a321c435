package etax.payment.correction;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A correction request as the reconciliation sends it, once a second officer approved it (checked as a
 * request body: a missing field is a 400 problem). The id is the caller's idempotency key: the same request again answers what was recorded, another request
 * under the same id is refused.
 *
 * @param correctionId the request's id, chosen by the caller
 * @param requestNumber the number of the request (SO_TS), for people
 * @param kind {@code RECODE} (the coding of a recorded line is wrong), {@code REVERSE} (a recorded payment
 * must be reversed), {@code RECORD} (the bank has a payment the gateway never recorded), {@code APPLY_HELD} (a
 * line's credit held for an officer, because it named another taxpayer's payable item, pays that item) or
 * {@code RELEASE_HELD} (such a credit becomes the payer's own)
 * @param bankCode the bank of the voucher
 * @param bankReference the bank's reference of the voucher (MA_THAMCHIEU)
 * @param lineNumber the voucher line, when the request is about one line
 * @param postingId the line's treasury posting, when known
 * @param treasuryCode the treasury that holds the money (MA_KBNN)
 * @param paid the coding as paid (NOIDUNG_TS)
 * @param corrected the coding as it should be (NOIDUNG_DC), for {@code RECODE}
 * @param reason why, in the officer's words
 * @param sourceReference where the request comes from (the reconciliation work item)
 * @param requestedBy the officer who decided
 */
public record CorrectionRequest(@NotNull UUID correctionId, @NotBlank @Pattern(regexp = TEXT) String requestNumber,
		@NotBlank @Pattern(regexp = TEXT) String kind, @NotNull @Pattern(regexp = "[0-9]{8}") String bankCode,
		@NotBlank @Pattern(regexp = TEXT) String bankReference, @Nullable Integer lineNumber, @Nullable UUID postingId,
		@Nullable @Pattern(regexp = TEXT) String treasuryCode, @Valid @Nullable Coding paid,
		@Valid @Nullable Coding corrected, @NotBlank @Pattern(regexp = LINES) String reason,
		@NotBlank @Pattern(regexp = TEXT) String sourceReference, @NotBlank @Pattern(regexp = TEXT) String requestedBy) {

	/**
	 * One line of text: no control character. The fields are stored and compared in PostgreSQL, which refuses NUL
	 * in text; a request carrying one is the caller's mistake (400), not the server's (500).
	 */
	static final String TEXT = "[^\\p{Cntrl}]*";

	/** Text of several lines (the officer's words): no control character but tab and line breaks. */
	public static final String LINES = "[^\\p{Cntrl}]*+(?:[\\t\\r\\n]++[^\\p{Cntrl}]*+)*+";

	/** The kinds of request. */
	public static final Set<String> KINDS = Set.of("RECODE", "REVERSE", "RECORD", "APPLY_HELD", "RELEASE_HELD");

	/** The kinds that resolve a credit held for an officer, carried out when recorded. */
	public static final Set<String> HELD_KINDS = Set.of("APPLY_HELD", "RELEASE_HELD");

	/**
	 * The coding of a voucher line.
	 * @param chapter the budget chapter
	 * @param subItem the sub-item (NDKT)
	 * @param areaCode the administrative area receiving the revenue
	 * @param amount the amount in the currency
	 * @param currency VND or USD
	 */
	public record Coding(@Nullable @Pattern(regexp = TEXT) String chapter, @Nullable @Pattern(regexp = TEXT) String subItem,
			@Nullable @Pattern(regexp = TEXT) String areaCode, @Nullable BigDecimal amount,
			@Nullable @Pattern(regexp = TEXT) String currency) {

		String canonical() {
			return Stream.of(this.chapter, this.subItem, this.areaCode,
					(this.amount != null) ? this.amount.stripTrailingZeros().toPlainString() : null, this.currency)
				.map(String::valueOf)
				.collect(Collectors.joining("\u001F"));
		}

	}

	/** SHA-256 over the content, so that a retry of the same request is told from another one. */
	String contentHash() {
		String canonical = Stream
			.of(this.requestNumber, this.kind, this.bankCode, this.bankReference, this.lineNumber, this.postingId,
					this.treasuryCode, (this.paid != null) ? this.paid.canonical() : null,
					(this.corrected != null) ? this.corrected.canonical() : null, this.reason, this.sourceReference,
					this.requestedBy)
			.map(String::valueOf)
			.collect(Collectors.joining("\u001E"));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether it resolves a credit held for an officer. */
	boolean resolvesHeldCredit() {
		return HELD_KINDS.contains(this.kind);
	}

	/**
	 * Whether the corrected coding moves the money to another coding than the one it names as paid: another chapter,
	 * sub-item or area, the corrected area being the one as paid when it gives none (as it is recorded,
	 * {@link CorrectionRepository#recodedLine}). The amount and currency are not the coding: a RECODE that names them
	 * otherwise but the same chapter, sub-item and area would have the treasury move money to where it is.
	 */
	boolean changesCoding() {
		Coding from = this.paid;
		Coding to = this.corrected;
		if (from == null || to == null) {
			return false;
		}
		String area = (to.areaCode() != null) ? to.areaCode() : from.areaCode();
		return !(Objects.equals(to.chapter(), from.chapter()) && Objects.equals(to.subItem(), from.subItem())
				&& Objects.equals(area, from.areaCode()));
	}

}
