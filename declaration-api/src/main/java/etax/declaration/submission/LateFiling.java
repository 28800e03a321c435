package etax.declaration.submission;

import java.time.LocalDate;

import etax.declaration.calendar.PenaltyBand;
import etax.schemas.LocalizedText;

/**
 * The text of a late-filing warning (CTX-DL-01, VN-ETAX.md §3.5 R-DL-5): days late, the deadline (an extended one
 * says so, R-DL-6), the penalty band, and, when the deadline falls in a year whose holidays are not published, that it is an approximation.
 */
final class LateFiling {

	private LateFiling() {
	}

	/**
	 * @param band the penalty band ({@link PenaltyBand#of})
	 */
	static LocalizedText message(long daysLate, LocalDate deadline, boolean extended, boolean approximate,
			LocalizedText band) {
		String vi = "Nộp chậm " + daysLate + " ngày so với hạn " + (extended ? "đã được gia hạn " : "") + deadline + ". "
				+ band.vi();
		String en = "Filed " + daysLate + (daysLate == 1 ? " day" : " days") + " after the "
				+ (extended ? "extended " : "") + "deadline of " + deadline + ". " + band.en();
		if (approximate) {
			vi += " Hạn nộp là gần đúng: lịch nghỉ lễ của năm chưa được công bố trong hệ thống (chưa tính Tết Nguyên đán"
					+ " và Giỗ Tổ Hùng Vương).";
			en += " The deadline is approximate: the year's public holidays are not published in the system (Tết and"
					+ " Hùng Kings' day are not counted).";
		}
		return new LocalizedText(vi, en);
	}

}
