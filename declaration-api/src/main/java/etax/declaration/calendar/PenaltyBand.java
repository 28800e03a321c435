package etax.declaration.calendar;

import java.math.BigDecimal;

import etax.schemas.LocalizedText;

/**
 * The administrative penalty band for filing late (Decree 125/2020 Art. 13, amounts for organisations;
 * individuals pay half; VN-ETAX.md §3.5 R-DL-5). Over 90 days the band depends on whether the return has tax
 * payable: 15–25 million VND when it has, capped at the tax due but never below the middle of the 8–15 million
 * band, 11.5 million (Art. 13(5)); 8–15 million when it has none (Art. 13(4)(b)).
 * The intake shows it as a warning (CTX-DL-01); an officer decides the penalty within it
 * ({@code etax.declaration.penalty}).
 */
public final class PenaltyBand {

	private static final long MILLION = 1_000_000;

	private PenaltyBand() {
	}

	/**
	 * The band in words, with the figures {@link #range} holds an officer to.
	 * @param daysLate days after the deadline, more than zero
	 * @param taxPayable whether the return has tax payable
	 * @param individual whether the taxpayer is an individual (half an organisation's band)
	 * @return the band in words
	 */
	public static LocalizedText of(long daysLate, boolean taxPayable, boolean individual) {
		long share = individual ? 2 : 1;
		String whoVi = individual ? " (cá nhân: một nửa mức phạt của tổ chức)" : "";
		String whoEn = individual ? " (an individual: half an organisation's)" : "";
		if (daysLate <= 5) {
			Words band = Words.of(2 * MILLION / share, 5 * MILLION / share);
			return new LocalizedText("Mức phạt: cảnh cáo nếu có tình tiết giảm nhẹ, nếu không " + band.vi + whoVi + ".",
					"Penalty band: a warning with mitigating circumstances, otherwise " + band.en + whoEn + ".");
		}
		if (daysLate <= 90 || !taxPayable) {
			Range range = range(daysLate, 0, individual);
			Words band = Words.of(range.min(), range.max());
			String noTaxVi = (daysLate > 90) ? " (quá 90 ngày, không phát sinh số thuế phải nộp)" : "";
			String noTaxEn = (daysLate > 90) ? " (over 90 days, no tax payable)" : "";
			return new LocalizedText("Mức phạt: " + band.vi + noTaxVi + whoVi + ".",
					"Penalty band: " + band.en + noTaxEn + whoEn + ".");
		}
		Words band = Words.of(15 * MILLION / share, 25 * MILLION / share);
		Words floor = Words.of((8 * MILLION + 15 * MILLION) / 2 / share);
		String dueVi = individual ? "một nửa số thuế phải nộp" : "số thuế phải nộp";
		String dueEn = individual ? "half the tax due" : "the tax due";
		return new LocalizedText("Mức phạt: " + band.vi + ", không quá " + dueVi + " nhưng không thấp hơn " + floor.vi
				+ whoVi + ".", "Penalty band: " + band.en + ", at most " + dueEn + " but not less than " + floor.en
						+ whoEn + ".");
	}

	/**
	 * The fine an officer may decide, in VND: an organisation's band, half of it for an individual (Art. 7(4): half
	 * of what an organisation would be fined, so over 90 days the cap and the floor are halved too); over 90 days with
	 * tax due, capped at the tax due but not below the middle of the 61–90 days' band (Art. 13(5)). Up to 5 days
	 * late a warning may replace it (mitigating circumstances); a warning is no fine and is not recorded here.
	 * @param daysLate days after the deadline, more than zero
	 * @param taxDue the tax the return declares payable, VND
	 * @param individual whether the taxpayer is an individual
	 * @return the least and the most
	 */
	public static Range range(long daysLate, long taxDue, boolean individual) {
		long share = individual ? 2 : 1;
		if (daysLate <= 30) {
			return new Range(2 * MILLION / share, 5 * MILLION / share);
		}
		if (daysLate <= 60) {
			return new Range(5 * MILLION / share, 8 * MILLION / share);
		}
		if (daysLate <= 90 || taxDue <= 0) {
			return new Range(8 * MILLION / share, 15 * MILLION / share);
		}
		// the organisation's band, capped at the tax due and floored; an individual's is half of it, cap and floor
		// included (Decree 125 Art. 7(4))
		long floor = (8 * MILLION + 15 * MILLION) / 2;
		return new Range(Math.max(Math.min(15 * MILLION, taxDue), floor) / share,
				Math.max(Math.min(25 * MILLION, taxDue), floor) / share);
	}

	/** Millions of VND in words: {@code 2,5 triệu đồng} and {@code 2.5 million VND}; a band {@code 1–2,5}. */
	private record Words(String vi, String en) {

		static Words of(long vnd) {
			String millions = BigDecimal.valueOf(vnd, 6).stripTrailingZeros().toPlainString();
			return new Words(millions.replace('.', ',') + " triệu đồng", millions + " million VND");
		}

		static Words of(long min, long max) {
			Words least = of(min);
			Words most = of(max);
			return new Words(least.vi.substring(0, least.vi.indexOf(' ')) + "–" + most.vi,
					least.en.substring(0, least.en.indexOf(' ')) + "–" + most.en);
		}

	}

	/**
	 * A fine's bounds, both included.
	 * @param min the least, VND
	 * @param max the most, VND
	 */
	public record Range(long min, long max) {

		boolean contains(long amount) {
			return amount >= this.min && amount <= this.max;
		}

	}

}
