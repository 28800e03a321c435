package etax.declaration.submission;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.Deadlines;
import etax.declaration.taxpayer.Taxpayer;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * The context rules of a return's period (VN-ETAX.md §3.4): its kind, form and end, a calendar year declared as a
 * year and a date range no longer than a fiscal year ({@link DateRanges}), and the registered filing frequency. A
 * period that passes them is held to its deadline ({@link DeadlineRules}).
 */
final class PeriodRules {

	private static final Pattern MONTH = Pattern.compile("(0[1-9]|1[0-2])/\\d{4}");

	private static final Pattern QUARTER = Pattern.compile("[1-4]/\\d{4}");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/** Strict: 31/02 is no day (the default, smart resolver would read 28/02). */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private PeriodRules() {
	}

	/**
	 * The period's kind (one the form takes, CTX-PER-04), form and end, and the registered frequency. A return due
	 * before its period ends (an advance declaration, e.g. a lump-sum household's year due on 15 December before
	 * it) may be filed before the end.
	 * @param document the return
	 * @param filedOn the day of its postmark, in Vietnam
	 * @param taxpayer the registered taxpayer, or null when the signature vouched for nothing: its filing frequency is
	 * then not judged (it is the taxpayer's record)
	 * @param findings where the findings go
	 * @return the form's own deadline rule for the period kind ({@link DeadlineRule}), when the deadline is to be
	 * checked; {@code null} when a finding on the period leaves no deadline to judge
	 */
	static @Nullable DeadlineRule check(ReturnDocument document, LocalDate filedOn, @Nullable Taxpayer taxpayer,
			List<Finding> findings) {
		TaxPeriod period = document.header().period();
		if (!document.form().periodKinds().contains(period.kind())) {
			findings.add(kindNotOfTheForm(document, period));
			return null;
		}
		if (!wellFormed(period)) {
			findings.add(finding("CTX-PER-01", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD,
					period.value(), "Kỳ tính thuế không đúng định dạng của loại kỳ " + period.kind() + " hoặc không khớp từ ngày/đến ngày.",
					"The tax period does not match the format of kind " + period.kind() + " or its from/to dates.",
					"Khai kỳ theo định dạng: tháng MM/yyyy, quý q/yyyy, năm yyyy (01/01–31/12), lần phát sinh dd/MM/yyyy "
							+ "(từ ngày, đến ngày là chính ngày đó).",
					"Write the period as MM/yyyy (month), q/yyyy (quarter), yyyy (year, 01/01 to 31/12) or dd/MM/yyyy "
							+ "(occurrence, from and to that day)."));
			return null;
		}
		Optional<Finding> range = DateRanges.calendarYear(document).or(() -> DateRanges.longerThanAFiscalYear(document));
		if (range.isPresent()) {
			findings.add(range.get());
			return null;
		}
		LocalDate end = Deadlines.periodEnd(period);
		DeadlineRule rule = Deadlines.ruleOf(document.form(), period.kind());
		boolean occurrence = "D".equals(period.kind());
		boolean ended = occurrence ? !end.isAfter(filedOn) : end.isBefore(filedOn);
		if (!ended && !rule.dueBeforeTheEnd(period)) {
			findings.add(finding("CTX-PER-02", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD,
					period.value(), "Kỳ tính thuế chưa kết thúc tại thời điểm nộp.", "The tax period has not ended yet.",
					"Nộp tờ khai sau khi kỳ tính thuế kết thúc.", "File the return once the tax period has ended."));
			return null;
		}
		if (!ended && (rule.lastDay(period).isAfter(filedOn.plusYears(1))
				|| DeadlineRule.periodStart(period).isAfter(filedOn.plusYears(1)))) {
			// an advance declaration (a household's lump sum by 15 December for the next year) is for the coming
			// period, not for any year ahead: the year after next, due 15 December of the next, is not it
			findings.add(finding("CTX-PER-02", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD,
					period.value(), "Kỳ tính thuế quá xa: tờ khai nộp trước chỉ cho kỳ có hạn nộp trong vòng một năm tới.",
					"The tax period is too far ahead: an advance declaration is for a period due within the coming year.",
					"Khai cho kỳ tính thuế sắp tới.", "Declare the coming tax period."));
			return null;
		}
		if (taxpayer != null && document.form().periodKinds().containsAll(List.of("M", "Q"))
				&& List.of("M", "Q").contains(period.kind())) {
			checkFrequency(period, end, taxpayer, findings);
		}
		return rule;
	}

