package etax.declaration.submission;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import etax.declaration.calendar.DeadlineRule;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;

import static etax.declaration.submission.ContextFindings.amount;
import static etax.declaration.submission.ContextFindings.finding;

/**
 * R-X-2 (VN-ETAX.md §1.8, §3.9; N: not accepted): the VAT a 01/GTGT carries over from the period before
 * ([22]) is what the return in force of that period left to carry forward ([43]), for the same taxpayer, form,
 * activity and dependent unit (the previous period's chain); for a 02/GTGT, the VAT not yet refunded it
 * carries over ([21]) is what the same project's return of the period before carried forward ([32]). The period
 * before is the month or the quarter that ends the day before this period starts, so a switch between monthly and
 * quarterly filing at a year's start is followed. Without an accepted return of the period before (the first period filed here, or a
 * period of the Circular 26 generation, whose chains carry no activity code) there is nothing to compare.
 */
final class CarriedOver {

	private static final String BODY = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/";

	/** Per maTKhai: the carried-over indicator and the previous return's indicator it must equal. */
	private static final Map<String, Rule> RULES = Map.of(
			"842", new Rule("ct22", "ct43", "thuế GTGT còn được khấu trừ kỳ trước chuyển sang", "deductible VAT carried over"),
			"844", new Rule("ct21", "ct32", "thuế GTGT chưa được hoàn kỳ trước chuyển sang", "VAT not yet refunded, carried over"));

	private CarriedOver() {
	}

	/**
	 * The chain keys of the period before, the same kind first; none for a form without the rule.
	 * @param document the return
	 * @return the keys to read the previous period's accepted returns by
	 */
	static List<String> previousKeys(ReturnDocument document) {
		Rule rule = RULES.get(document.form().maTKhai());
		TaxPeriod period = document.header().period();
		if (rule == null || !document.indicators().containsKey(rule.indicator())
				|| !List.of("M", "Q").contains(period.kind())) {
			return List.of();
		}
		LocalDate start;
		try {
			start = DeadlineRule.periodStart(period);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		YearMonth before = YearMonth.from(start.minusDays(1));
		List<String> keys = new ArrayList<>();
		if (before.getMonthValue() % 3 == 0) {
			keys.add(ReturnChains.keyOf(document, "Q", before.getMonthValue() / 3 + "/" + before.getYear()));
		}
		String month = ReturnChains.keyOf(document, "M", String.format("%02d/%d", before.getMonthValue(), before.getYear()));
		keys.add("M".equals(period.kind()) ? 0 : keys.size(), month);
		return keys;
	}

	/**
	 * Compares the carried-over figure with the previous period's return in force.
	 * @param document the return
	 * @param accepted the accepted returns of a chain, by chain key
	 * @return the finding, if the figures differ
	 */
	static Optional<Finding> check(ReturnDocument document, Function<String, List<ReturnChains.Member>> accepted) {
		Rule rule = RULES.get(document.form().maTKhai());
		if (rule == null) {
			return Optional.empty();
		}
		for (String key : previousKeys(document)) {
			Optional<ReturnChains.Member> inForce = ReturnChains.current(accepted.apply(key));
			if (inForce.isPresent()) {
				return compare(document, rule, inForce.get());
			}
		}
		return Optional.empty();
	}

	private static Optional<Finding> compare(ReturnDocument document, Rule rule, ReturnChains.Member previous) {
		String carried = document.indicators().getOrDefault(rule.indicator(), "");
		String left = previous.indicators().getOrDefault(rule.previousIndicator(), "");
		if (amount(carried).compareTo(amount(left)) == 0) {
			return Optional.empty();
		}
		String code = rule.indicator().substring(2);
		String previousCode = rule.previousIndicator().substring(2);
		return Optional.of(finding("CTX-X-02", Category.DATA_MISMATCH, Severity.REJECT, BODY + rule.indicator(), carried,
				"Chỉ tiêu [" + code + "] (" + rule.nameVi() + ") là " + carried
						+ ", khác chỉ tiêu [" + previousCode + "] của tờ khai kỳ trước đang có hiệu lực: " + left
						+ " (mã giao dịch " + previous.transactionCode() + ").",
				"[" + code + "] (" + rule.nameEn() + ") is " + carried + ", not [" + previousCode
						+ "] of the previous period's return in force: " + left + " (transaction code "
						+ previous.transactionCode() + ").",
				"Ghi [" + code + "] bằng [" + previousCode + "] của tờ khai kỳ trước; nếu tờ khai kỳ trước sai, nộp tờ khai "
						+ "bổ sung cho kỳ đó trước.",
				"Write [" + code + "] as [" + previousCode + "] of the previous period's return; if that return is wrong, "
						+ "supplement it first."));
	}

	/** An amount as written, zero when blank or not a number (a form rule or the XSD says so). */

	/**
	 * @param indicator the carried-over indicator of this return
	 * @param previousIndicator the indicator of the previous period's return it must equal
	 * @param nameVi what the carried-over indicator is, in Vietnamese
	 * @param nameEn the same in English
	 */
	private record Rule(String indicator, String previousIndicator, String nameVi, String nameEn) {

	}

}
