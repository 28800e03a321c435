package etax.payment.confirmation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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

	private static final int MAX_AMOUNT_DIGITS = 18;

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

	/** A positive whole number of VND, at most 18 digits, returned with scale 0 ({@code 2.2E7} is 22000000). */
	static BigDecimal amount(JsonNode node, String path, String name) {
		JsonNode field = required(node, path, name);
		if (!field.isNumber()) {
			throw new InvalidConfirmationException(INVALID_AMOUNT, path + name + " must be a number");
		}
		BigDecimal value = field.decimalValue();
		if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
				|| value.precision() - value.scale() > MAX_AMOUNT_DIGITS) {
			throw new InvalidConfirmationException(INVALID_AMOUNT,
					path + name + " must be a positive whole number of VND with at most " + MAX_AMOUNT_DIGITS + " digits");
		}
		return value.setScale(0, RoundingMode.UNNECESSARY);
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
