package etax.declaration.submission;

import etax.schemas.LocalizedText;

/**
 * The administrative penalty band for filing late (Decree 125/2020 Art. 13, amounts for organisations;
 * individuals pay half; VN-ETAX.md §3.5 R-DL-5). Over 90 days the band depends on whether the return has tax
 * payable: 15–25 million VND capped at the tax due when it has, 8–15 million when it has none (Art. 13(4)(b)).
 * Shown as a warning: the penalty is decided by an officer, not by the intake.
 */
final class PenaltyBand {

	private PenaltyBand() {
	}

	static LocalizedText of(long daysLate, boolean taxPayable) {
		if (daysLate <= 5) {
			return new LocalizedText("Mức phạt: cảnh cáo nếu có tình tiết giảm nhẹ, nếu không 2–5 triệu đồng.",
					"Penalty band: a warning with mitigating circumstances, otherwise 2–5 million VND.");
		}
		if (daysLate <= 30) {
			return new LocalizedText("Mức phạt: 2–5 triệu đồng.", "Penalty band: 2–5 million VND.");
		}
		if (daysLate <= 60) {
			return new LocalizedText("Mức phạt: 5–8 triệu đồng.", "Penalty band: 5–8 million VND.");
		}
		if (daysLate <= 90) {
			return new LocalizedText("Mức phạt: 8–15 triệu đồng.", "Penalty band: 8–15 million VND.");
		}
		if (!taxPayable) {
			return new LocalizedText("Mức phạt: 8–15 triệu đồng (quá 90 ngày, không phát sinh số thuế phải nộp).",
					"Penalty band: 8–15 million VND (over 90 days, no tax payable).");
		}
		return new LocalizedText("Mức phạt: 15–25 triệu đồng, không quá số thuế phải nộp.",
				"Penalty band: 15–25 million VND, at most the tax due.");
	}

}
