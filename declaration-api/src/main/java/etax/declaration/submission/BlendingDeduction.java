package etax.declaration.submission;

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
 * R-X-3 (VN-ETAX.md §3.9) for special consumption tax, CTX-X-05: the SCT a bio-fuel blender deducts on 01/TTĐB,
 * total (10), is the deduction its 02/TTĐB of the same month works out, total (17). Checked both ways round, on
 * whichever of the two is filed while the other's return in force is here; with none there is nothing to compare.
 * A warning, not the refusal §3.9 (N) asks for: when the pair disagrees, the return filed second may be the right
 * one, sent to correct the first, which is corrected by a supplement of its own.
 */
final class BlendingDeduction {

	private static final String BODY = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/TongCong/";

	/** Per maTKhai: 01/TTĐB against 02/TTĐB, and 02/TTĐB against 01/TTĐB. */
	private static final Map<String, Side> SIDES = Map.of(
			"830", new Side("tongCong_ct10", "(10)", "thuế TTĐB được khấu trừ của xăng khoáng dùng pha chế xăng sinh học",
					"SCT deducted for bio-fuel blending", "02/TTĐB", "tongCong_ct17", "(17)",
					"Ghi tổng cộng cột (10) bằng tổng cộng cột (17) của tờ khai 02/TTĐB cùng tháng; nếu tờ khai 02/TTĐB sai, "
							+ "khai bổ sung tờ khai đó.",
					"Declare total (10) as total (17) of the month's 02/TTĐB; if that return is wrong, supplement it."),
			"831", new Side("tongCong_ct17", "(17)", "thuế TTĐB của xăng khoáng được khấu trừ",
					"SCT on mineral petrol deductible", "01/TTĐB", "tongCong_ct10", "(10)",
					"Tổng cộng cột (17) được chuyển sang cột (10) tờ khai 01/TTĐB cùng tháng: khai bổ sung tờ khai 01/TTĐB, "
							+ "hoặc tờ khai này nếu số liệu của nó sai.",
					"Total (17) is carried to column (10) of the month's 01/TTĐB: supplement that 01/TTĐB, or this return "
							+ "if its figures are wrong."));

	private BlendingDeduction() {
	}

	/**
	 * @param document the return
	 * @return the chain key of the same taxpayer's other return of the month, none for other forms
	 */
	static List<String> keys(ReturnDocument document) {
		Side side = SIDES.get(document.form().maTKhai());
		return (side != null) ? List.of(key(document, side)) : List.of();
	}

	/**
	 * Compares the return's total with the other form's return in force of the month.
	 * @param document the return
	 * @param accepted the accepted returns of a chain, by chain key
	 * @return the finding, if the totals differ
	 */
	static Optional<Finding> check(ReturnDocument document, Function<String, List<ReturnChains.Member>> accepted) {
		Side side = SIDES.get(document.form().maTKhai());
		if (side == null) {
			return Optional.empty();
		}
		Optional<ReturnChains.Member> other = ReturnChains.current(accepted.apply(key(document, side)));
		if (other.isEmpty()) {
			return Optional.empty();
		}
		String declared = document.indicators().getOrDefault(side.indicator(), "");
		String theirs = other.get().indicators().getOrDefault(side.otherIndicator(), "");
		if (amount(declared).compareTo(amount(theirs)) == 0) {
			return Optional.empty();
		}
		String month = document.header().period().value();
		String code = other.get().transactionCode();
		return Optional.of(finding("CTX-X-05", Category.DATA_MISMATCH, Severity.WARNING, BODY + side.indicator(), declared,
				"Tổng cộng cột " + side.code() + " (" + side.nameVi() + ") tháng " + month + " là " + declared
						+ ", khác tổng cộng cột " + side.otherCode() + " của tờ khai " + side.otherForm()
						+ " cùng tháng đang có hiệu lực: " + theirs + " (mã giao dịch " + code + ").",
				"Total " + side.code() + " (" + side.nameEn() + ") for " + month + " is " + declared + ", not total "
						+ side.otherCode() + " of the month's " + side.otherForm() + " return in force: " + theirs
						+ " (transaction code " + code + ").",
				side.remedyVi(), side.remedyEn()));
	}

	/** Neither form has an activity or dependent unit in its chain ({@code FormCatalog.chainFields}). */
	private static String key(ReturnDocument document, Side side) {
		return String.join("|", document.header().mst(), side.otherForm(), document.header().period().kind(),
				ReturnChains.periodOf(document.header().period()), "", "");
	}

	/**
	 * One form of the pair.
	 * @param indicator its total, as the indicators name it
	 * @param code as printed
	 * @param nameVi what it is, in Vietnamese
	 * @param nameEn the same in English
	 * @param otherForm the form code of the other return of the month
	 * @param otherIndicator its total compared
	 * @param otherCode as printed
	 * @param remedyVi what to do, in Vietnamese
	 * @param remedyEn the same in English
	 */
	private record Side(String indicator, String code, String nameVi, String nameEn, String otherForm,
			String otherIndicator, String otherCode, String remedyVi, String remedyEn) {

	}

}
