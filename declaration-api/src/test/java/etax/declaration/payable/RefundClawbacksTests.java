package etax.declaration.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.declaration.calendar.DeadlineRule;
import etax.schemas.RefundClawback;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supplement's refund paid back (01/KHBS section B): what the chain has not charged of the same refund, under its
 * sub-item, due the day before it was received.
 */
class RefundClawbacksTests {

	private static final LocalDate APRIL_20 = LocalDate.of(2026, 4, 20);

	private static final RefundClawback TEN_MILLION = new RefundClawback(10_000_000, "1701", APRIL_20);

	@Test
	void theItemIsDueTheDayBeforeTheRefundWasReceived() {
		assertThat(RefundClawbacks.itemOf(accepted(TEN_MILLION, List.of()), "10820260000000042-02"))
			.hasValueSatisfying((item) -> {
				assertThat(item.subItem()).isEqualTo("1701");
				assertThat(item.indicator()).isEqualTo("PL01_KHBS.ct14");
				assertThat(item.chapter()).isEqualTo("754");
				assertThat(item.taxPeriod()).isEqualTo("00/Q1/2026");
				assertThat(item.amount()).isEqualTo(10_000_000);
				assertThat(item.dueDate()).isEqualTo(LocalDate.of(2026, 4, 19));
				assertThat(item.paymentReference()).isEqualTo("10820260000000042-02");
			});
	}

	@Test
	void theChainChargesARefundUpToTheMostItsReturnsDeclared() {
		RefundClawback eight = new RefundClawback(8_000_000, "1701", APRIL_20);
		RefundClawback twelve = new RefundClawback(12_000_000, "1701", APRIL_20);

		assertThat(RefundClawbacks.clawedBack(TEN_MILLION, List.of())).isEqualTo(10_000_000);
		assertThat(RefundClawbacks.clawedBack(TEN_MILLION, List.of(TEN_MILLION))).isZero();
		assertThat(RefundClawbacks.clawedBack(twelve, List.of(eight, TEN_MILLION))).isEqualTo(2_000_000);
		assertThat(RefundClawbacks.clawedBack(eight, List.of(TEN_MILLION))).isNegative();
		assertThat(RefundClawbacks.clawedBack(TEN_MILLION,
				List.of(new RefundClawback(10_000_000, "1701", APRIL_20.minusDays(1)),
						new RefundClawback(10_000_000, "1702", APRIL_20))))
			.as("other refunds: another day, another sub-item")
			.isEqualTo(10_000_000);
		assertThat(RefundClawbacks.itemOf(accepted(eight, List.of(TEN_MILLION)), "ref")).isEmpty();
	}

	@Test
	void noItemWithoutASubItemOrADayOrForAReturnThatPaysNothingBack() {
		assertThat(RefundClawbacks.itemOf(accepted(new RefundClawback(10_000_000, null, APRIL_20), List.of()), "r"))
			.isEmpty();
		assertThat(RefundClawbacks.itemOf(accepted(new RefundClawback(10_000_000, "1701", null), List.of()), "r"))
			.isEmpty();
		assertThat(RefundClawbacks.itemOf(accepted(null, List.of(TEN_MILLION)), "r")).isEmpty();
	}

	private static AcceptedReturn accepted(@Nullable RefundClawback clawback, List<RefundClawback> chain) {
		return new AcceptedReturn(UUID.randomUUID(), "10820260000000042", "0313829148", "754",
				new TaxPeriod("Q", "1/2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), new DeadlineRule("DLQ"),
				Map.of("ct40", "1701"), Map.of(), Map.of(), Map.of("ct40", "22000000"), Map.of("ct40", "22000000"),
				Instant.parse("2026-05-10T03:00:00Z"), "99999", null, clawback, chain);
	}

}
