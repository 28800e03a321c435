package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import static etax.payment.confirmation.RejectionReason.TOO_LARGE;
import static etax.payment.confirmation.RejectionReason.UNSUPPORTED_CONTENT_TYPE;

/**
 * Reads a confirmation message in the format its content type names: JSON version 1
 * ({@code application/json}, also when no content type is given) or ISO 20022 camt.054
 * ({@code application/xml}, {@code text/xml} or any {@code +xml} type). Values over
 * {@value #MAX_CHARACTERS} characters are refused before any parsing.
 */
final class MessageReader {

	/** The record header naming the format; {@code contentType} (Spring's name) is read too. */
	static final String CONTENT_TYPE = "content-type";

	static final int MAX_CHARACTERS = 1_048_576;

	private final ConfirmationReader json = new ConfirmationReader();

	private final Camt054Reader camt054 = new Camt054Reader();

	List<BankConfirmation> read(@Nullable String key, @Nullable String value, @Nullable String contentType) {
		return parse(value, contentType).read(key);
	}

	/**
	 * Reads a message the gateway will key itself (the HTTP intake, a re-drive): every check but the
	 * key's, and one payer for the whole message, since the key is the payer.
	 */
	List<BankConfirmation> readUnkeyed(@Nullable String value, @Nullable String contentType) {
		return parse(value, contentType).readUnkeyed();
	}

	/**
	 * Parses a message in the format its content type names, without applying any rule of its content yet, so that
	 * what it states of its bank can be judged first ({@link Parsed#banks}).
	 * @throws InvalidConfirmationException if it is too large, of another content type, or not well-formed
	 */
	Parsed parse(@Nullable String value, @Nullable String contentType) {
		if (value != null && value.length() > MAX_CHARACTERS) {
			throw new InvalidConfirmationException(TOO_LARGE, "value is over " + MAX_CHARACTERS + " characters");
		}
		return switch (format(contentType)) {
			case JSON -> new Parsed(this.json.parse(value), null, 0);
			case XML -> new Parsed(null, this.camt054.parse(value), (value != null) ? value.length() : 0);
		};
	}

	static Format format(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return Format.JSON;
		}
		String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
			return Format.JSON;
		}
		if (mediaType.equals("application/xml") || mediaType.equals("text/xml") || mediaType.endsWith("+xml")) {
			return Format.XML;
		}
		throw new InvalidConfirmationException(UNSUPPORTED_CONTENT_TYPE,
				"content-type must be application/json or application/xml (camt.054)");
	}

	static @Nullable String header(Headers headers, String... names) {
		for (String name : names) {
			Header header = headers.lastHeader(name);
			if (header != null && header.value() != null) {
				return new String(header.value(), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	/**
	 * A message parsed in its format, none of the rules of its content applied yet.
	 *
	 * @param json the JSON message, or null
	 * @param camt054 the camt.054 message's notification, or null
	 * @param characters the camt.054 message's length, which bounds its entries
	 */
	record Parsed(@Nullable JsonNode json, @Nullable Element camt054, int characters) {

		/**
		 * The bank codes the message states well-formed (JSON {@code bankCode}, each camt.054 {@code Ntfctn}'s
		 * {@code MmbId}), whatever else in it is wrong: the listener compares them with the signer's bank before any
		 * other rule, so that what one bank signed for another is refused for that, never for a rule a re-drive
		 * could mend.
		 */
		List<String> banks() {
			if (this.json != null) {
				String bank = ConfirmationReader.bank(this.json);
				return (bank != null) ? List.of(bank) : List.of();
			}
			return Camt054Reader.banks(Objects.requireNonNull(this.camt054));
		}

		/**
		 * The bank and reference of each entry the message states well-formed, whatever else in it is wrong: the
		 * listener keeps a rejection of the whole message under each of them whose bank its signer may confirm
		 * for, so that the bank's status report finds it by every reference it carried.
		 */
		List<ConfirmationKey> keys() {
			if (this.json != null) {
				ConfirmationKey key = ConfirmationReader.key(this.json);
				return (key != null) ? List.of(key) : List.of();
			}
			return Camt054Reader.keys(Objects.requireNonNull(this.camt054));
		}

		/** Its confirmations, every rule of the format applied, the record key's included. */
		List<BankConfirmation> read(@Nullable String key) {
			List<BankConfirmation> confirmations = unkeyed();
			confirmations.forEach((c) -> Vouchers.checked(key, c));
			return confirmations;
		}

		/** Its confirmations, every rule applied but the key's, and one payer for the whole message. */
		List<BankConfirmation> readUnkeyed() {
			List<BankConfirmation> confirmations = unkeyed();
			if (confirmations.stream().map(BankConfirmation::payer).distinct().count() > 1) {
				throw new InvalidConfirmationException(RejectionReason.KEY_MISMATCH, "one message pays for one payer");
			}
			return confirmations;
		}

		private List<BankConfirmation> unkeyed() {
			return (this.json != null) ? List.of(ConfirmationReader.readUnkeyed(this.json))
					: Camt054Reader.readUnkeyed(Objects.requireNonNull(this.camt054), this.characters);
		}

	}

	enum Format {

		JSON, XML

	}

}
