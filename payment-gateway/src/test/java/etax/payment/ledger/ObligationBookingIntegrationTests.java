package etax.payment.ledger;

import java.util.List;
import java.util.UUID;

import etax.payment.DevBanks;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.RefusingTrigger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll of payable items, as the listener hands it over, on the real database: the booking's own rules, whatever
 * records the broker happens to put in one poll. Taxpayers 7701 and up; partition 900 and up, which no topic has,
 * so that the rejections' positions are the tests' own.
 */
@GatewayIntegrationTest
class ObligationBookingIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	ObligationBooking booking;

	@Test
	void twoItemsUnderOneEventIdInOnePollAreAConflictAsInTwoPolls() {
		String mst = DevBanks.mst(7701);
		UUID eventId = UUID.randomUUID();
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		long offset = System.nanoTime();

		this.booking.record(List.of(record(900, offset, mst, eventId, first),
				record(900, offset + 1, mst, eventId, second)));

		assertThat(gateway.reads().outstanding(first)).isEqualByComparingTo("1000000");
		assertThat(gateway.reads().outstanding(second)).as("not booked").isNull();
		assertThat(conflicts(900, offset + 1)).isEqualTo(1);

		// and across polls, as before
		String third = UUID.randomUUID().toString();
		this.booking.record(List.of(record(901, offset, mst, eventId, third)));
		assertThat(gateway.reads().outstanding(third)).isNull();
		assertThat(conflicts(901, offset)).isEqualTo(1);
	}

	@Test
	void refusesADueDateTheDatabaseCannotHoldAndBooksTheItemsBehindIt() {
		String mst = DevBanks.mst(7702);
		String ancient = UUID.randomUUID().toString();
		String yearZero = UUID.randomUUID().toString();
		String behind = UUID.randomUUID().toString();
		long offset = System.nanoTime();

		// java.time reads both; PostgreSQL holds neither, and the poll would fail for ever
		this.booking.record(List.of(record(902, offset, mst, UUID.randomUUID(), ancient, "-5000-01-01"),
				record(902, offset + 1, mst, UUID.randomUUID(), yearZero, "0000-01-01"),
				record(902, offset + 2, mst, UUID.randomUUID(), behind, "2026-04-30")));

		assertThat(gateway.reads().outstanding(behind)).isEqualByComparingTo("1000000");
		assertThat(gateway.reads().outstanding(ancient)).isNull();
		assertThat(gateway.reads().outstanding(yearZero)).isNull();
		assertThat(rejected(902, offset, "invalid-event")).isEqualTo(1);
		assertThat(rejected(902, offset + 1, "invalid-event")).isEqualTo(1);
	}

	@Test
	void keepsAnEventPostgresRefusesThoughNoCheckCaughtItAndBooksTheOthersOfItsPoll() {
		String mst = DevBanks.mst(7703);
		String before = UUID.randomUUID().toString();
		String refused = UUID.randomUUID().toString();
		String after = UUID.randomUUID().toString();
		long offset = System.nanoTime();
		List<ConsumerRecord<String, String>> poll = List.of(record(903, offset, mst, UUID.randomUUID(), before),
				record(903, offset + 1, mst, UUID.randomUUID(), refused),
				record(903, offset + 2, mst, UUID.randomUUID(), after));

		try (RefusingTrigger trigger = RefusingTrigger.on(gateway.jdbc(), "payment.obligation", "INSERT",
				"NEW.item_id = '" + refused + "'")) {
			this.booking.record(poll);
			this.booking.record(poll);
		}

		assertThat(gateway.reads().outstanding(before)).isEqualByComparingTo("1000000");
		assertThat(gateway.reads().outstanding(after)).isEqualByComparingTo("1000000");
		assertThat(gateway.reads().outstanding(refused)).isNull();
		assertThat(rejected(903, offset + 1, "unstorable")).as("once, however often the poll comes").isEqualTo(1);
	}

	private static ConsumerRecord<String, String> record(int partition, long offset, String mst, UUID eventId,
			String itemId) {
		return record(partition, offset, mst, eventId, itemId, "2026-04-30");
	}

	private static ConsumerRecord<String, String> record(int partition, long offset, String mst, UUID eventId,
			String itemId, String dueDate) {
		return new ConsumerRecord<>(ObligationBooking.PAYABLE_ITEMS_TOPIC, partition, offset, mst,
				GatewayFixture.payableItem(eventId, mst, itemId, "1701", "00/Q1/2026", 1_000_000, dueDate));
	}

	private static long conflicts(int partition, long offset) {
		return rejected(partition, offset, "conflict");
	}

	private static long rejected(int partition, long offset, String reason) {
		return gateway.jdbc()
			.sql("""
					SELECT count(*) FROM payment.rejected_event
					WHERE kafka_topic = ? AND kafka_partition = ? AND kafka_offset = ? AND reason = ?""")
			.params(ObligationBooking.PAYABLE_ITEMS_TOPIC, partition, offset, reason)
			.query(Long.class)
			.single();
	}

}
