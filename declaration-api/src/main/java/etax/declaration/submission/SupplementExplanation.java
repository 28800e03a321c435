package etax.declaration.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import etax.schemas.Category;
import etax.schemas.DeclaredChange;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * R-DUP-3 (VN-ETAX.md §1.4, §3.6): a supplement is the whole form with corrected figures, and its explanation
 * (01-1/KHBS) lists each changed indicator with the figure declared before and the adjusted one. Checked against
 * the return in force, under the chain lock:
 * <ul>
 * <li>CTX-DUP-04 (not accepted): a row's declared figure is the return in force's figure of the indicator;</li>
 * <li>CTX-DUP-05 (not accepted): the indicator exists on the form;</li>
 * <li>CTX-DUP-07 (not accepted): a row's adjusted figure is this supplement's own figure of the indicator, so
 * that the explanation tells the truth about the return it comes with;</li>
 * <li>CTX-DUP-08 (warning): every amount the supplement changes is explained; derived totals that change with
 * the figures they add up are named too, so that an officer reading the explanation sees every change.</li>
 * </ul>
 */
final class SupplementExplanation {

	private static final String EXPLANATION = "/HSoThueDTu/HSoKhaiThue/PLuc/PL01_1_KHBS";

	/** A printed indicator of the body ({@code ct40}, {@code ct40a}); table cells and codes are not compared. */
	private static final Pattern PRINTED = Pattern.compile("ct[0-9]+[a-z]?");

	private SupplementExplanation() {
	}

	static List<Finding> check(ReturnDocument document, ReturnChains.Member inForce) {
		List<Finding> findings = new ArrayList<>();
		for (DeclaredChange change : document.declaredChanges()) {
			declared(change, inForce).or(() -> adjusted(change, document)).ifPresent(findings::add);
		}
		unexplained(document, inForce).ifPresent(findings::add);
		return findings;
	}

	private static Optional<Finding> declared(DeclaredChange change, ReturnChains.Member inForce) {
		String accepted = inForce.indicators().get(change.indicatorName());
		if (accepted == null) {
			return Optional.of(finding("CTX-DUP-05", Category.INCORRECT_DATA, Severity.REJECT,
					change.xpath() + "/maChiTieu", change.indicator(),
					"Bản giải trình 01-1/KHBS nêu chỉ tiêu [" + change.indicator() + "] không có trên tờ khai.",
					"The 01-1/KHBS explanation names indicator [" + change.indicator() + "], which the form does not have.",
					"Ghi mã chỉ tiêu đúng như trên tờ khai (ví dụ 40 cho [40]).",
					"Write the indicator code as printed on the form (e.g. 40 for [40])."));
		}
		if (sameAmount(change.declared(), accepted)) {
			return Optional.empty();
		}
		return Optional.of(finding("CTX-DUP-04", Category.INCORRECT_DATA, Severity.REJECT,
				change.xpath() + "/soDaKeKhai", change.declared(),
				"Số đã kê khai của chỉ tiêu [" + change.indicator() + "] là " + change.declared()
						+ ", khác số trên tờ khai đang có hiệu lực: " + accepted + " (mã giao dịch "
						+ inForce.transactionCode() + ").",
				"The declared figure of indicator [" + change.indicator() + "] is " + change.declared()
						+ ", not the figure of the return in force: " + accepted + " (transaction code "
						+ inForce.transactionCode() + ").",
				"Ghi số đã kê khai bằng số trên tờ khai được chấp nhận gần nhất.",
				"Declare the figure of the latest accepted return."));
	}

	private static Optional<Finding> adjusted(DeclaredChange change, ReturnDocument document) {
		String own = document.indicators().getOrDefault(change.indicatorName(), "");
		if (sameAmount(change.adjusted(), own)) {
			return Optional.empty();
		}
		String shown = own.isBlank() ? "0" : own;
		return Optional.of(finding("CTX-DUP-07", Category.DATA_MISMATCH, Severity.REJECT,
				change.xpath() + "/soDieuChinh", change.adjusted(),
				"Số điều chỉnh của chỉ tiêu [" + change.indicator() + "] là " + change.adjusted()
						+ ", khác số trên chính tờ khai bổ sung: " + shown + ".",
				"The adjusted figure of indicator [" + change.indicator() + "] is " + change.adjusted()
						+ ", not this supplement's own figure: " + shown + ".",
				"Ghi số điều chỉnh bằng số của chỉ tiêu trên tờ khai bổ sung, hoặc sửa chỉ tiêu trên tờ khai.",
				"Write the adjusted figure as the indicator's figure on the supplement, or correct the indicator."));
	}

	private static Optional<Finding> unexplained(ReturnDocument document, ReturnChains.Member inForce) {
		Set<String> explained = document.declaredChanges().stream()
			.map(DeclaredChange::indicatorName)
			.collect(Collectors.toSet());
		Set<String> changed = new TreeSet<>();
		for (Map.Entry<String, String> own : document.indicators().entrySet()) {
			String name = own.getKey();
			String before = inForce.indicators().get(name);
			if (PRINTED.matcher(name).matches() && before != null && !explained.contains(name)
					&& isAmount(own.getValue()) && isAmount(before) && !sameAmount(own.getValue(), before)) {
				changed.add(name);
			}
		}
		if (changed.isEmpty()) {
			return Optional.empty();
		}
		String codes = changed.stream().map((name) -> "[" + name.substring(2) + "]").collect(Collectors.joining(", "));
		return Optional.of(finding("CTX-DUP-08", Category.MISSING_DATA, Severity.WARNING, EXPLANATION, codes,
				"Tờ khai bổ sung thay đổi chỉ tiêu " + codes + " so với tờ khai đang có hiệu lực (mã giao dịch "
						+ inForce.transactionCode() + ") nhưng bản giải trình 01-1/KHBS không nêu.",
				"The supplement changes " + codes + " from the return in force (transaction code "
						+ inForce.transactionCode() + "), which the 01-1/KHBS explanation does not list.",
				"Liệt kê từng chỉ tiêu thay đổi trong bản giải trình, với số đã kê khai, số điều chỉnh và lý do.",
				"List each changed indicator in the explanation, with the declared and adjusted figures and the reason."));
	}

	private static boolean isAmount(String value) {
		if (value.isBlank()) {
			return true;
		}
		try {
			new BigDecimal(value.strip());
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean sameAmount(String declared, String accepted) {
		try {
			return new BigDecimal(declared.isBlank() ? "0" : declared.strip())
				.compareTo(new BigDecimal(accepted.isBlank() ? "0" : accepted.strip())) == 0;
		}
		catch (NumberFormatException ex) {
			return declared.strip().equals(accepted.strip());
		}
	}

}
