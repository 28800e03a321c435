package etax.declaration.submission;

import java.time.LocalDate;

import etax.declaration.calendar.PenaltyBand;
import etax.schemas.LocalizedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LateFilingTests {

	private static final LocalDate DEADLINE = LocalDate.parse("2026-07-20");

	@Test
	void overNinetyDaysTheBandDependsOnWhetherTaxIsPayable() {
		assertThat(message(104, DEADLINE, false, false, true).en()).isEqualTo(
				"Filed 104 days after the deadline of 2026-07-20. Penalty band: 15–25 million VND, at most the tax due but "
						+ "not less than 11.5 million VND.");
		assertThat(message(104, DEADLINE, false, false, false).en()).isEqualTo(
				"Filed 104 days after the deadline of 2026-07-20. Penalty band: 8–15 million VND (over 90 days, no tax payable).");
		assertThat(message(104, DEADLINE, false, false, false).vi()).contains("8–15 triệu đồng")
			.doesNotContain("không quá số thuế phải nộp");
		assertThat(message(90, DEADLINE, false, false, true).en()).endsWith("Penalty band: 8–15 million VND.");
	}

	@Test
	void oneDayIsSingularAndAnApproximateDeadlineSaysSo() {
		assertThat(message(1, DEADLINE, false, false, true).en()).startsWith("Filed 1 day after");
		assertThat(message(3, DEADLINE, false, true, true).en())
			.endsWith("The deadline is approximate: the year's public holidays are not published in the system (Tết and"
					+ " Hùng Kings' day are not counted).");
		assertThat(message(3, DEADLINE, false, true, true).vi()).contains("Hạn nộp là gần đúng");
	}

	@Test
	void anExtendedDeadlineSaysSo() {
		assertThat(message(4, DEADLINE, true, false, true).en())
			.isEqualTo("Filed 4 days after the extended deadline of 2026-07-20. Penalty band: a warning with mitigating "
					+ "circumstances, otherwise 2–5 million VND.");
		assertThat(message(4, DEADLINE, true, false, true).vi()).startsWith("Nộp chậm 4 ngày so với hạn đã được gia hạn 2026-07-20.");
	}

	/** An organisation's late return: the band of {@link PenaltyBand#of} in the message. */
	private static LocalizedText message(long daysLate, LocalDate deadline, boolean extended, boolean approximate,
			boolean taxPayable) {
		return LateFiling.message(daysLate, deadline, extended, approximate,
				PenaltyBand.of(daysLate, taxPayable, false));
	}

}
