package etax.payment.treasury;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request to the treasury to re-code money it posted under one sub-item to another:
 * {@code PostingRequested} version 2, direction {@code RECODING}, on {@value PostingRequested#TOPIC} keyed by
 * the payer MST (docs/adr/0007-treasury-acks.md, addendum). Every field of version 1 keeps its meaning for the
 * coding the money goes to, and the payment line it was paid with names the voucher; version 2 adds where the
 * money comes from. A reader of version 1 only must not read it as a payment (it would post the amount twice),
 * hence the new version; payments and reversals stay version 1. The treasury answers it like any posting
 * ({@link PostingAcknowledged}).
 *
 * @param eventId the event id, name-based on the posting id
 * @param type always {@value PostingRequested#TYPE}
 * @param version always 2
 * @param postingId the re-coding's posting id, echoed by the treasury's ack
 * @param lineNumber the voucher line the money was paid with
 * @param direction always {@value #DIRECTION}
 * @param bankCode the bank that collected the money
 * @param bankReference the payment's bank reference
 * @param reversalOf always null
 * @param mst the payer MST
 * @param chapter the budget chapter the money goes to
 * @param subItem the sub-item (NDKT) the money goes to
 * @param taxPeriod the period the money goes to
 * @param areaCode the administrative area, as the money was paid
 * @param collectingAgencyCode the collecting tax agency, as the money was paid
 * @param treasuryCode the treasury holding the money
 * @param treasuryAccount the account, as the money was paid
 * @param amount whole VND
 * @param currency always {@code VND}
 * @param exchangeRate always null
 * @param amountVnd whole VND
 * @param paymentDate the day the money counts from on the coding it goes to (VN-ETAX §5.3)
 * @param recodingOf the posting id of the payment line the money was paid with
 * @param fromChapter the budget chapter the money leaves
 * @param fromSubItem the sub-item the money leaves
 * @param fromTaxPeriod the period the money leaves
 * @param fromMst the taxpayer the money leaves (added to version 2 with offsets on request: the payer, or, for the
 * reversal of an offset to another taxpayer's item, that taxpayer)
 * @param toMst the taxpayer the money goes to: another than {@code fromMst} for an offset on request to another
 * MST (a parent, a subsidiary)
 */
public record RecodingRequested(UUID eventId, String type, int version, UUID postingId, int lineNumber,
		String direction, String bankCode, String bankReference, @Nullable String reversalOf, String mst,
		String chapter, String subItem, String taxPeriod, String areaCode, @Nullable String collectingAgencyCode,
		String treasuryCode, String treasuryAccount, BigDecimal amount, String currency,
		@Nullable BigDecimal exchangeRate, BigDecimal amountVnd, LocalDate paymentDate, UUID recodingOf,
		String fromChapter, String fromSubItem, String fromTaxPeriod, String fromMst, String toMst) {

	/** The direction of a re-coding. */
	public static final String DIRECTION = "RECODING";

	static RecodingRequested of(Recoding recoding, PaidLine line) {
		UUID eventId = UUID.nameUUIDFromBytes(("etax.payment\u001F" + PostingRequested.TYPE + "\u001F"
				+ recoding.postingId()).getBytes(StandardCharsets.UTF_8));
		return new RecodingRequested(eventId, PostingRequested.TYPE, 2, recoding.postingId(), line.lineNumber(),
				DIRECTION, line.bankCode(), line.bankReference(), null, recoding.mst(), chapter(recoding.to(), line),
				recoding.to().subItem(), period(recoding.to(), line), line.areaCode(), line.collectingAgencyCode(),
				line.treasuryCode(), line.treasuryAccount(), recoding.amountVnd(), "VND", null, recoding.amountVnd(),
				recoding.valueDate(), recoding.paidWith(), chapter(recoding.from(), line), recoding.from().subItem(),
				period(recoding.from(), line), recoding.from().mst(), recoding.to().mst());
	}

	private static String chapter(Recoding.Coding coding, PaidLine line) {
		return (coding.chapter() != null) ? coding.chapter() : line.chapter();
	}

	private static String period(Recoding.Coding coding, PaidLine line) {
		return (coding.taxPeriod() != null) ? coding.taxPeriod() : line.taxPeriod();
	}

	/**
	 * The payment line money was paid with, as recorded.
	 */
	record PaidLine(UUID postingId, String bankCode, String bankReference, int lineNumber, String chapter,
			String taxPeriod, String areaCode, @Nullable String collectingAgencyCode, String treasuryCode,
			String treasuryAccount) {

	}

}
