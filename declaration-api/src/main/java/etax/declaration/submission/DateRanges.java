package etax.declaration.submission;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import etax.declaration.calendar.DateRangeLimits;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.FormVersion;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * Free date ranges (kieuKy K or N, VN-ETAX.md §1.3: a non-calendar fiscal year, a part year) are chains named by
 * their bounds ({@link ReturnChains#periodOf}), so each fiscal period is a chain of its own; what keeps a stretch
 * of time from being declared twice in two chains. CTX-PER-05: a range that is exactly a calendar year, on a form
 * that takes years (Y), is declared as that year, so that it meets the year's chain and the finalization rules that
 * look the year up (R-DUP-4, R-X-3). CTX-PER-06: an original's range is at most a fiscal year, 15 months. Both limits
 * are {@link DateRangeLimits}, to which officers' periods are held as well. CTX-DUP-15: an original of a date-range
 * form whose range (a year's being 1 January to 31 December) overlaps that of an accepted original of the same
 * taxpayer and form in another chain is refused with a pointer to it, but for the forms filed per contract
 * ({@link DateRangeLimits#perContract}). The originals of a taxpayer's date-range form are read under an advisory
 * lock of their own ({@link #lockName}), taken with the chain locks, so two overlapping originals filed at once are
 * decided one after the other.
 */
@Component
class DateRanges {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private static final int LONGEST_FISCAL_YEAR_MONTHS = DateRangeLimits.LONGEST_FISCAL_YEAR_MONTHS;

	/**
	 * The accepted originals of kind K, N or Y of each scope (MSTs and form codes, arrays in that order), a
	 * taxpayer's through the partial index tax_return_accepted_originals (V34) whatever the statistics (ADR 0020).
	 */
	static final String ACCEPTED_ORIGINALS = """
			SELECT scope.mst || '|' || scope.form_code, r.id, r.transaction_code, r.chain_key, r.period_kind,
			    r.period_value, r.period_from, r.period_to
			FROM unnest(?::text[], ?::text[]) AS scope(mst, form_code)
			CROSS JOIN LATERAL (
			    SELECT id, transaction_code, chain_key, period_kind, period_value, period_from, period_to
			    FROM filing.tax_return
			    WHERE mst = scope.mst AND form_code = scope.form_code AND status = 'ACCEPTED' AND filing_type = 'C'
			        AND period_kind IN ('K', 'N', 'Y')) r
			""";

	private final JdbcClient jdbc;

	DateRanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * CTX-PER-05, for a well-formed period.
	 * @param document the return
	 * @return the finding, if it declares a calendar year as a date range of a form that takes years
	 */
	static Optional<Finding> calendarYear(ReturnDocument document) {
		TaxPeriod period = document.header().period();
		// an original: a supplement or replacement follows its chain, as its original was declared (before V34 a
		// calendar year could be a range, and such a chain must stay correctable)
		if (!"C".equals(document.header().filingType())) {
			return Optional.empty();
		}
		return DateRangeLimits.calendarYear(period, document.form().periodKinds())
			.map((calendarYear) -> calendarYearFinding(period, String.valueOf(calendarYear.getValue())));
	}

	private static Finding calendarYearFinding(TaxPeriod period, String year) {
		return finding("CTX-PER-05", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD_KIND,
				period.kind(), "Kỳ tính thuế từ ngày 01/01/" + year + " đến ngày 31/12/" + year + " là năm dương lịch " + year
						+ ": khai theo loại kỳ năm (Y), không theo khoảng thời gian (" + period.kind() + ").",
				"The period from 01/01/" + year + " to 31/12/" + year + " is the calendar year " + year
						+ ": it is declared as a year (Y), not as a date range (" + period.kind() + ").",
				"Khai kieuKy = Y và kyKKhai = " + year + ".", "Set kieuKy to Y and kyKKhai to " + year + ".");
	}

	/**
	 * CTX-PER-06, for a well-formed period ({@link DateRangeLimits#longerThanAFiscalYear}): a longer range also left no
	 * year inside it to declare (CTX-DUP-15).
	 * @param document the return
	 * @return the finding, if an original declares a longer range
	 */
	static Optional<Finding> longerThanAFiscalYear(ReturnDocument document) {
		TaxPeriod period = document.header().period();
		LocalDate from = period.from();
		LocalDate to = period.to();
		if (!"C".equals(document.header().filingType())
				|| !DateRangeLimits.longerThanAFiscalYear(period, document.form().maTKhai()) || from == null
				|| to == null) {
			return Optional.empty();
		}
		return Optional.of(finding("CTX-PER-06", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD_TO,
				to.format(DAY), "Kỳ tính thuế từ " + from.format(DAY) + " đến " + to.format(DAY) + " dài hơn "
						+ LONGEST_FISCAL_YEAR_MONTHS + " tháng: một kỳ tính thuế năm (năm tài chính) không quá "
						+ LONGEST_FISCAL_YEAR_MONTHS + " tháng.",
				"The period from " + from.format(DAY) + " to " + to.format(DAY) + " is longer than "
						+ LONGEST_FISCAL_YEAR_MONTHS + " months: a tax year (a fiscal year) is at most "
						+ LONGEST_FISCAL_YEAR_MONTHS + " months.",
				"Khai riêng từng năm tài chính.", "Declare each fiscal year on a return of its own."));
	}

	/**
	 * The taxpayer and form whose originals an original of a date-range form is compared with.
	 * @param document the return
	 * @return {@code mst|formCode} for an original of a form that takes K or N, declared as K, N or Y; none otherwise,
	 * nor for a form filed per contract: a taxpayer's contracts overlap in time, each a chain of its own
	 */
	static Optional<String> scopeOf(ReturnDocument document) {
		FormVersion form = document.form();
		if (!"C".equals(document.header().filingType())
				|| form.periodKinds().stream().noneMatch(DateRangeLimits::isRange)
				|| DateRangeLimits.perContract(form.maTKhai()) || rangeOf(document.header().period()) == null) {
			return Optional.empty();
		}
		return Optional.of(document.header().mst() + "|" + document.header().formCode());
	}

	/** The advisory lock that serialises the originals of a scope ({@link #scopeOf}), taken with the chain locks. */
	static String lockName(String scope) {
		return "ranges|" + scope;
	}

	/**
	 * The accepted originals of these scopes, in one round trip.
	 * @param scopes {@code mst|formCode} each ({@link #scopeOf})
	 * @return each scope's accepted originals of kind K, N or Y, for those that have any
	 */
	Map<String, List<Original>> accepted(Collection<String> scopes) {
		Map<String, List<Original>> originals = new HashMap<>();
		if (scopes.isEmpty()) {
			return originals;
		}
		this.jdbc.sql(ACCEPTED_ORIGINALS)
			.params(scopes.stream().map((scope) -> scope.substring(0, scope.indexOf('|'))).toArray(String[]::new),
					scopes.stream().map((scope) -> scope.substring(scope.indexOf('|') + 1)).toArray(String[]::new))
			.query((row, n) -> {
				TaxPeriod period = new TaxPeriod(row.getString(5), row.getString(6), row.getObject(7, LocalDate.class),
						row.getObject(8, LocalDate.class));
				Range range = rangeOf(period);
				if (range != null) {
					originals.computeIfAbsent(row.getString(1), (scope) -> new ArrayList<>())
						.add(new Original(row.getObject(2, UUID.class), row.getString(3), row.getString(4), range));
				}
				return n;
			})
			.list();
		return originals;
	}

	/**
	 * CTX-DUP-15.
	 * @param document an original of its scope ({@link #scopeOf})
	 * @param chainKey its chain key
	 * @param accepted the accepted originals of its scope
	 * @return the finding, if its range overlaps that of an accepted original in another chain
	 */
	static Optional<Finding> check(ReturnDocument document, String chainKey, List<Original> accepted) {
		Range range = rangeOf(document.header().period());
		if (range == null) {
			return Optional.empty();
		}
		return accepted.stream()
			.filter((other) -> !other.chainKey().equals(chainKey) && range.overlaps(other.range()))
			.findFirst()
			.map((other) -> finding("CTX-DUP-15", Category.DUPLICATE_CONDITION, Severity.REJECT,
					ContextFindings.PERIOD_FROM, other.transactionCode(),
					"Kỳ tính thuế " + range + " trùng với kỳ " + other.range() + " của tờ khai lần đầu đã được chấp nhận (mã "
							+ "giao dịch " + other.transactionCode() + "): mỗi khoảng thời gian chỉ khai một lần.",
					"The period " + range + " overlaps the period " + other.range() + " of an accepted original return "
							+ "(transaction code " + other.transactionCode() + ", return " + other.id()
							+ "): a stretch of time is declared once.",
					"Nếu là cùng kỳ tính thuế, khai bổ sung (loại B) tờ khai mã giao dịch " + other.transactionCode()
							+ "; nếu không, khai kỳ tính thuế không trùng với kỳ đó.",
					"If it is the same tax period, supplement return " + other.transactionCode()
							+ " (type B); otherwise declare a period that does not overlap it."));
	}

	/** The original a return accepted now is, for the originals of its scope decided after it in a group. */
	static Optional<Original> of(ReturnDocument document, String chainKey, UUID id, String transactionCode) {
		Range range = rangeOf(document.header().period());
		return (range != null) ? Optional.of(new Original(id, transactionCode, chainKey, range)) : Optional.empty();
	}

	/** The days a period covers: a date range's bounds, a year's 1 January to 31 December; none for another kind. */
	private static @Nullable Range rangeOf(TaxPeriod period) {
		LocalDate from = period.from();
		LocalDate to = period.to();
		if (DateRangeLimits.isRange(period.kind())) {
			return (from != null && to != null) ? new Range(from, to) : null;
		}
		if ("Y".equals(period.kind()) && period.value().matches("\\d{4}")) {
			LocalDate first = LocalDate.of(Integer.parseInt(period.value()), 1, 1);
			return new Range(first, first.withMonth(12).withDayOfMonth(31));
		}
		return null;
	}

	/**
	 * An accepted original of a scope.
	 * @param id the return
	 * @param transactionCode its transaction code
	 * @param chainKey its chain
	 * @param range the days its period covers
	 */
	record Original(UUID id, String transactionCode, String chainKey, Range range) {

	}

	/**
	 * Days from one to another, both included.
	 * @param from the first day
	 * @param to the last day
	 */
	record Range(LocalDate from, LocalDate to) {

		boolean overlaps(Range other) {
			return !this.from.isAfter(other.to) && !other.from.isAfter(this.to);
		}

		@Override
		public String toString() {
			return DAY.format(this.from) + "–" + DAY.format(this.to);
		}

	}

}
