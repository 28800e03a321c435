package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ack is taken as payment-gateway takes it ({@code ReceivedAck}): one the gateway does not apply, for what it holds
 * or for what PostgreSQL would refuse, is skipped, not recorded as an answer the gateway never took.
 */
class PostingAcknowledgedTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-05-10T03:00:00Z");

	@Test
	void readsWhatTheGatewayReadsAndNothingElse() {
		PostingAcknowledged ack = read("\"REFUSED\"", "\"account closed\"", "\"2026-05-10T10:00:00+07:00\"");
		assertThat(ack).isNotNull();
		assertThat(ack.status()).isEqualTo("REFUSED");
		assertThat(ack.reason()).isEqualTo("account closed");
		assertThat(ack.ackedAt()).isEqualTo(NOW);
		assertThat(read("\"LOST\"", "null", "\"2026-05-10T03:00:00Z\"")).isNull();
		assertThat(read("\"POSTED\"", "null", "1778382000")).as("seconds, which the gateway does not read").isNull();
		assertThat(read("\"POSTED\"", "null", "\"1778382000\"")).isNull();
		assertThat(PostingAcknowledged.read(JSON, "{\"type\":\"PostingRequested\",\"version\":1}")).isNull();
		assertThat(PostingAcknowledged.read(JSON, "not json")).isNull();
		assertThat(PostingAcknowledged.read(JSON, null)).isNull();
	}

	@Test
	void anAckTheGatewayRefusesAsInvalidIsNotOneToRecord() {
		assertThat(ack("account closed", NOW).invalidField(NOW)).isNull();
		assertThat(ack("x".repeat(PostingAcknowledged.MAX_REASON_LENGTH), NOW).invalidField(NOW)).isNull();
		assertThat(ack("x".repeat(PostingAcknowledged.MAX_REASON_LENGTH + 1), NOW).invalidField(NOW))
			.isEqualTo("reason");
		assertThat(ack("account\u0000closed", NOW).invalidField(NOW)).isEqualTo("reason");
		assertThat(ack("account\nclosed", NOW).invalidField(NOW)).isEqualTo("reason");
		Instant aDayAhead = NOW.plus(PostingAcknowledged.AHEAD);
		assertThat(ack(null, aDayAhead).invalidField(NOW)).isNull();
		assertThat(ack(null, aDayAhead.plusSeconds(1)).invalidField(NOW)).isEqualTo("ackedAt");
		assertThat(ack(null, Instant.parse("1999-12-31T23:59:59Z")).invalidField(NOW)).isEqualTo("ackedAt");
		assertThat(ack(null, Instant.parse("+10000-01-01T00:00:00Z")).invalidField(NOW)).isEqualTo("ackedAt");
		assertThat(ack(null, Instant.parse("-0001-01-01T00:00:00Z")).invalidField(NOW)).isEqualTo("ackedAt");
	}

	private static PostingAcknowledged read(String status, String reason, String ackedAt) {
		return PostingAcknowledged.read(JSON, """
				{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":%s,"reason":%s,\
				"ackedAt":%s}""".formatted(UUID.randomUUID(), UUID.randomUUID(), status, reason, ackedAt));
	}

	private static PostingAcknowledged ack(String reason, Instant ackedAt) {
		return new PostingAcknowledged(UUID.randomUUID(), PostingAcknowledged.TYPE, 1, UUID.randomUUID(), "REFUSED",
				reason, ackedAt);
	}

}
