package etax.declaration.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.TaxPeriod;

/**
 * A form of the catalog and a tax period it is filed for, as an officer names them (an extension, an assessment):
 * the version that covers the period, and the period's regular deadline under that version's rule, moved past
 * weekends and holidays. A date range is one a return of the form can declare ({@link DateRangeLimits}): not a
 * calendar year of a form filed for years, nor longer than a fiscal year.
 *
 * @param version the version of the form in force on the period's first day
 * @param period the period
 * @param rule the form's deadline rule for the period's kind
 * @param regularDeadline the deadline of the period under the rule
 */
public record FormPeriod(FormVersion version, TaxPeriod period, DeadlineRule rule, LocalDate regularDeadline) {

	/**
	 * @param maTKhai the form's id in the XML
	 * @param kind {@code kieuKy}
	 * @param name the period as {@link PeriodNames} writes it
	 * @param deadlines the calendar
	 * @return the form's version and the period's deadline
	 * @throws Invalid naming the first of {@code maTKhai}, {@code periodKind} or {@code period} the catalog, or a
	 * return's period ({@link DateRangeLimits}), does not allow
	 */
	public static FormPeriod resolve(String maTKhai, String kind, String name, Deadlines deadlines) {
		List<FormVersion> versions = FormCatalog.load()
			.versions()
			.stream()
			.filter((version) -> version.maTKhai().equals(maTKhai))
			.toList();
		if (versions.isEmpty()) {
			throw new Invalid("maTKhai", "No form of the catalog has maTKhai " + maTKhai);
		}
		String form = versions.get(0).formCode();
		TreeSet<String> kinds = new TreeSet<>();
		versions.forEach((version) -> kinds.addAll(version.periodKinds()));
		if (!kinds.contains(kind)) {
			throw new Invalid("periodKind",
					"Form " + form + " is not filed for period kind " + kind + " (only for: " + String.join(", ", kinds) + ")");
		}
		TaxPeriod period = PeriodNames.parse(kind, name)
			.orElseThrow(() -> new Invalid("period", "A period of kind " + kind + " is written " + format(kind)));
		// a period no return can carry: the taxpayer files it otherwise, and what is named for it would never apply
		DateRangeLimits.calendarYear(period, kinds).ifPresent((year) -> {
			throw new Invalid("periodKind", "The period " + name + " is the calendar year " + year + ", which form "
					+ form + " is filed for as a year: name it as periodKind Y, period " + year + " (CTX-PER-05)");
		});
		if (DateRangeLimits.longerThanAFiscalYear(period, maTKhai)) {
			throw new Invalid("period", "The period " + name + " is longer than "
					+ DateRangeLimits.LONGEST_FISCAL_YEAR_MONTHS + " months: a tax year (a fiscal year) is at most "
					+ DateRangeLimits.LONGEST_FISCAL_YEAR_MONTHS
					+ " months, and each is filed on its own (CTX-PER-06)");
		}
		LocalDate start = DeadlineRule.periodStart(period);
		FormVersion version = versions.stream()
			.filter((candidate) -> candidate.periodKinds().contains(kind) && candidate.isInForceOn(start))
			.findFirst()
			.orElseThrow(() -> new Invalid("period", "No version of form " + form + " covers the period " + name));
		DeadlineRule rule = Deadlines.ruleOf(version, kind);
		return new FormPeriod(version, period, rule, deadlines.deadlineOf(period, rule));
	}

	private static String format(String kind) {
		return switch (kind) {
			case "M" -> "MM/yyyy";
			case "Q" -> "q/yyyy";
			case "Y" -> "yyyy";
			case "D" -> "dd/MM/yyyy";
			default -> "dd/MM/yyyy-dd/MM/yyyy (its first and last days)";
		};
	}

	/** A form or period the catalog does not allow, naming the field at fault; callers answer it as their own. */
	public static final class Invalid extends RuntimeException {

		private final String field;

		Invalid(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

}
