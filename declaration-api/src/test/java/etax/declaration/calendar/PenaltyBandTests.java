package etax.declaration.calendar;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PenaltyBandTests {

	@Test
	void theBandOfEachLatenessForAnOrganisation() {
		assertThat(PenaltyBand.range(1, 22_000_000, false)).isEqualTo(new PenaltyBand.Range(2_000_000, 5_000_000));
		assertThat(PenaltyBand.range(30, 22_000_000, false)).isEqualTo(new PenaltyBand.Range(2_000_000, 5_000_000));
		assertThat(PenaltyBand.range(31, 22_000_000, false)).isEqualTo(new PenaltyBand.Range(5_000_000, 8_000_000));
		assertThat(PenaltyBand.range(60, 0, false)).isEqualTo(new PenaltyBand.Range(5_000_000, 8_000_000));
		assertThat(PenaltyBand.range(61, 22_000_000, false)).isEqualTo(new PenaltyBand.Range(8_000_000, 15_000_000));
		assertThat(PenaltyBand.range(90, 22_000_000, false)).isEqualTo(new PenaltyBand.Range(8_000_000, 15_000_000));
	}

	@Test
	void overNinetyDaysTheBandDependsOnTheTaxDue() {
		assertThat(PenaltyBand.range(91, 0, false)).as("no tax due").isEqualTo(new PenaltyBand.Range(8_000_000, 15_000_000));
		assertThat(PenaltyBand.range(91, 40_000_000, false)).isEqualTo(new PenaltyBand.Range(15_000_000, 25_000_000));
		assertThat(PenaltyBand.range(91, 22_000_000, false)).as("capped at the tax due")
			.isEqualTo(new PenaltyBand.Range(15_000_000, 22_000_000));
		assertThat(PenaltyBand.range(91, 13_000_000, false)).as("the tax due, when less than the least")
			.isEqualTo(new PenaltyBand.Range(13_000_000, 13_000_000));
		assertThat(PenaltyBand.range(400, 3_000_000, false)).as("never below the middle of the 8–15 million band")
			.isEqualTo(new PenaltyBand.Range(11_500_000, 11_500_000));
	}

	@Test
	void anIndividualPaysHalf() {
		assertThat(PenaltyBand.range(10, 0, true)).isEqualTo(new PenaltyBand.Range(1_000_000, 2_500_000));
		assertThat(PenaltyBand.range(91, 40_000_000, true)).isEqualTo(new PenaltyBand.Range(7_500_000, 12_500_000));
		assertThat(PenaltyBand.range(91, 10_000_000, true))
			.as("half of an organisation's, which the tax due caps and the floor raises to 11.5 million")
			.isEqualTo(new PenaltyBand.Range(5_750_000, 5_750_000));
		assertThat(PenaltyBand.range(91, 20_000_000, true)).isEqualTo(new PenaltyBand.Range(7_500_000, 10_000_000));
		assertThat(PenaltyBand.range(91, 1_000_000, true)).isEqualTo(new PenaltyBand.Range(5_750_000, 5_750_000));
	}

	@Test
	void theWordsOfTheBandAreTheFiguresAnOfficerIsHeldTo() {
		assertThat(PenaltyBand.of(10, true, false).en()).isEqualTo("Penalty band: 2–5 million VND.");
		assertThat(PenaltyBand.of(10, true, true).en())
			.isEqualTo("Penalty band: 1–2.5 million VND (an individual: half an organisation's).");
		assertThat(PenaltyBand.of(10, true, true).vi()).startsWith("Mức phạt: 1–2,5 triệu đồng (cá nhân");
		assertThat(PenaltyBand.of(3, true, true).en()).isEqualTo("Penalty band: a warning with mitigating "
				+ "circumstances, otherwise 1–2.5 million VND (an individual: half an organisation's).");
		assertThat(PenaltyBand.of(45, false, false).en()).isEqualTo("Penalty band: 5–8 million VND.");
		assertThat(PenaltyBand.of(100, false, true).en()).isEqualTo(
				"Penalty band: 4–7.5 million VND (over 90 days, no tax payable) (an individual: half an organisation's).");
		assertThat(PenaltyBand.of(100, true, true).en()).isEqualTo("Penalty band: 7.5–12.5 million VND, at most "
				+ "half the tax due but not less than 5.75 million VND (an individual: half an organisation's).");
		assertThat(PenaltyBand.of(100, true, true).vi()).isEqualTo("Mức phạt: 7,5–12,5 triệu đồng, không quá một "
				+ "nửa số thuế phải nộp nhưng không thấp hơn 5,75 triệu đồng (cá nhân: một nửa mức phạt của tổ chức).");
	}

}
