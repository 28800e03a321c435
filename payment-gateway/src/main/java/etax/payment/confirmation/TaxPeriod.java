package etax.payment.confirmation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The tax period of a payment voucher line ({@code KY_THUE}, VN-ETAX §5.2): {@code 00/MM/yyyy} for a
 * month, {@code 00/Qn/yyyy} for a quarter, {@code 00/CN/yyyy} for a year, {@code dd/MM/yyyy} for an
 * occurrence or a decision.
 *
 * @param value the period as the voucher writes it
 */
public record TaxPeriod(String value) {

	private static final Pattern MONTH = Pattern.compile("00/(0[1-9]|1[0-2])/(19|20)\\d{2}");

	private static final Pattern QUARTER = Pattern.compile("00/Q[1-4]/(19|20)\\d{2}");

	private static final Pattern YEAR = Pattern.compile("00/CN/(19|20)\\d{2}");

	private static final Pattern DAY = Pattern.compile("\\d{2}/\\d{2}/(19|20)\\d{2}");

	private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** What kind of period a voucher line pays for. */
	public enum Kind {

		MONTH, QUARTER, YEAR, OCCURRENCE

	}

	public TaxPeriod {
		kindOf(value);
	}

	public Kind kind() {
		return kindOf(this.value);
	}

	/** The year of the period: its last four characters in every format. */
	public int year() {
		return Integer.parseInt(this.value.substring(this.value.length() - 4));
	}

	private static Kind kindOf(String value) {
		if (MONTH.matcher(value).matches()) {
			return Kind.MONTH;
		}
		if (QUARTER.matcher(value).matches()) {
			return Kind.QUARTER;
		}
		if (YEAR.matcher(value).matches()) {
			return Kind.YEAR;
		}
		if (DAY.matcher(value).matches()) {
			try {
				LocalDate.parse(value, DAY_FORMAT);
				return Kind.OCCURRENCE;
			}
			catch (DateTimeParseException ex) {
				// not a calendar date: falls through to the rejection below
			}
		}
		throw new IllegalArgumentException("Tax period must be 00/MM/yyyy, 00/Qn/yyyy, 00/CN/yyyy or dd/MM/yyyy");
	}

}
