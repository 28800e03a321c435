package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static etax.payment.confirmation.RejectionReason.INVALID_AMOUNT;
import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.MISSING_FIELD;

/**
 * Typed, checked access to the properties of a JSON object. Every failure names the property by its
 * path ({@code lines[0].amount}) and the rule, never the value.
 */
final class JsonFields {

	private JsonFields() {
	}

	static JsonNode required(JsonNode node, String path, String name) {
		JsonNode field = node.path(name);
		if (field.isMissingNode() || field.isNull()) {
			throw new InvalidConfirmationException(MISSING_FIELD, path + name + " is required");
		}
		return field;
	}

	static String text(JsonNode node, String path, String name) {
		JsonNode field = required(node, path, name);
		if (!field.isString()) {
			throw new InvalidConfirmationException(INVALID_FIELD, path + name + " must be a string");
		}
		return field.stringValue();
	}

	static String text(JsonNode node, String path, String name, Pattern format, String formatDescription) {
		String value = text(node, path, name);
		if (!format.matcher(value).matches()) {
			throw new InvalidConfirmationException(INVALID_FIELD, path + name + " must be " + formatDescription);
		}
		return value;
	}

	static @Nullable String optionalText(JsonNode node, String path, String name, Pattern format,
			String formatDescription) {
		JsonNode field = node.path(name);
		return (field.isMissingNode() || field.isNull()) ? null : text(node, path, name, format, formatDescription);
	}

	/**
	 * A positive amount with at most 18 integer digits and 2 decimals, returned with trailing zeros
	 * stripped to scale 0 or more ({@code 2.2E7} is 22000000); whether decimals are allowed depends on
	 * the currency and is checked by {@link Vouchers}.
	 */
	static BigDecimal amount(JsonNode node, String path, String name) {
		JsonNode field = required(node, path, name);
		if (!field.isNumber()) {
			throw new InvalidConfirmationException(INVALID_AMOUNT, path + name + " must be a number");
		}
		return Vouchers.amount(field.decimalValue(), path + name);
	}

	static @Nullable BigDecimal optionalRate(JsonNode node, String path, String name) {
		JsonNode field = node.path(name);
		if (field.isMissingNode() || field.isNull()) {
			return null;
		}
		if (!field.isNumber()) {
			throw new InvalidConfirmationException(RejectionReason.INVALID_CURRENCY, path + name + " must be a number");
		}
		return Vouchers.rate(field.decimalValue(), path + name);
	}

	static Instant instant(JsonNode node, String path, String name) {
		String text = text(node, path, name);
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidConfirmationException(INVALID_FIELD,
					path + name + " must be a date-time with offset (ISO 8601, e.g. 2026-04-20T09:15:00+07:00)");
		}
	}

	static LocalDate date(JsonNode node, String path, String name) {
		String text = text(node, path, name);
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidConfirmationException(INVALID_FIELD, path + name + " must be a date yyyy-MM-dd");
		}
	}

}
