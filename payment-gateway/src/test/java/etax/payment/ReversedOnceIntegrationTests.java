package etax.payment;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import etax.devstack.TokenIssuer;
import etax.payment.DevBanks.Line;
import etax.payment.confirmation.PaymentRecording;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.assertProblem;
import static etax.payment.GatewayFixture.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A payment is reversed once, whoever asks: a bank's second reversal is rejected with the ledger and the
 * treasury postings as after one, also when two reversals are recorded at the same time; a reversal counts only a
 * payment recorded before it, stored or earlier in its poll, so one before its payment is refused as one of a
 * payment not recorded yet, and the payment is allocated as if it were alone, also when the poll comes again; one
 * judged against a payment of its poll that another poll recorded first is judged again against that one; an
 * officer's REVERSE of a line the bank reversed, or that a recorded REVERSE covers, is refused before anything is
 * stored.
 */
@GatewayIntegrationTest
class ReversedOnceIntegrationTests {

	private static final String OFFICER = TokenIssuer.local().officer("99999");

	private static final String APPROVER = TokenIssuer.local().approver("99999", "tam");

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	DataSource dataSource;

	@Autowired
	PaymentRecording recording;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aBanksSecondReversalIsRejectedAndTakesNothingBack() {
		String mst = DevBanks.mst(9801);
		String item = booked(mst, 22_000_000);
		String payment = "REV2026042000000001";
		List<Line> lines = List.of(Line.naming(item, "1701", 20_000_000), Line.of("1701", 2_000_000));
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, payment, mst, "2026-04-20", lines));
		gateway.reads().awaitOutstanding(item, 0);

		gateway.publishSigned(mst, reversal("REV2026042100000001", payment, mst, "2026-04-21", lines));
		gateway.reads().awaitOutstanding(item, 22_000_000);
		gateway.publishSigned(mst, reversal("REV2026042100000002", payment, mst, "2026-04-21", lines));
		await().atMost(TIMEOUT).until(() -> rejection("REV2026042100000002").isPresent());

		assertThat(rejection("REV2026042100000002")).hasValueSatisfying(
				(detail) -> assertThat(detail).isEqualTo("invalid-reversal: the payment is already reversed"));
		assertReversedOnce(payment, List.of("REV2026042100000001", "REV2026042100000002"));
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("22000000");
	}

	@Test
	void twoReversalsRecordedAtTheSameTimeTakeTheMoneyBackOnce() throws Exception {
		String mst = DevBanks.mst(9802);
		String item = booked(mst, 9_000_000);
		String payment = "REV2026042000000002";
		List<Line> lines = List.of(Line.naming(item, "1701", 9_000_000));
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, payment, mst, "2026-04-20", lines));
		gateway.reads().awaitOutstanding(item, 0);

		List<String> reversals = List.of("REV2026042100000003", "REV2026042100000004");
		ExecutorService polls = Executors.newFixedThreadPool(2);
		try (Connection holder = this.dataSource.getConnection()) {
			// two instances' polls at once: the first takes the payment's lock and waits at its insert, which this
			// lock holds back, the second waits for the payment's lock; once both wait, they go on
			holder.setAutoCommit(false);
			holder.createStatement().execute("LOCK TABLE payment.confirmation IN SHARE ROW EXCLUSIVE MODE");
			List<Future<?>> done = new ArrayList<>();
			for (String reversal : reversals) {
				String value = reversal(reversal, payment, mst, "2026-04-21", lines);
				done.add(polls.submit(() -> this.recording.record(List.of(record(mst, value)))));
			}
			await().atMost(TIMEOUT).until(() -> gateway.jdbc().sql("""
					SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""")
				.query(Long.class)
				.single() >= 2);
			holder.commit();
			for (Future<?> poll : done) {
				poll.get();
			}
		}
		finally {
			polls.shutdown();
		}

		long recorded = gateway.jdbc().sql("SELECT count(*) FROM payment.confirmation WHERE reversal_of = ?")
			.param(payment)
			.query(Long.class)
			.single();
		assertThat(recorded).isOne();
		List<String> details = reversals.stream().map(this::rejection).flatMap(Optional::stream).toList();
		// the second judged against the first, which it waited for: not recorded beside it
		assertThat(details).singleElement()
			.satisfies((detail) -> assertThat(detail).startsWith("invalid-reversal: the payment is already reversed"));
		assertReversedOnce(payment, reversals);
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("9000000");
	}

	@Test
	void aReversalCountsOnlyAPaymentRecordedBeforeItWhateverThePoll() {
		String mst = DevBanks.mst(9805);
		String item = booked(mst, 3_000_000);
		List<Line> lines = List.of(Line.naming(item, "1701", 3_000_000));
		String payment = "REV2026042000000007";
		String early = "REV2026042100000007";
		String paid = DevBanks.confirmation(BANK, payment, mst, "2026-04-20", lines);

		// the reversal before its payment in one poll: refused as one of a payment not recorded yet, the payment
		// allocated as if it were alone
		this.recording.record(List.of(record(mst, reversal(early, payment, mst, "2026-04-21", lines)), record(mst, paid)));

		assertThat(rejection(early)).hasValue("invalid-reversal: reversalOf names no recorded payment of this bank");
		assertThat(count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", early)).isZero();
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("0");
		assertThat(count("""
				SELECT count(*) FROM payment.ledger_line WHERE payment_key = ? AND entry_type = 'REVERSAL'""",
				BANK + ":" + payment)).isZero();

		// once the payment is recorded, a reversal takes the money back, once
		String late = "REV2026042100000008";
		this.recording.record(List.of(record(mst, reversal(late, payment, mst, "2026-04-21", lines))));
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("3000000");
		assertReversedOnce(payment, List.of(early, late));
	}

	@Test
	void aRedeliveredPollKeepsTheReversalItRejectedRejected() {
		String mst = DevBanks.mst(9809);
		String item = booked(mst, 2_000_000);
		List<Line> lines = List.of(Line.naming(item, "1701", 2_000_000));
		String payment = "REV2026042000000011";
		String early = "REV2026042100000011";
		List<ConsumerRecord<String, String>> poll = List.of(
				record(mst, reversal(early, payment, mst, "2026-04-21", lines)),
				record(mst, DevBanks.confirmation(BANK, payment, mst, "2026-04-20", lines)));
		this.recording.record(poll);
		assertThat(rejection(early)).hasValue("invalid-reversal: reversalOf names no recorded payment of this bank");

		// the same positions again, a crash having left the offsets uncommitted: the payment is recorded now, but the
		// reversal was rejected when the poll was recorded, and stays so
		this.recording.record(poll);

		assertThat(count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", early)).isZero();
		assertThat(count("SELECT count(*) FROM payment.rejected_message WHERE bank_reference = ?", early)).isOne();
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("0");
		assertThat(count("""
				SELECT count(*) FROM payment.ledger_line WHERE payment_key = ? AND entry_type = 'REVERSAL'""",
				BANK + ":" + payment)).isZero();
	}

	@Test
	void aPaymentAndItsReversalInOnePollTakeTheMoneyBack() {
		String mst = DevBanks.mst(9806);
		String item = booked(mst, 4_000_000);
		List<Line> lines = List.of(Line.naming(item, "1701", 4_000_000));
		String payment = "REV2026042000000009";

		this.recording.record(List.of(record(mst, DevBanks.confirmation(BANK, payment, mst, "2026-04-20", lines)),
				record(mst, reversal("REV2026042100000009", payment, mst, "2026-04-21", lines))));

		assertThat(rejection("REV2026042100000009")).isEmpty();
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("4000000");
		assertReversedOnce(payment, List.of("REV2026042100000009"));
	}

	@Test
	void aReversalJudgedAgainstAPaymentOfItsPollThatAnotherPollRecordedFirstIsJudgedAgainstThatOne() {
		String payer = DevBanks.mst(9807);
		String other = DevBanks.mst(9808);
		String item = booked(other, 5_000_000);
		String payment = "REV2026042000000010";
		String reversal = "REV2026042100000010";
		List<Line> lines = List.of(Line.of("1701", 5_000_000));
		// the same bank reference, confirmed in another poll for another payer (the bank's conflict), and in this poll
		// for the payer, with the payer's reversal of it
		ConsumerRecord<String, String> theirs = record(other,
				DevBanks.confirmation(BANK, payment, other, "2026-04-20", List.of(Line.naming(item, "1701", 5_000_000))));
		List<ConsumerRecord<String, String>> poll = List.of(
				record(payer, DevBanks.confirmation(BANK, payment, payer, "2026-04-20", lines)),
				record(payer, reversal(reversal, payment, payer, "2026-04-21", lines)));
		ExecutorService polls = Executors.newSingleThreadExecutor();
		AtomicReference<Future<?>> ours = new AtomicReference<>();
		try {
			// the other poll has inserted the payment, not committed yet, when this poll judges the reversal against
			// the payment of its own; it then waits for the other's commit at the insert
			new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				this.recording.record(List.of(theirs));
				ours.set(polls.submit(() -> this.recording.record(poll)));
				await().atMost(TIMEOUT).until(() -> gateway.jdbc().sql("""
						SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted""")
					.query(Long.class)
					.single() >= 1);
			});
			assertThatThrownBy(() -> ours.get().get()).as("the poll fails, to be recorded again")
				.hasCauseInstanceOf(ConcurrencyFailureException.class);
		}
		finally {
			polls.shutdown();
		}
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("0");

		this.recording.record(poll);

		assertThat(rejection(reversal)).hasValue(
				"invalid-reversal: a reversal has the payer, currency and total of the payment it reverses");
		assertThat(count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", reversal)).isZero();
		assertThat(gateway.reads().outstanding(item)).as("the other payer's payment is not taken back")
			.isEqualByComparingTo("0");
		assertThat(count("""
				SELECT count(*) FROM payment.ledger_line WHERE payment_key = ? AND entry_type = 'REVERSAL'""",
				BANK + ":" + payment)).isZero();
	}

	@Test
	void anOfficersReverseOfALineTheBankReversedIsRefused() throws Exception {
		String mst = DevBanks.mst(9803);
		String payment = "REV2026042000000005";
		List<Line> lines = List.of(Line.of("1701", 1_000_000));
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, payment, mst, "2026-04-20", lines));
		awaitRecorded(payment);
		String early = reverse(UUID.randomUUID(), payment, 1);
		assertThat(gateway.call("/api/v1/corrections/proposals", early, OFFICER).getStatus()).isEqualTo(201);

		gateway.publishSigned(mst, reversal("REV2026042100000005", payment, mst, "2026-04-21", lines));
		awaitRecorded("REV2026042100000005");

		assertProblem(gateway.call("/api/v1/corrections/proposals", reverse(UUID.randomUUID(), payment, 1), OFFICER),
				409, "already-reversed")
			.contains("the bank reversed it (reversal REV2026042100000005)");
		assertProblem(gateway.call("/api/v1/corrections", early, APPROVER), 409, "already-reversed")
			.contains("take the money back a second time");
		assertThat(count("SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?", payment)).isZero();
		assertThat(count("SELECT count(*) FROM payment.correction_proposal WHERE bank_reference = ?", payment))
			.as("only the proposal made before the bank reversed it").isOne();
	}

	@Test
	void aSecondReverseOfTheSameLineIsRefused() throws Exception {
		String mst = DevBanks.mst(9804);
		String payment = "REV2026042000000006";
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, payment, mst, "2026-04-20",
				List.of(Line.of("1701", 1_000_000), Line.of("1701", 500_000))));
		awaitRecorded(payment);
		String first = reverse(UUID.randomUUID(), payment, 1);
		String pending = reverse(UUID.randomUUID(), payment, 1);
		assertThat(gateway.call("/api/v1/corrections/proposals", first, OFFICER).getStatus()).isEqualTo(201);
		assertThat(gateway.call("/api/v1/corrections/proposals", pending, OFFICER).getStatus()).isEqualTo(201);
		assertThat(gateway.call("/api/v1/corrections", first, APPROVER).getStatus()).isEqualTo(201);
		assertThat(gateway.call("/api/v1/corrections", first, APPROVER).getStatus()).as("a retry of the same request")
			.isEqualTo(200);

		assertProblem(gateway.call("/api/v1/corrections", pending, APPROVER), 409, "already-reversed")
			.contains("reversed already by correction request TS-2026-000099");
		assertProblem(gateway.call("/api/v1/corrections/proposals", reverse(UUID.randomUUID(), payment, 1), OFFICER),
				409, "already-reversed");
		assertProblem(gateway.call("/api/v1/corrections/proposals", reverse(UUID.randomUUID(), payment, null), OFFICER),
				409, "already-reversed");
		String other = reverse(UUID.randomUUID(), payment, 2);
		assertThat(gateway.call("/api/v1/corrections/proposals", other, OFFICER).getStatus()).as("another line").isEqualTo(201);
		assertThat(gateway.call("/api/v1/corrections", other, APPROVER).getStatus()).isEqualTo(201);
		assertThat(count("""
				SELECT count(*) FROM payment.correction_request WHERE bank_reference = ? AND kind = 'REVERSE'""", payment))
			.isEqualTo(2);
	}

	private void assertReversedOnce(String payment, List<String> reversals) {
		assertThat(count("""
				SELECT count(*) FROM payment.ledger_line r JOIN payment.ledger_line o ON o.entry_id = r.reverses_entry
				WHERE o.payment_key = ? AND r.side = 'D' AND o.side = 'D'""", BANK + ":" + payment))
			.as("each entry of the payment reversed once")
			.isEqualTo(count("""
					SELECT count(*) FROM payment.ledger_line WHERE payment_key = ? AND side = 'D'
					    AND entry_type IN ('PAYMENT_APPLIED', 'PAYMENT_CREDITED', 'CREDIT_APPLIED', 'OVERPAYMENT_CREDITED')""",
					BANK + ":" + payment));
		assertThat(gateway.jdbc().sql("""
				SELECT count(*) FROM payment.treasury_posting WHERE direction = 'REVERSAL' AND bank_reference = ANY (?)""")
			.param(reversals.toArray(String[]::new))
			.query(Long.class)
			.single()).as("one reversal posting per line of the payment")
			.isEqualTo(count("SELECT count(*) FROM payment.confirmation_line WHERE bank_reference = ?", payment));
	}

	private static String booked(String mst, long amount) {
		return gateway.booked(mst, amount, "2026-05-04");
	}

	private static ConsumerRecord<String, String> record(String mst, String value) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(DevBanks.SIGNATURE, DevBanks.sign(BANK, value).getBytes(StandardCharsets.UTF_8));
		return new ConsumerRecord<>(PaymentRecording.CONFIRMATIONS_TOPIC, 0,
				4_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L), System.currentTimeMillis(),
				TimestampType.CREATE_TIME, -1, -1, mst, value, headers, Optional.empty());
	}

	private Optional<String> rejection(String reference) {
		return gateway.jdbc().sql("SELECT reason || ': ' || detail FROM payment.rejected_message WHERE bank_reference = ?")
			.param(reference)
			.query(String.class)
			.optional();
	}

	private void awaitRecorded(String reference) {
		await().atMost(TIMEOUT)
			.until(() -> count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", reference) == 1);
	}

	private long count(String sql, Object parameter) {
		return gateway.jdbc().sql(sql).param(parameter).query(Long.class).single();
	}

	private static String reverse(UUID id, String reference, Integer line) {
		return """
				{"correctionId":"%s","requestNumber":"TS-2026-000099","kind":"REVERSE","bankCode":"%s","bankReference":"%s",\
				"lineNumber":%s,"treasuryCode":"0111","reason":"trả lại","sourceReference":"reconciliation/work-items/99",\
				"requestedBy":"officer-99999"}""".formatted(id, BANK, reference, line);
	}

}
