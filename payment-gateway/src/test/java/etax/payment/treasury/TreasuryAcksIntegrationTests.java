package etax.payment.treasury;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.RefusingTrigger;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static etax.devstack.TestCallers.officer;
import static etax.payment.GatewayFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Treasury acks mark postings posted or refused, once; unanswered postings become overdue; an ack holding what
 * PostgreSQL cannot hold is kept apart and the acks behind it applied.
 */
@GatewayIntegrationTest
class TreasuryAcksIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	MeterRegistry meters;

	@Autowired
	TreasuryAcks acks;

	@Test
	void marksPostingsPostedOrRefusedOnceAndBooksWhatWasPosted() {
		String mst = DevBanks.mst(9001);
		String reference = "TRS2026042000000001";
		gateway.pay(mst, reference, "2026-04-20", List.of(Line.of("1701", 1_000_000), Line.of("1052", 2_000_000)));
		await().atMost(TIMEOUT).until(() -> postings(reference).size() == 2);
		List<UUID> postings = postings(reference);

		ack(mst, postings.get(0), "POSTED", null);
		ack(mst, postings.get(0), "POSTED", null);
		// another message of the topic, of the same shape: no ack, or the refusal behind it were the conflict
		gateway.publish(PostingAcknowledged.TOPIC, mst, value(postings.get(1), "POSTED", null, Instant.now().toString())
			.replace("\"PostingAcknowledged\"", "\"PostingReversed\""), Map.of());
		ack(mst, postings.get(1), "REFUSED", "account closed");
		ack(mst, postings.get(1), "POSTED", null);

		await().atMost(TIMEOUT).until(() -> status(postings.get(0)).equals("POSTED")
				&& status(postings.get(1)).equals("REFUSED") && conflicts(postings.get(1)) == 1);
		assertThat(gateway.jdbc().sql("SELECT ack_reason FROM payment.treasury_posting WHERE posting_id = ?")
			.param(postings.get(1))
			.query(String.class)
			.single()).isEqualTo("account closed");
		assertThat(gateway.jdbc().sql("""
				SELECT count(*) FROM payment.ledger_line WHERE posting_id = ? AND entry_type = 'POSTING_CONFIRMED'""")
			.param(postings.get(0))
			.query(Long.class)
			.single()).as("one entry, two lines, however often acked").isEqualTo(2);
		assertThat(gateway.jdbc().sql("""
				SELECT count(*) FROM payment.ledger_line WHERE posting_id = ? AND entry_type = 'POSTING_CONFIRMED'""")
			.param(postings.get(1))
			.query(Long.class)
			.single()).as("nothing moves for a refusal").isZero();
	}

	@Test
	void listsAndCountsPostingsNotAckedInTime() throws Exception {
		String mst = DevBanks.mst(9002);
		String reference = "TRS2026042000000002";
		gateway.pay(mst, reference, "2026-04-20", List.of(Line.of("1701", 1_500_000)));
		await().atMost(TIMEOUT).until(() -> postings(reference).size() == 1);
		UUID posting = postings(reference).get(0);

		await().atMost(TIMEOUT).until(() -> this.meters.get("etax.payment.treasury.postings.overdue").gauge().value() >= 1);
		await().atMost(TIMEOUT).until(() -> listedOverdue(posting));
		assertThat(this.meters.get("etax.payment.treasury.postings.pending").gauge().value()).isPositive();

		ack(mst, posting, "POSTED", null);
		await().atMost(TIMEOUT).until(() -> status(posting).equals("POSTED"));
		assertThat(listedOverdue(posting)).isFalse();
	}

	/**
	 * Whether the list of overdue postings names the posting, on any of its pages: the other tests of the context
	 * leave postings unacknowledged too, older ones first in the list.
	 */
	private boolean listedOverdue(UUID posting) throws Exception {
		for (int page = 0;; page++) {
			String listed = gateway.mvc()
				.perform(get("/api/v1/treasury/postings/overdue?size=500&page=" + page).with(officer()))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			if (listed.contains(posting.toString())) {
				return true;
			}
			if (GatewayFixture.JSON.readTree(listed).path("items").size() < 500) {
				return false;
			}
		}
	}

	@Test
	void rejectsAnAckWhoseReasonPostgresCannotHoldAndAppliesTheAcksBehindIt() {
		String mst = DevBanks.mst(9003);
		String reference = "TRS2026042000000003";
		gateway.pay(mst, reference, "2026-04-20", List.of(Line.of("1701", 1_000_000), Line.of("1052", 2_000_000)));
		await().atMost(TIMEOUT).until(() -> postings(reference).size() == 2);
		List<UUID> postings = postings(reference);

		// a JSON escape: the reason read from it holds NUL, which PostgreSQL refuses in text
		ack(mst, postings.get(0), "REFUSED", "closed\\u0000");
		ack(mst, postings.get(1), "REFUSED", "x".repeat(ReceivedAck.MAX_REASON_LENGTH + 1));
		ack(mst, postings.get(1), "POSTED", null);

		await().atMost(TIMEOUT).until(() -> status(postings.get(1)).equals("POSTED"));
		assertThat(status(postings.get(0))).isEqualTo("REQUESTED");
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.rejected_event WHERE reason = 'invalid-ack' AND raw_value LIKE ?")
			.param("%" + postings.get(0) + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.rejected_event WHERE reason = 'invalid-ack' AND raw_value LIKE ?")
			.param("%" + postings.get(1) + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rejectsAnAckDatedWhenNoTreasuryAnsweredAndAppliesTheAcksBehindIt() {
		String mst = DevBanks.mst(9004);
		String reference = "TRS2026042000000004";
		gateway.pay(mst, reference, "2026-04-20",
				List.of(Line.of("1701", 1_000_000), Line.of("1052", 2_000_000), Line.of("4931", 3_000_000)));
		await().atMost(TIMEOUT).until(() -> postings(reference).size() == 3);
		List<UUID> postings = postings(reference);
		long offset = System.nanoTime();

		// java.time reads each; PostgreSQL holds neither of the first two, and the poll would fail for ever
		this.acks.record(List.of(record(mst, offset, value(postings.get(0), "POSTED", null, "-5000-01-01T00:00:00Z")),
				record(mst, offset + 1, value(postings.get(1), "POSTED", null, "0000-01-01T00:00:00Z")),
				record(mst, offset + 2, value(postings.get(2), "POSTED", null, "+10000-01-01T00:00:00Z")),
				record(mst, offset + 3, value(postings.get(2), "POSTED", null, Instant.now().toString()))));

		assertThat(status(postings.get(0))).isEqualTo("REQUESTED");
		assertThat(status(postings.get(1))).isEqualTo("REQUESTED");
		assertThat(status(postings.get(2))).isEqualTo("POSTED");
		assertThat(rejections(offset)).containsExactly("0 invalid-ack", "1 invalid-ack", "2 invalid-ack");
	}

	@Test
	void keepsAnAckPostgresRefusesThoughNoCheckCaughtItAndAppliesTheOthersOfItsPoll() {
		String mst = DevBanks.mst(9005);
		String reference = "TRS2026042000000005";
		gateway.pay(mst, reference, "2026-04-20", List.of(Line.of("1701", 1_000_000), Line.of("1052", 2_000_000)));
		await().atMost(TIMEOUT).until(() -> postings(reference).size() == 2);
		List<UUID> postings = postings(reference);
		long offset = System.nanoTime();
		List<ConsumerRecord<String, String>> poll = List.of(
				record(mst, offset, value(postings.get(0), "REFUSED", "refused by a test", Instant.now().toString())),
				record(mst, offset + 1, value(postings.get(1), "POSTED", null, Instant.now().toString())));

		try (RefusingTrigger trigger = RefusingTrigger.on(gateway.jdbc(), "payment.treasury_posting", "UPDATE",
				"NEW.ack_reason = 'refused by a test'")) {
			this.acks.record(poll);
			this.acks.record(poll);
		}

		assertThat(status(postings.get(0))).isEqualTo("REQUESTED");
		assertThat(status(postings.get(1))).isEqualTo("POSTED");
		assertThat(rejections(offset)).as("once, however often the poll comes").containsExactly("0 unstorable");
	}

	private static ConsumerRecord<String, String> record(String mst, long offset, String value) {
		return new ConsumerRecord<>(PostingAcknowledged.TOPIC, 900, offset, mst, value);
	}

	private List<String> rejections(long offset) {
		return gateway.jdbc()
			.sql("""
					SELECT kafka_offset - ?, reason FROM payment.rejected_event
					WHERE kafka_topic = ? AND kafka_partition = 900 AND kafka_offset >= ? ORDER BY kafka_offset""")
			.params(offset, PostingAcknowledged.TOPIC, offset)
			.query((row, n) -> row.getLong(1) + " " + row.getString(2))
			.list();
	}

	private static String value(UUID postingId, String status, String reason, String ackedAt) {
		return """
				{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":"%s",%s\
				"ackedAt":"%s"}""".formatted(UUID.randomUUID(), postingId, status,
				(reason != null) ? "\"reason\":\"" + reason + "\"," : "", ackedAt);
	}

	private void ack(String mst, UUID postingId, String status, String reason) {
		String value = """
				{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":"%s",%s\
				"ackedAt":"%s"}""".formatted(UUID.randomUUID(), postingId, status,
				(reason != null) ? "\"reason\":\"" + reason + "\"," : "", Instant.now());
		gateway.publish(PostingAcknowledged.TOPIC, mst, value, Map.of());
	}

	private List<UUID> postings(String reference) {
		return gateway.jdbc().sql("SELECT posting_id FROM payment.treasury_posting WHERE bank_reference = ? ORDER BY line_number")
			.param(reference)
			.query(UUID.class)
			.list();
	}

	private String status(UUID posting) {
		return gateway.jdbc().sql("SELECT status FROM payment.treasury_posting WHERE posting_id = ?")
			.param(posting)
			.query(String.class)
			.single();
	}

	private long conflicts(UUID posting) {
		return gateway.jdbc().sql("SELECT count(*) FROM payment.rejected_event WHERE reason = 'ack-conflict' AND raw_value LIKE ?")
			.param("%" + posting + "%")
			.query(Long.class)
			.single();
	}
}
