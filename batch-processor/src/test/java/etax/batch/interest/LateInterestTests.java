package etax.batch.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import etax.batch.interest.InterestBasis.Reduction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-computed cases of VN-ETAX §5.6: interest runs from the day after the due date to the day before
 * the bank-confirmed payment date, per segment of the unpaid amount.
 */
class LateInterestTests {

	static final InterestReference REFERENCE = new InterestReference(
			new TreeMap<>(Map.of(LocalDate.of(2020, 7, 1), new BigDecimal("0.0003"))),
			Map.of("1701", new TreeMap<>(Map.of(LocalDate.of(2017, 1, 1),
					new InterestReference.InterestSubItem("4931", "GTGT")))));

	private final LateInterest interest = new LateInterest(REFERENCE);

	@Test
	void theWorkedExamplePaidFifteenDaysLateAccrues99000() {
		// Q1/2026 VAT, due 30 April, moved to Monday 4 May by the holidays; the bank confirmed on 20 May
		InterestBasis vat = basis(22_000_000, "2026-05-04", new Reduction(day("2026-05-20"), 22_000_000));

		assertThat(this.interest.accruedThrough(vat, day("2026-05-04"))).isZero();
		assertThat(this.interest.accruedThrough(vat, day("2026-05-05"))).isEqualByComparingTo("6600");
		assertThat(this.interest.accruedThrough(vat, day("2026-05-19"))).isEqualByComparingTo("99000");
		assertThat(this.interest.accruedThrough(vat, day("2026-05-20"))).as("not the day of payment")
			.isEqualByComparingTo("99000");
		assertThat(this.interest.accruedThrough(vat, day("2026-12-31"))).isEqualByComparingTo("99000");
	}

	@Test
	void theShiftedDeadlineIsTheOneThatCounts() {
		InterestBasis unshifted = basis(22_000_000, "2026-04-30", new Reduction(day("2026-05-20"), 22_000_000));
		assertThat(this.interest.accruedThrough(unshifted, day("2026-05-20"))).as("19 days from 1 May")
			.isEqualByComparingTo("125400");
	}

	@Test
	void partialPaymentsSplitTheDaysIntoSegments() {
		InterestBasis vat = basis(10_000_000, "2026-05-04", new Reduction(day("2026-05-10"), 4_000_000),
				new Reduction(day("2026-05-15"), 6_000_000));

		assertThat(this.interest.accruedThrough(vat, day("2026-05-09"))).as("5 days on 10,000,000")
			.isEqualByComparingTo("15000");
		assertThat(this.interest.accruedThrough(vat, day("2026-05-12"))).as("then 3 days on 6,000,000")
			.isEqualByComparingTo("20400");
		assertThat(this.interest.accruedThrough(vat, day("2026-05-31"))).as("5 + 5 days, nothing from 15 May")
			.isEqualByComparingTo("24000");
	}

	@Test
	void aPaymentByTheDayAfterTheDeadlineAccruesNothing() {
		assertThat(this.interest.accruedThrough(basis(5_000_000, "2026-05-04", new Reduction(day("2026-04-20"), 5_000_000)),
				day("2026-05-31"))).isZero();
		assertThat(this.interest.accruedThrough(basis(5_000_000, "2026-05-04", new Reduction(day("2026-05-05"), 5_000_000)),
				day("2026-05-31"))).isZero();
		assertThat(this.interest.accruedThrough(basis(5_000_000, "2026-05-04", new Reduction(day("2026-05-06"), 5_000_000)),
				day("2026-05-31"))).isEqualByComparingTo("1500");
	}

	@Test
	void aSupplementsIncreaseAccruesFromTheOriginalDeadline() {
		// filed on 10 June, the 3,000,000 it adds was due with the original return on 4 May
		InterestBasis increase = basis(3_000_000, "2026-05-04");
		assertThat(this.interest.accruedThrough(increase, day("2026-06-10"))).as("37 days × 900")
			.isEqualByComparingTo("33300");
	}

	@Test
	void aChangeOfRateSplitsTheDaysToo() {
		TreeMap<LocalDate, BigDecimal> rates = new TreeMap<>(REFERENCE.dailyRates());
		rates.put(day("2026-05-10"), new BigDecimal("0.0004"));
		LateInterest changed = new LateInterest(new InterestReference(rates, REFERENCE.subItems()));

		assertThat(changed.accruedThrough(basis(10_000_000, "2026-05-04"), day("2026-05-12")))
			.as("5 days at 3,000 and 3 at 4,000")
			.isEqualByComparingTo("27000");
	}

	@Test
	void anItemDueBeforeTheFirstRateAccruesFromTheFirstRatesDayOn() {
		InterestBasis old = basis(10_000_000, "2019-10-20");
		assertThat(this.interest.startsBeforeTheFirstRate(old)).isTrue();
		assertThat(this.interest.startsBeforeTheFirstRate(basis(1_000_000, "2020-06-30"))).isFalse();
		assertThat(this.interest.accruedThrough(old, day("2020-06-30"))).isZero();
		assertThat(this.interest.accruedThrough(old, day("2020-07-10"))).as("1 to 10 July 2020 at 3,000")
			.isEqualByComparingTo("30000");
		assertThat(this.interest.accruedThrough(basis(10_000_000, "2020-06-20",
				new Reduction(day("2020-07-06"), 10_000_000)), day("2020-12-31")))
			.as("1 to 5 July 2020")
			.isEqualByComparingTo("15000");
	}

	static InterestBasis basis(long amount, String dueDate, Reduction... reductions) {
		return new InterestBasis("item-" + amount, "0313829148", "754", "1701", "00/Q1/2026", amount, day(dueDate),
				List.of(reductions), null, 0);
	}

	static LocalDate day(String day) {
		return LocalDate.parse(day);
	}

}
