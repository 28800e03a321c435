package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An ack PostgreSQL would refuse is skipped, not retried for ever with every ack behind it. */
class PostingAcknowledgedTests {

	@Test
	void anAckWithValuesTheDatabaseRefusesIsNotOneToRecord() {
		assertThat(ack("REFUSED", "account closed", Instant.parse("2026-05-10T03:00:00Z")).complete()).isTrue();
		assertThat(ack("REFUSED", "account\u0000closed", Instant.parse("2026-05-10T03:00:00Z")).complete()).isFalse();
		assertThat(ack("POSTED", null, Instant.parse("+10000-01-01T00:00:00Z")).complete()).isFalse();
		assertThat(ack("POSTED", null, Instant.parse("-0001-01-01T00:00:00Z")).complete()).isFalse();
		assertThat(ack("LOST", null, Instant.parse("2026-05-10T03:00:00Z")).complete()).isFalse();
	}

	private static PostingAcknowledged ack(String status, String reason, Instant ackedAt) {
		return new PostingAcknowledged(UUID.randomUUID(), "PostingAcknowledged", 1, UUID.randomUUID(), status, reason,
				ackedAt);
	}

}
