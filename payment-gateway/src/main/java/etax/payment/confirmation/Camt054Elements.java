package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.MISSING_FIELD;

/**
 * The elements of a camt.054 found by a path of local names, whatever the version's namespace, and their text read
 * as typed values; a missing or malformed one is refused with the field's path in the message.
 */
final class Camt054Elements {

	private Camt054Elements() {
	}

	static Element required(Element from, String path, String field) {
		Element element = element(from, path);
		if (element == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, field + " is required");
		}
		return element;
	}

	static @Nullable String text(Element from, String path) {
		Element element = element(from, path);
		return (element != null) ? element.getTextContent().strip() : null;
	}

	private static @Nullable Element element(Element from, String path) {
		Element current = from;
		for (String name : path.split("/")) {
			current = child(current, name);
			if (current == null) {
				return null;
			}
		}
		return current;
	}

	static @Nullable Element child(Element parent, String localName) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				return element;
			}
		}
		return null;
	}

	static List<Element> children(Element parent, String localName) {
		List<Element> result = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				result.add(element);
			}
		}
		return result;
	}

	static BigDecimal decimal(String text, String field) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidConfirmationException(RejectionReason.INVALID_AMOUNT, field + " must be a decimal number");
		}
	}

	static LocalDate date(@Nullable String text, String field) {
		if (text == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, field + " is required");
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidConfirmationException(INVALID_FIELD, field + " must be a date yyyy-MM-dd");
		}
	}

	static Instant instant(Element element, String field) {
		try {
			return OffsetDateTime.parse(element.getTextContent().strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidConfirmationException(INVALID_FIELD, field + " must be a date-time with offset");
		}
	}

}
