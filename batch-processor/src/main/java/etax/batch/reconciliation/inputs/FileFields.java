package etax.batch.reconciliation.inputs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The values of a daily file's fields, checked as its readers take them ({@link BankFileReader},
 * {@link TreasuryStatementReader}): present, codes of their form, days PostgreSQL can store, amounts its
 * columns hold. Whatever is wrong is refused naming where in the file it is, never the value.
 */
final class FileFields {

	/** The first day a daily file may name. */
	static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	/** The last day a daily file may name. */
	static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	private static final int MAX_INTEGER_DIGITS = 18;

	/**
	 * Strict: the default (SMART) resolver turns 31/04/2026 into 30/04/2026, a day the bank never named, and
	 * the file's vouchers would be reconciled on it.
	 */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private FileFields() {
	}

	/** A field's value, which must be there. */
	static String required(Map<String, String> fields, String name, String where) {
		String value = fields.get(name);
		if (value == null || value.isEmpty()) {
			throw InvalidFileException.of(where + ": " + name + " is missing");
		}
		return value;
	}

	/** A field's value, which must be a code matching {@code pattern}. */
	static String code(Map<String, String> fields, String name, String pattern, String where) {
		String value = required(fields, name, where);
		if (!value.matches(pattern)) {
			throw InvalidFileException.of(where + ": " + name + " is not a code of the form " + pattern);
		}
		return value;
	}

	/** A field's day, written dd/MM/yyyy, within {@link #day}'s bounds. */
	static LocalDate date(Map<String, String> fields, String name, String where) {
		LocalDate date;
		try {
			date = LocalDate.parse(required(fields, name, where), DATE);
		}
		catch (DateTimeParseException ex) {
			throw InvalidFileException.of(where + ": " + name + " is not a date dd/MM/yyyy", ex);
		}
		return day(date, where + ": " + name);
	}

	/**
	 * A day of a daily file within {@link #FIRST_DAY} and {@link #LAST_DAY}: years such as 0 or 9999999 parse,
	 * but PostgreSQL cannot store the first and nobody pays tax on either, and the COPY would fail for the
	 * whole file without naming the line.
	 * @throws InvalidFileException naming {@code where} otherwise
	 */
	static LocalDate day(LocalDate date, String where) {
		if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
			throw InvalidFileException.of(where + " must be a day from " + FIRST_DAY + " to " + LAST_DAY);
		}
		return date;
	}

	/**
	 * An amount as the lines' {@code numeric(20,2)} columns hold it: positive, at most 2 decimals and 18
	 * digits before the point, so that COPY never overflows (a scale below zero, {@code 1E+30}, passes a
	 * check on decimals alone).
	 * @throws InvalidFileException naming {@code where} otherwise
	 */
	static BigDecimal amount(@Nullable String value, String where) {
		BigDecimal amount;
		try {
			amount = new BigDecimal((value != null) ? value : "");
		}
		catch (NumberFormatException ex) {
			throw InvalidFileException.of(where + " is not a number", ex);
		}
		if (amount.signum() <= 0 || amount.scale() > 2) {
			throw InvalidFileException.of(where + " must be positive, with at most 2 decimals");
		}
		if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
			throw InvalidFileException.of(where + " must have at most " + MAX_INTEGER_DIGITS + " digits before the point");
		}
		return amount.setScale(Math.max(amount.scale(), 0));
	}

}
