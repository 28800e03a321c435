package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A taxpayer's entries of one allocation are announced in messages the broker takes: a payment that settles years
 * of daily interest obligations is several messages, each entry once, in order.
 */
class AllocationAnnouncementsTests {

	private static final Instant NOW = Instant.parse("2026-05-10T03:00:00Z");

	@Test
	void splitsATaxpayersEntriesIntoMessagesOfBoundedSizeKeepingTheirOrder() {
		List<PaymentAllocated.Allocated> allocated = IntStream.range(0, 4_500)
			.mapToObj((i) -> new PaymentAllocated.Allocated("item-" + i, "APPLIED", BigDecimal.ONE, null,
					BigDecimal.ZERO, true))
			.toList();
		List<PaymentAllocated.Credited> credited = IntStream.range(0, 3)
			.mapToObj((i) -> new PaymentAllocated.Credited(UUID.randomUUID(), BigDecimal.TEN, null))
			.toList();

		List<PaymentAllocated> parts = AllocationAnnouncements.parts("0100109106", NOW, allocated, credited,
				AllocationAnnouncements.MAX_ENTRIES);

		assertThat(parts).extracting((part) -> part.allocations().size() + part.credits().size())
			.containsExactly(2_000, 2_000, 503);
		assertThat(parts.stream().flatMap((part) -> part.allocations().stream()).toList()).isEqualTo(allocated);
		assertThat(parts.stream().flatMap((part) -> part.credits().stream()).toList()).isEqualTo(credited);
		assertThat(parts).extracting(PaymentAllocated::eventId).doesNotHaveDuplicates();
		assertThat(parts).allSatisfy((part) -> assertThat(part.mst()).isEqualTo("0100109106"));
	}

	@Test
	void aTaxpayerWithFewEntriesIsOneMessage() {
		List<PaymentAllocated.Credited> credited = List
			.of(new PaymentAllocated.Credited(UUID.randomUUID(), BigDecimal.TEN, null));

		assertThat(AllocationAnnouncements.parts("0100109106", NOW, List.of(), credited, 2)).singleElement()
			.satisfies((part) -> assertThat(part.credits()).isEqualTo(credited));
	}

}