	/**
	 * R-PER-2: a monthly or quarterly return has the period kind of the filing frequency in force for its
	 * period, not of today's: a switch applies from the first period of a calendar year, and the periods
	 * before it keep the frequency they had ({@link Taxpayer#filingFrequencyOn}).
	 */
	private static void checkFrequency(TaxPeriod period, LocalDate end, Taxpayer taxpayer, List<Finding> findings) {
		LocalDate start = end.withDayOfMonth(1).minusMonths("Q".equals(period.kind()) ? 2 : 0);
		String frequency = taxpayer.filingFrequencyOn(start);
		if (!period.kind().equals(frequency)) {
			String year = String.valueOf(start.getYear());
			findings.add(finding("CTX-PER-03", Category.DATA_MISMATCH, Severity.REJECT, ContextFindings.PERIOD_KIND,
					period.kind(), "Người nộp thuế đăng ký khai theo " + frequencyVi(frequency) + " cho các kỳ năm " + year + ".",
					"The taxpayer is registered to file " + frequencyEn(frequency) + " for the periods of " + year + ".",
					"Khai theo kỳ đã đăng ký cho năm đó, hoặc đăng ký thay đổi kỳ khai (mẫu 01/ĐK-TĐKTT), có hiệu lực từ "
							+ "kỳ đầu tiên của năm dương lịch.",
					"File for the period registered for that year, or register a change (form 01/ĐK-TĐKTT), which "
							+ "applies from the first period of a calendar year."));
		}
	}

	/**
	 * R-PER-1: the period kind must be one the form version takes (its {@code periods:}); a 01/GTGT declared
	 * as a year, a free range or an occurrence would otherwise start a chain of its own beside the quarter's.
	 */
	private static Finding kindNotOfTheForm(ReturnDocument document, TaxPeriod period) {
		String allowed = String.join(", ", new TreeSet<>(document.form().periodKinds()));
		String form = document.header().formCode();
		return finding("CTX-PER-04", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD_KIND,
				period.kind(), "Mẫu " + form + " không khai theo loại kỳ " + period.kind() + " (chỉ khai theo: " + allowed + ").",
				"Form " + form + " is not declared for period kind " + period.kind() + " (only for: " + allowed + ").",
				"Khai loại kỳ (kieuKy) là một trong: " + allowed + " (M tháng, Q quý, Y năm, D lần phát sinh, K/N từ ngày "
						+ "đến ngày).",
				"Set the period kind (kieuKy) to one of: " + allowed + " (M month, Q quarter, Y year, D occurrence, K/N "
						+ "date range).");
	}

	/** Whether the period's value has the form of its kind, and its declared bounds, if any, agree with it. */
	static boolean wellFormed(TaxPeriod period) {
		String value = period.value();
		try {
			return switch (period.kind()) {
				case "M" -> MONTH.matcher(value).matches() && bounds(period, YearMonth.of(
						Integer.parseInt(value.substring(3)), Integer.parseInt(value.substring(0, 2))).atDay(1), 1);
				case "Q" -> QUARTER.matcher(value).matches() && bounds(period, YearMonth.of(
						Integer.parseInt(value.substring(2)), (Integer.parseInt(value.substring(0, 1)) - 1) * 3 + 1).atDay(1), 3);
				case "Y" -> YEAR.matcher(value).matches()
						&& bounds(period, LocalDate.of(Integer.parseInt(value), 1, 1), 12);
				case "D" -> day(period, LocalDate.parse(value, DAY));
				default -> period.from() != null && period.to() != null && !period.from().isAfter(period.to());
			};
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** An occurrence is one day: declared bounds, when present, are that day. */
	private static boolean day(TaxPeriod period, LocalDate day) {
		return (period.from() == null || period.from().equals(day)) && (period.to() == null || period.to().equals(day));
	}

	/** Declared bounds, when present, must be exactly the month, quarter or calendar year. */
	private static boolean bounds(TaxPeriod period, LocalDate start, int months) {
		LocalDate end = start.plusMonths(months).minusDays(1);
		return (period.from() == null || period.from().equals(start)) && (period.to() == null || period.to().equals(end));
	}

	private static String frequencyVi(String frequency) {
		return "M".equals(frequency) ? "tháng" : "quý";
	}

	private static String frequencyEn(String frequency) {
		return "M".equals(frequency) ? "monthly" : "quarterly";
	}

}
