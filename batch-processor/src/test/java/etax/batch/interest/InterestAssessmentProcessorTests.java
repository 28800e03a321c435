package etax.batch.interest;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import etax.batch.interest.InterestBasis.Reduction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static etax.batch.interest.LateInterestTests.REFERENCE;
import static etax.batch.interest.LateInterestTests.basis;
import static etax.batch.interest.LateInterestTests.day;
import static org.assertj.core.api.Assertions.assertThat;

class InterestAssessmentProcessorTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void dailyAmountsAddUpToTheRoundedExactTotal() {
		// 1,005,000 × 0.0003 = 301.5 a day: rounding each day alone would give 302 every day
		List<Long> daily = assessDaily(basis(1_005_000, "2026-05-04"), day("2026-05-05"), 4, RoundingMode.HALF_UP);
		assertThat(daily).containsExactly(302L, 301L, 302L, 301L);
		assertThat(daily.stream().mapToLong(Long::longValue).sum()).isEqualTo(1206);
	}

	@Test
	void theRoundingIsConfigurable() {
		assertThat(assessDaily(basis(1_005_000, "2026-05-04"), day("2026-05-05"), 2, RoundingMode.HALF_DOWN))
			.containsExactly(301L, 302L);
	}

	@Test
	void theWorkedExampleDayByDay() {
		List<Long> daily = assessDaily(basis(22_000_000, "2026-05-04", new Reduction(day("2026-05-20"), 22_000_000)),
				day("2026-05-01"), 22, RoundingMode.HALF_UP);
		assertThat(daily.subList(0, 4)).as("1 to 4 May: not due yet").containsOnly(0L);
		assertThat(daily.subList(4, 19)).as("5 to 19 May").hasSize(15).containsOnly(6600L);
		assertThat(daily.subList(19, 22)).as("from the day of payment").containsOnly(0L);
	}

	@Test
	void aMissedDayIsMadeUpByTheNextAssessment() {
		InterestBasis vat = basis(22_000_000, "2026-05-04");
		InterestBasis assessedThrough6 = withAssessed(vat, day("2026-05-06"), 13_200);

		Assessment eighth = processor(day("2026-05-08"), RoundingMode.HALF_UP).process(assessedThrough6);

		assertThat(eighth.amount()).as("the 7th and the 8th").isEqualTo(13_200);
		assertThat(eighth.accruedTotal()).isEqualTo(26_400);
	}

	@Test
	void theFirstAssessmentOfALateItemBringsAllItAccrued() {
		Assessment first = processor(day("2026-06-10"), RoundingMode.HALF_UP).process(basis(3_000_000, "2026-05-04"));
		assertThat(first.amount()).isEqualTo(33_300);
		assertThat(first.interestSubItem().code()).isEqualTo("4931");
	}

	@Test
	void moreAssessedThanAccruedIsTakenBack() {
		// paid on 10 May, but the bank's confirmation reached the ledger after 10 and 11 May were assessed
		InterestBasis vat = withAssessed(basis(22_000_000, "2026-05-04", new Reduction(day("2026-05-10"), 22_000_000)),
				day("2026-05-11"), 46_200);

		Assessment twelfth = processor(day("2026-05-12"), RoundingMode.HALF_UP).process(vat);

		assertThat(twelfth.amount()).as("10 and 11 May: 2 x 6,600").isEqualTo(-13_200);
		assertThat(twelfth.kind()).isEqualTo(Assessment.Kind.CORRECTED);
		assertThat(twelfth.recorded()).isEqualTo(13_200);
		assertThat(twelfth.accruedTotal()).as("5 to 9 May").isEqualTo(33_000);
		assertThat(twelfth.eventId()).as("named after the item, the day and the kind")
			.isEqualTo(Assessment.correctionId(vat.payableItemId(), day("2026-05-12")))
			.isNotEqualTo(Assessment.eventId(vat.payableItemId(), day("2026-05-12")));
	}

	@Test
	void aSupplementThatLowersTheTaxTakesBackWhatAccruedOnTheDifference() {
		// 22,000,000 assessed through 10 May (6 days), then lowered to 10,000,000 from the original deadline
		InterestBasis lowered = withAssessed(basis(10_000_000, "2026-05-04"), day("2026-05-10"), 39_600);

		Assessment eleventh = processor(day("2026-05-11"), RoundingMode.HALF_UP).process(lowered);

		assertThat(eleventh.amount()).as("6 days x 12,000,000 x 0.0003, less the 11th on 10,000,000")
			.isEqualTo(-(21_600 - 3_000));
		assertThat(eleventh.accruedTotal()).as("7 days x 3,000").isEqualTo(21_000);
		Assessment twelfth = processor(day("2026-05-12"), RoundingMode.HALF_UP)
			.process(withAssessed(lowered, day("2026-05-11"), eleventh.accruedTotal()));
		assertThat(twelfth.amount()).isEqualTo(3_000);
		assertThat(twelfth.kind()).isEqualTo(Assessment.Kind.ASSESSED);
	}

	@Test
	void anItemWithoutAnInterestSubItemIsLeftOutAndCounted() {
		InterestBasis licenceFee = new InterestBasis("fee", "0313829148", "754", "2862", "00/CN/2026", 1_000_000,
				day("2026-01-30"), List.of(), null, 0);

		assertThat(processor(day("2026-05-05"), RoundingMode.HALF_UP).process(licenceFee)).isNull();
		assertThat(this.meters.get("etax.batch.interest.not-assessable").tag("sub.item", "2862").counter().count())
			.isOne();
	}

	@Test
	void anItemDueBeforeTheFirstRateIsAssessedFromItOnAndCounted() {
		Assessment tenth = processor(day("2020-07-10"), RoundingMode.HALF_UP).process(basis(10_000_000, "2019-10-20"));

		assertThat(tenth.amount()).as("1 to 10 July 2020 x 10,000,000 x 0.0003").isEqualTo(30_000);
		assertThat(this.meters.get("etax.batch.interest.before-first-rate").tag("sub.item", "1701").counter().count())
			.isOne();
	}

	@Test
	void theEventIdIsNamedAfterTheItemAndTheDay() {
		InterestBasis vat = basis(22_000_000, "2026-05-04");
		Assessment fifth = processor(day("2026-05-05"), RoundingMode.HALF_UP).process(vat);
		Assessment again = processor(day("2026-05-05"), RoundingMode.HALF_UP).process(vat);
		Assessment sixth = processor(day("2026-05-06"), RoundingMode.HALF_UP).process(vat);

		assertThat(fifth.eventId()).isEqualTo(again.eventId()).isNotEqualTo(sixth.eventId());
		assertThat(fifth.eventId().version()).isEqualTo(3);
	}

	private List<Long> assessDaily(InterestBasis basis, LocalDate from, int days, RoundingMode rounding) {
		List<Long> amounts = new ArrayList<>();
		InterestBasis current = basis;
		for (int i = 0; i < days; i++) {
			LocalDate day = from.plusDays(i);
			Assessment assessment = processor(day, rounding).process(current);
			amounts.add(assessment.amount());
			current = withAssessed(current, day, assessment.accruedTotal());
		}
		return amounts;
	}

	private InterestAssessmentProcessor processor(LocalDate day, RoundingMode rounding) {
		return new InterestAssessmentProcessor(REFERENCE, day, rounding, this.meters);
	}

	private static InterestBasis withAssessed(InterestBasis basis, LocalDate through, long total) {
		return new InterestBasis(basis.payableItemId(), basis.mst(), basis.chapter(), basis.subItem(),
				basis.taxPeriod(), basis.amount(), basis.dueDate(), basis.reductions(), through, total);
	}

}
