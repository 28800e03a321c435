package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

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
		if (value != null && value.length() > MAX_CHARACTERS) {
			throw new InvalidConfirmationException(TOO_LARGE, "value is over " + MAX_CHARACTERS + " characters");
		}
		return switch (format(contentType)) {
			case JSON -> List.of(this.json.read(key, value));
			case XML -> this.camt054.read(key, value);
		};
	}

	/**
	 * Reads a message the gateway will key itself (the HTTP intake, a re-drive): every check but the
	 * key's, and one payer for the whole message, since the key is the payer.
	 */
	List<BankConfirmation> readUnkeyed(@Nullable String value, @Nullable String contentType) {
		if (value != null && value.length() > MAX_CHARACTERS) {
			throw new InvalidConfirmationException(TOO_LARGE, "value is over " + MAX_CHARACTERS + " characters");
		}
		List<BankConfirmation> confirmations = switch (format(contentType)) {
			case JSON -> List.of(this.json.readUnkeyed(value));
			case XML -> this.camt054.readUnkeyed(value);
		};
		if (confirmations.stream().map(BankConfirmation::payer).distinct().count() > 1) {
			throw new InvalidConfirmationException(RejectionReason.KEY_MISMATCH, "one message pays for one payer");
		}
		return confirmations;
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

	enum Format {

		JSON, XML

	}

}
