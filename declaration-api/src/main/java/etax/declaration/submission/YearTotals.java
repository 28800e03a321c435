package etax.declaration.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;

import static etax.declaration.submission.ContextFindings.amount;
import static etax.declaration.submission.ContextFindings.finding;

/**
 * R-X-3 (VN-ETAX.md §3.9): a calendar year's finalization declares what the year's monthly or quarterly returns of
 * another form declared, the return in force of each period; a quarter counts its quarterly return if there is
 * one, else its months', so that a year filed partly monthly is summed once. With no such return of the year here
 * there is nothing to compare. Both are warnings: the finalization of PIT withheld may carry adjustments (W), and
 * the resource tax one, which §3.9 holds to the sum (N), cannot see the months filed on paper or before this
 * system; it becomes a refusal once those are migrated.
 * <ul>
 * <li>CTX-X-03: 05/QTT-TNCN [31] (PIT withheld) = Σ 05/KK-TNCN [29];</li>
 * <li>CTX-X-04: 02/TAIN total (9) (resource tax declared in the year) = Σ 01/TAIN total (8).</li>
 * </ul>
 */
final class YearTotals {

	private static final String BODY = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/";

	/** Per maTKhai of a finalization. */
	private static final Map<String, Rule> RULES = Map.of(
			"953", new Rule("CTX-X-03", "ThueDaKhauTru/ct31", "[31]", "tổng số thuế TNCN đã khấu trừ", "PIT withheld",
					"05/KK-TNCN", "ct29", "[29]"),
			"924", new Rule("CTX-X-04", "TongCong/tongCong_ct9", "(9)", "thuế tài nguyên đã kê khai trong năm",
					"resource tax declared in the year", "01/TAIN", "tongCong_ct8", "(8)"));

	private YearTotals() {
	}

	/**
	 * The chain keys of the year's returns of the other form: each quarter, then its months.
	 * @param document the return
	 * @return the keys, none unless the return is a calendar year's finalization with a rule
	 */
	static List<String> keys(ReturnDocument document) {
		Rule rule = rule(document);
		if (rule == null) {
			return List.of();
		}
		String year = document.header().period().value();
		List<String> keys = new ArrayList<>();
		for (int quarter = 1; quarter <= 4; quarter++) {
			keys.add(key(document, rule, "Q", quarter + "/" + year));
			for (int month = quarter * 3 - 2; month <= quarter * 3; month++) {
				keys.add(key(document, rule, "M", String.format("%02d/%s", month, year)));
			}
		}
		return keys;
	}

	static Optional<Finding> check(ReturnDocument document, Function<String, List<ReturnChains.Member>> accepted) {
		Rule rule = rule(document);
		if (rule == null) {
			return Optional.empty();
		}
		List<String> keys = keys(document);
		BigDecimal sum = BigDecimal.ZERO;
		int returns = 0;
		for (int quarter = 0; quarter < 4; quarter++) {
			List<String> quarterThenMonths = keys.subList(quarter * 4, quarter * 4 + 4);
			List<ReturnChains.Member> inForce = inForce(quarterThenMonths.get(0), accepted).map(List::of)
				.orElseGet(() -> quarterThenMonths.subList(1, 4).stream().flatMap((key) -> inForce(key, accepted).stream()).toList());
			for (ReturnChains.Member member : inForce) {
				sum = sum.add(amount(member.indicators().getOrDefault(rule.otherIndicator(), "")));
				returns++;
			}
		}
		String declared = document.indicators().getOrDefault(rule.indicator().substring(rule.indicator().indexOf('/') + 1), "");
		if (returns == 0 || amount(declared).compareTo(sum) == 0) {
			return Optional.empty();
		}
		String year = document.header().period().value();
		String total = sum.toPlainString();
		return Optional.of(finding(rule.id(), Category.DATA_MISMATCH, Severity.WARNING, BODY + rule.indicator(), declared,
				"Chỉ tiêu " + rule.code() + " (" + rule.nameVi() + ") năm " + year + " là " + declared + ", khác tổng chỉ tiêu "
						+ rule.otherCode() + " của " + returns + " tờ khai " + rule.otherForm() + " đang có hiệu lực trong năm: "
						+ total + ".",
				rule.code() + " (" + rule.nameEn() + ") for " + year + " is " + declared + ", not the sum of " + rule.otherCode()
						+ " of the year's " + returns + " " + rule.otherForm() + " returns in force: " + total + ".",
				"Kiểm tra số liệu; nếu tờ khai tháng hoặc quý sai, khai bổ sung tờ khai đó.",
				"Check the figures; if a monthly or quarterly return is wrong, supplement it."));
	}

	private static Rule rule(ReturnDocument document) {
		return "Y".equals(document.header().period().kind()) ? RULES.get(document.form().maTKhai()) : null;
	}

	private static Optional<ReturnChains.Member> inForce(String key, Function<String, List<ReturnChains.Member>> accepted) {
		return ReturnChains.current(accepted.apply(key));
	}

	/** The other forms have no activity or dependent unit in their chains ({@code FormCatalog.chainFields}). */
	private static String key(ReturnDocument document, Rule rule, String kind, String period) {
		return String.join("|", document.header().mst(), rule.otherForm(), kind, period, "", "");
	}

	/**
	 * @param id the rule id
	 * @param indicator the finalization's indicator, under its group
	 * @param code as printed
	 * @param nameVi what it is, in Vietnamese
	 * @param nameEn the same in English
	 * @param otherForm the form code of the year's returns
	 * @param otherIndicator their indicator summed
	 * @param otherCode as printed
	 */
	private record Rule(String id, String indicator, String code, String nameVi, String nameEn, String otherForm,
			String otherIndicator, String otherCode) {

	}

}
