package etax.payment.ledger;

import java.util.List;
import java.util.UUID;

import etax.payment.DevBanks;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll of payable items, as the listener hands it over, on the real database: the booking's own rules, whatever
 * records the broker happens to put in one poll. Taxpayer 7701; partition 900 and up, which no topic has,
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

	private static ConsumerRecord<String, String> record(int partition, long offset, String mst, UUID eventId,
			String itemId) {
		return new ConsumerRecord<>(ObligationBooking.PAYABLE_ITEMS_TOPIC, partition, offset, mst,
				GatewayFixture.payableItem(eventId, mst, itemId, "1701", "00/Q1/2026", 1_000_000, "2026-04-30"));
	}

	private static long conflicts(int partition, long offset) {
		return gateway.jdbc()
			.sql("""
					SELECT count(*) FROM payment.rejected_event
					WHERE kafka_topic = ? AND kafka_partition = ? AND kafka_offset = ? AND reason = 'conflict'""")
			.params(ObligationBooking.PAYABLE_ITEMS_TOPIC, partition, offset)
			.query(Long.class)
			.single();
	}

}
