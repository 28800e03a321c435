package etax.declaration.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

/**
 * A tax period named by an officer (an extension's, an assessment's) as a return's chain names it (VN-ETAX.md §1.3):
 * {@code kyKKhai} of a month ({@code MM/yyyy}), quarter ({@code q/yyyy}), year ({@code yyyy}) or occurrence
 * ({@code dd/MM/yyyy}), and for a free range (K, N), whose {@code kyKKhai} is empty, its bounds
 * {@code dd/MM/yyyy-dd/MM/yyyy}.
 */
public final class PeriodNames {

	private static final Pattern MONTH = Pattern.compile("(0[1-9]|1[0-2])/\\d{4}");

	private static final Pattern QUARTER = Pattern.compile("[1-4]/\\d{4}");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/** A day of a four-digit year: the formatter alone takes a signed year of up to nine digits. */
	private static final Pattern DAY_TEXT = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private PeriodNames() {
	}

	/**
	 * @param kind {@code kieuKy}
	 * @param name the period as an officer names it
	 * @return the period, or empty if the name is not one of its kind
	 */
	public static Optional<TaxPeriod> parse(String kind, String name) {
		return switch (kind) {
			case "M" -> MONTH.matcher(name).matches() ? Optional.of(new TaxPeriod(kind, name, null, null)) : Optional.empty();
			case "Q" -> QUARTER.matcher(name).matches() ? Optional.of(new TaxPeriod(kind, name, null, null)) : Optional.empty();
			case "Y" -> YEAR.matcher(name).matches() ? Optional.of(new TaxPeriod(kind, name, null, null)) : Optional.empty();
			case "D" -> Optional.ofNullable(day(name)).map((day) -> new TaxPeriod(kind, name, null, null));
			case "K", "N" -> range(kind, name);
			default -> Optional.empty();
		};
	}

	/**
	 * @param period a return's period, as declared
	 * @return how an officer names it
	 */
	public static String nameOf(TaxPeriod period) {
		if (!"K".equals(period.kind()) && !"N".equals(period.kind())) {
			return period.value();
		}
		return format(period.from()) + "-" + format(period.to());
	}

	private static Optional<TaxPeriod> range(String kind, String name) {
		String[] bounds = name.split("-", -1);
		if (bounds.length != 2) {
			return Optional.empty();
		}
		LocalDate from = day(bounds[0]);
		LocalDate to = day(bounds[1]);
		if (from == null || to == null || from.isAfter(to)) {
			return Optional.empty();
		}
		return Optional.of(new TaxPeriod(kind, "", from, to));
	}

	private static @Nullable LocalDate day(String text) {
		if (!DAY_TEXT.matcher(text).matches()) {
			return null;
		}
		try {
			return LocalDate.parse(text, DAY);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String format(@Nullable LocalDate day) {
		return (day != null) ? DAY.format(day) : "";
	}

}
