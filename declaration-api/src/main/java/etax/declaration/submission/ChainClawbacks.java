package etax.declaration.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.RefundClawback;
import etax.schemas.Severity;
import org.jspecify.annotations.Nullable;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * A supplement's refund to pay back (01/KHBS section B [14]) against what its chain already charged (VN-ETAX.md
 * §1.4, §5.6). [14] is the whole of one refund, named by its sub-item and day received; the chain charges what it
 * adds to the most its earlier accepted returns declared for that refund ({@code payable.RefundClawbacks}). Two
 * cases charge other than a filer may expect, each a warning: a lower [14] takes nothing back (CTX-DUP-13), and a
 * refund under a sub-item the chain charged but received on a new day is another refund, charged in full
 * (CTX-DUP-14).
 */
final class ChainClawbacks {

	static final String SECTION = "/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/HoanThueThuHoi";

	private ChainClawbacks() {
	}

	/**
	 * @param clawback the refund the supplement pays back ({@link ReturnChains#clawbackOf}), if any
	 * @param accepted the chain's accepted returns, in the order decided
	 * @return the warnings, if any
	 */
	static List<Finding> check(@Nullable RefundClawback clawback, List<ReturnChains.Member> accepted) {
		String subItem = (clawback != null) ? clawback.subItem() : null;
		LocalDate day = (clawback != null) ? clawback.receivedOn() : null;
		if (clawback == null || subItem == null || day == null) {
			return List.of();
		}
		Map<LocalDate, Charged> charged = charged(subItem, accepted);
		Charged same = charged.get(day);
		// the same refund charged before
		if (same != null) {
			return (clawback.amount() < same.amount()) ? List.of(lower(clawback.amount(), subItem, day, same))
					: List.of();
		}
		return charged.isEmpty() ? List.of() : List.of(another(clawback.amount(), subItem, day, charged));
	}

	/**
	 * The refunds under a sub-item the chain charged, by day received in the order first charged (a sub-item and a
	 * day are {@linkplain RefundClawback#sameRefundAs one refund}): the most declared and the returns that charged
	 * it, each that declared more than those before it.
	 */
	private static Map<LocalDate, Charged> charged(String subItem, List<ReturnChains.Member> accepted) {
		Map<LocalDate, Charged> charged = new LinkedHashMap<>();
		for (ReturnChains.Member member : accepted) {
			RefundClawback earlier = member.clawback();
			if (earlier == null || !subItem.equals(earlier.subItem()) || earlier.receivedOn() == null) {
				continue;
			}
			Charged before = charged.get(earlier.receivedOn());
			if (before == null || earlier.amount() > before.amount()) {
				List<String> codes = new ArrayList<>((before != null) ? before.transactionCodes() : List.of());
				codes.add(member.transactionCode());
				charged.put(earlier.receivedOn(), new Charged(earlier.amount(), codes));
			}
		}
		return charged;
	}

	private static Finding lower(long amount, String subItem, LocalDate day, Charged charged) {
		String refundVi = "khoản hoàn thuế nhận ngày " + day + " (tiểu mục " + subItem + ")";
		String refundEn = "the refund received on " + day + " (sub-item " + subItem + ")";
		return finding("CTX-DUP-13", Category.DUPLICATE_CONDITION, Severity.WARNING, SECTION + "/ct14",
				String.valueOf(amount),
				"[14] khai phải nộp lại " + amount + " của " + refundVi + ", ít hơn số đã ghi nợ: "
						+ charged.amount() + " (" + charged.codesVi() + "); tờ khai này không làm giảm số đã ghi nợ.",
				"[14] declares " + amount + " to pay back of " + refundEn + ", less than the chain already "
						+ "charged: " + charged.amount() + " (" + charged.codesEn() + "); nothing is taken back.",
				"[14] là toàn bộ số thuế đã hoàn phải nộp lại của khoản hoàn đó, ghi lại đủ số tờ khai bổ sung trước đã "
						+ "khai nếu không đổi (" + charged.amount() + "). Số đã ghi nợ sai do cơ quan thuế điều chỉnh: "
						+ "liên hệ cơ quan thuế quản lý.",
				"[14] is the whole of that refund to pay back, the same figure again if an earlier supplement "
						+ "declared it (" + charged.amount() + "). A refund charged wrongly is corrected by the tax "
						+ "office: contact it.");
	}

	private static Finding another(long amount, String subItem, LocalDate day, Map<LocalDate, Charged> charged) {
		List<String> vi = new ArrayList<>();
		List<String> en = new ArrayList<>();
		charged.forEach((received, refund) -> {
			vi.add(received + " (" + refund.amount() + ", " + refund.codesVi() + ")");
			en.add(received + " (" + refund.amount() + ", " + refund.codesEn() + ")");
		});
		return finding("CTX-DUP-14", Category.DUPLICATE_CONDITION, Severity.WARNING, SECTION + "/ngayNhanHoan",
				day.toString(),
				"Đã ghi nợ khoản hoàn thuế tiểu mục " + subItem + " nhận ngày " + String.join("; ", vi)
						+ "; khoản nhận ngày " + day + " là khoản hoàn khác: ghi nợ toàn bộ " + amount + ".",
				"The chain already charged the refund under sub-item " + subItem + " received on "
						+ String.join("; ", en) + "; the one received on " + day + " is another refund: its " + amount
						+ " is charged in full.",
				"Nếu ngày này là ngày nhận tiền hoàn được sửa lại của khoản đã ghi nợ, đề nghị cơ quan thuế quản lý "
						+ "điều chỉnh khoản đã ghi nợ; nếu là khoản hoàn khác thì không cần làm gì.",
				"If this day corrects the day the refund already charged was received, ask the tax office to correct "
						+ "that charge; if it is another refund, nothing needs doing.");
	}

	/**
	 * What the chain charged of one refund.
	 * @param amount the most its returns declared
	 * @param transactionCodes the returns that charged it, in the order decided
	 */
	private record Charged(long amount, List<String> transactionCodes) {

		String codesVi() {
			return "mã giao dịch " + String.join(", ", this.transactionCodes);
		}

		String codesEn() {
			return ((this.transactionCodes.size() == 1) ? "transaction code " : "transaction codes ")
					+ String.join(", ", this.transactionCodes);
		}

	}

}
