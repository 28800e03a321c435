package etax.declaration.submission;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import etax.declaration.inspection.TaxInspection;
import etax.declaration.payable.PayableItems;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * R-DUP-4, second bullet (VN-ETAX.md §3.6, Law 38/2019 Art. 47(2), (3)): a supplement of a period under a tax
 * inspection at the taxpayer's premises, as the inspections stood at its postmark ({@code TaxInspections#on}).
 * <ul>
 * <li>CTX-DUP-10 (warning): the inspection was announced and the supplement is accepted, but it was filed after
 * the decision of inspection and penalties of Art. 142, 143 may apply. Also once the inspection is concluded, for
 * a supplement that does not reduce the tax (Art. 47(3)(a)): one rule for "accepted, penalties may apply", the
 * message says which case it is.</li>
 * <li>CTX-DUP-11 (not accepted): the inspection is concluded and the supplement reduces the tax payable, or raises
 * the deductible or refundable VAT (Art. 47(3)(b)): the taxpayer files a tax complaint instead.</li>
 * </ul>
 * The tax payable is judged by the differences the supplement's payable items are made of
 * ({@link PayableItems#difference}): a negative total reduces it. The deductible and refundable amounts are judged
 * only where the intake knows them ({@link #CREDITS}: 01/GTGT [42], [43] and 02/GTGT [30], [32]); every other form is
 * judged on its payable indicators alone, so a supplement of such a form that only raises an exemption, a reduction
 * or a loss carried forward is accepted with CTX-DUP-10. A supplement that changes neither is not a reduction.
 */
final class InspectedPeriod {

	/** Per maTKhai: the refund claimed and the deductible VAT carried forward, an increase of which is a reduction. */
	private static final Map<String, List<String>> CREDITS = Map.of("842", List.of("ct42", "ct43"), "01",
			List.of("ct42", "ct43"), "844", List.of("ct30", "ct32"));

	private static final String PENALTIES_VI = "có thể bị xử phạt theo Điều 142, 143 Luật Quản lý thuế.";

	private static final String PENALTIES_EN = "penalties under Art. 142 and 143 of the Law on Tax Administration may "
			+ "apply.";

	private static final String ACCEPTED_VI = "Nộp đủ số thuế tăng thêm (nếu có) và tiền chậm nộp; cơ quan thuế xem xét "
			+ "xử phạt vi phạm hành chính về thuế.";

	private static final String ACCEPTED_EN = "Pay any additional tax with its late-payment interest; the tax authority "
			+ "decides on the administrative penalties.";

	private InspectedPeriod() {
	}

	/**
	 * @param document the return
	 * @param inspections the inspections its period is under at its postmark, for a supplement
	 * @param inForce the return in force of its chain, which it supersedes, if any
	 * @return CTX-DUP-11 if it is refused, CTX-DUP-10 if accepted under an inspection; none for a return that is no
	 * supplement, under no inspection, or without a return in force (CTX-DUP-02 refuses it)
	 */
	static Optional<Finding> check(ReturnDocument document, List<TaxInspection> inspections,
			Optional<ReturnChains.Member> inForce) {
		if (!"B".equals(document.header().filingType()) || inspections.isEmpty() || inForce.isEmpty()) {
			return Optional.empty();
		}
		for (TaxInspection inspection : inspections) {
			TaxInspection.Conclusion conclusion = inspection.conclusion();
			if (conclusion != null) {
				return Optional.of(reduces(document, inForce.get().indicators()) ? refused(inspection, conclusion)
						: accepted(inspection, conclusion));
			}
		}
		return Optional.of(announced(inspections.get(inspections.size() - 1)));
	}

	private static boolean reduces(ReturnDocument document, Map<String, String> inForce) {
		long payable = document.form()
			.payableIndicators()
			.keySet()
			.stream()
			.mapToLong((indicator) -> PayableItems.difference(indicator, document.form().forgivenIndicators(),
					document.indicators(), inForce))
			.sum();
		return payable < 0 || CREDITS.getOrDefault(document.form().maTKhai(), List.of())
			.stream()
			.anyMatch((credit) -> ContextFindings.amount(document.indicators().getOrDefault(credit, ""))
				.compareTo(ContextFindings.amount(inForce.getOrDefault(credit, ""))) > 0);
	}

	private static Finding announced(TaxInspection inspection) {
		return warning(inspection,
				"Tờ khai bổ sung nộp sau khi cơ quan thuế công bố " + decisionVi(inspection)
						+ " tại trụ sở người nộp thuế cho kỳ này: ",
				"The supplement was filed after " + decisionEn(inspection)
						+ " at the taxpayer's premises covering this period was announced: ");
	}

	private static Finding accepted(TaxInspection inspection, TaxInspection.Conclusion conclusion) {
		return warning(inspection,
				"Tờ khai bổ sung nộp sau " + conclusionVi(inspection, conclusion) + ": được chấp nhận vì không làm giảm "
						+ "số thuế phải nộp, không làm tăng số thuế được khấu trừ, được hoàn; ",
				"The supplement was filed after " + conclusionEn(inspection, conclusion) + ": it is accepted as it "
						+ "neither reduces the tax payable nor raises the deductible or refundable tax; ");
	}

	/** CTX-DUP-10: what the message starts with, then that penalties may apply. */
	private static Finding warning(TaxInspection inspection, String messageVi, String messageEn) {
		return finding("CTX-DUP-10", Category.NOT_ON_TIME, Severity.WARNING, ContextFindings.FILING_TYPE,
				inspection.decisionNumber(), messageVi + PENALTIES_VI, messageEn + PENALTIES_EN, ACCEPTED_VI,
				ACCEPTED_EN);
	}

	private static Finding refused(TaxInspection inspection, TaxInspection.Conclusion conclusion) {
		return finding("CTX-DUP-11", Category.NOT_ON_TIME, Severity.REJECT, ContextFindings.FILING_TYPE,
				inspection.decisionNumber(),
				"Cơ quan thuế đã ban hành " + conclusionVi(inspection, conclusion) + ": không khai bổ sung làm giảm số "
						+ "thuế phải nộp hoặc làm tăng số thuế được khấu trừ, được hoàn của kỳ đã thanh tra, kiểm tra.",
				"The tax authority issued " + conclusionEn(inspection, conclusion) + ": a supplement of an inspected "
						+ "period may not reduce the tax payable nor raise the deductible or refundable tax.",
				"Thực hiện theo quy định về giải quyết khiếu nại về thuế của Luật Quản lý thuế (Điều 47 khoản 3): gửi "
						+ "khiếu nại đến cơ quan thuế đã ban hành kết luận.",
				"Follow the procedure for tax complaints of the Law on Tax Administration (Art. 47(3)): file a "
						+ "complaint with the tax authority that issued the conclusion.");
	}

	/** E.g. "kết luận, quyết định xử lý về thuế số 45/KL-CT ngày 2026-05-08 của quyết định ...". */
	private static String conclusionVi(TaxInspection inspection, TaxInspection.Conclusion conclusion) {
		return "kết luận, quyết định xử lý về thuế số " + conclusion.decisionNumber() + " ngày "
				+ conclusion.concludedOn() + " của " + decisionVi(inspection);
	}

	/** E.g. "conclusion no. 45/KL-CT of 2026-05-08 of the decision of ...". */
	private static String conclusionEn(TaxInspection inspection, TaxInspection.Conclusion conclusion) {
		return "conclusion no. " + conclusion.decisionNumber() + " of " + conclusion.concludedOn() + " of "
				+ decisionEn(inspection);
	}

	/** E.g. "quyết định thanh tra thuế số 12/QĐ-CT ngày 2026-05-04". */
	private static String decisionVi(TaxInspection inspection) {
		return "quyết định " + inspection.kind().label().vi().toLowerCase(Locale.ROOT) + " số "
				+ inspection.decisionNumber() + " ngày " + inspection.announcedOn();
	}

	/** E.g. "the decision of tax audit no. 12/QĐ-CT of 2026-05-04". */
	private static String decisionEn(TaxInspection inspection) {
		return "the decision of " + inspection.kind().label().en().toLowerCase(Locale.ROOT) + " no. "
				+ inspection.decisionNumber() + " of " + inspection.announcedOn();
	}

}
