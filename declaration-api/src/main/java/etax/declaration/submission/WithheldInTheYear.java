package etax.declaration.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * R-X-3 (VN-ETAX.md §3.9; W: a warning, since the finalization may carry adjustments): the PIT a paying
 * organisation declares withheld for a calendar year on its finalization (05/QTT-TNCN [31]) is the sum of what
 * its monthly or quarterly withholding returns of that year declared (05/KK-TNCN [29], the return in force of
 * each period). A quarter counts its quarterly return if there is one, else its months', so that a year filed
 * partly monthly is summed once. With no withholding return of the year here there is nothing to compare.
 */
final class WithheldInTheYear {

	private static final String FINALIZATION = "953";

	private static final String WITHHOLDING_FORM = "05/KK-TNCN";

	private static final String XPATH = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ThueDaKhauTru/ct31";

	private WithheldInTheYear() {
	}

	/**
	 * The chain keys of the year's withholding returns: each quarter, then each month.
	 * @param document the return
	 * @return the keys, none unless the return is a calendar year's 05/QTT-TNCN
	 */
	static List<String> keys(ReturnDocument document) {
		if (!applies(document)) {
			return List.of();
		}
		String year = document.header().period().value();
		List<String> keys = new ArrayList<>();
		for (int quarter = 1; quarter <= 4; quarter++) {
			keys.add(key(document, "Q", quarter + "/" + year));
			for (int month = quarter * 3 - 2; month <= quarter * 3; month++) {
				keys.add(key(document, "M", String.format("%02d/%s", month, year)));
			}
		}
		return keys;
	}

	static Optional<Finding> check(ReturnDocument document, Function<String, List<ReturnChains.Member>> accepted) {
		if (!applies(document)) {
			return Optional.empty();
		}
		List<String> keys = keys(document);
		BigDecimal withheld = BigDecimal.ZERO;
		int returns = 0;
		for (int quarter = 0; quarter < 4; quarter++) {
			List<String> quarterThenMonths = keys.subList(quarter * 4, quarter * 4 + 4);
			List<ReturnChains.Member> inForce = inForce(quarterThenMonths.get(0), accepted)
				.map(List::of)
				.orElseGet(() -> quarterThenMonths.subList(1, 4).stream().flatMap((key) -> inForce(key, accepted).stream()).toList());
			for (ReturnChains.Member member : inForce) {
				withheld = withheld.add(amount(member.indicators().getOrDefault("ct29", "")));
				returns++;
			}
		}
		String declared = document.indicators().getOrDefault("ct31", "");
		if (returns == 0 || amount(declared).compareTo(withheld) == 0) {
			return Optional.empty();
		}
		String year = document.header().period().value();
		return Optional.of(finding("CTX-X-03", Category.DATA_MISMATCH, Severity.WARNING, XPATH, declared,
				"Chỉ tiêu [31] (tổng số thuế TNCN đã khấu trừ) năm " + year + " là " + declared + ", khác tổng chỉ tiêu [29] của "
						+ returns + " tờ khai 05/KK-TNCN đang có hiệu lực trong năm: " + withheld.toPlainString() + ".",
				"[31] (PIT withheld) for " + year + " is " + declared + ", not the sum of [29] of the year's " + returns
						+ " 05/KK-TNCN returns in force: " + withheld.toPlainString() + ".",
				"Kiểm tra số thuế đã khấu trừ; nếu tờ khai tháng hoặc quý sai, khai bổ sung tờ khai đó.",
				"Check the tax withheld; if a monthly or quarterly return is wrong, supplement it."));
	}

	private static boolean applies(ReturnDocument document) {
		return FINALIZATION.equals(document.form().maTKhai()) && "Y".equals(document.header().period().kind());
	}

	private static Optional<ReturnChains.Member> inForce(String key, Function<String, List<ReturnChains.Member>> accepted) {
		return ReturnChains.current(accepted.apply(key));
	}

	/** 05/KK-TNCN has no activity or dependent unit in its chain ({@code FormCatalog.chainFields}). */
	private static String key(ReturnDocument document, String kind, String period) {
		return String.join("|", document.header().mst(), WITHHOLDING_FORM, kind, period, "", "");
	}

	private static BigDecimal amount(String value) {
		try {
			return new BigDecimal(value.isBlank() ? "0" : value.strip());
		}
		catch (NumberFormatException ex) {
			return BigDecimal.ZERO;
		}
	}

}
