package etax.batch.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.batch.BatchProcessorIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * A re-coding the gateway asked the treasury for (an overpayment of one sub-item offset against an item of
 * another, docs/adr/0007-treasury-acks.md addendum), and a refund order (a credit paid back to the taxpayer on its
 * request, 01/ĐNXLNT), are no voucher line: their acks and their rows on the treasury's statement leave the day's
 * voucher lines as they are, and no ONLY_TREASURY exception. Works on business day
 * 2025-03-27, references RC…
 */
@BatchProcessorIntegrationTest
class ReconciliationRecodingIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 27);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Test
	void aRecodingOrARefundOrderOnTheStatementIsNoVoucherLine() {
		TaxSide tax = new TaxSide(this.jdbc);
		UUID payment = tax.paid("RC01", DAY, "VND", "10500000", "1701");
		UUID recoding = tax.recoded(payment, DAY, "1701", "4931", "27000");
		UUID refund = tax.refunded(payment, DAY, "1701", "400000");
		UUID unknown = UUID.randomUUID();
		ack(payment);
		ack(recoding);
		ack(refund);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM reconciliation.treasury_ack WHERE posting_id IN (?, ?, ?)")
				.params(payment, recoding, refund)
				.query(Long.class)
				.single() == 3);
		calls().importBank(bankFile(DAY, voucher("RC01", DAY, "01", "VND", "10500000", "1701")));
		calls().importTreasury(statement(posted(payment, DAY, "VND", "10500000", "1701"),
				posted(recoding, DAY, "VND", "27000", "4931"), posted(refund, DAY, "VND", "400000", "1701"),
				posted(unknown, DAY, "VND", "5000", "1701")));

		calls().reconcile(DAY);

		assertThat(classes()).as("the payment matches; only a posting nobody asked for is an exception")
			.containsExactlyInAnyOrderEntriesOf(Map.of("RC01", "MATCHED", "posting/" + unknown, "ONLY_TREASURY"));
	}

	private void ack(UUID postingId) {
		this.kafka.send("treasury.acks.v1", "0313829148", """
				{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":"POSTED","ackedAt":"%s"}"""
			.formatted(UUID.randomUUID(), postingId, Instant.parse("2025-03-27T05:00:00Z")));
	}

	/** Class by bank reference, or by posting key for a line no bank has. */
	private Map<String, String> classes() {
		return this.jdbc.sql("SELECT coalesce(bank_reference, line_key), class FROM reconciliation.line WHERE business_day = ?")
			.param(DAY)
			.query((row, n) -> entry(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private ReconciliationCalls calls() {
		return new ReconciliationCalls(this.mvc, this.jdbc);
	}

}
