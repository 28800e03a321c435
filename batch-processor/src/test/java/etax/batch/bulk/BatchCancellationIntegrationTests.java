package etax.batch.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import etax.access.Caller;
import etax.access.Role;
import etax.batch.BatchProcessorIntegrationTest;
import etax.devstack.LocalInfrastructure;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A filer's cancellation of a batch against a take-over that gives up on it, each in a transaction of its own on
 * its own connection, as two replicas would be, and a cancellation of a {@code FAILED} batch that the database
 * fails halfway: the batch ends {@code CANCELLED} with one notice, or nothing of the cancellation is kept. The
 * batches are written as a run leaves them (item 1 filed, item 2 still to file), with a heartbeat in the future
 * so that no take-over but the test's acts on them.
 */
@BatchProcessorIntegrationTest
class BatchCancellationIntegrationTests {

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	BulkFilings filings;

	@Autowired
	BulkFilingExecutions executions;

	/**
	 * The race: the take-over read that the batch was not cancelled, the cancellation committed, and
	 * the take-over then failed the batch, which stayed FAILED with nothing left to file and no notice.
	 */
	@Test
	void aCancellationCommittedWhileATakeOverGivesUpEndsTheBatchCancelledWithItsNotice() throws Exception {
		String agent = BulkReturns.newMst();
		UUID batchId = batchWithItemTwoLeft(agent, "PROCESSING");
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			Held<BulkFilings.Cancellation> cancellation = hold(replicas,
					() -> this.filings.cancel(batchId, agent(agent)));
			Future<Boolean> takeOver = replicas.submit(() -> this.executions.giveUp(batchId));
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> waitingFor(cancellation.pid()) || takeOver.isDone());
			cancellation.commit();

			assertThat(cancellation.result().batch().status()).as("the cancellation found it running")
				.isEqualTo(BatchStatus.PROCESSING);
			assertThat(takeOver.get(30, TimeUnit.SECONDS)).as("not left FAILED").isFalse();
		}
		finally {
			replicas.shutdownNow();
		}

		assertThat(status(batchId)).isEqualTo("CANCELLED");
		assertThat(itemStatuses(batchId)).containsExactly("ACCEPTED", "CANCELLED");
		assertThat(notices(batchId)).singleElement()
			.satisfies((notice) -> assertThat(this.json.readTree(notice.value()).get("status").asString())
				.isEqualTo("CANCELLED"));
	}

	/** The other order: the take-over failed the batch first, and the cancellation that waited for it ends it. */
	@Test
	void aCancellationThatWaitedForATakeOverGivingUpEndsTheBatchItLeftFailed() throws Exception {
		String agent = BulkReturns.newMst();
		UUID batchId = batchWithItemTwoLeft(agent, "PROCESSING");
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		BulkFilings.Cancellation cancellation;
		try {
			Held<Boolean> takeOver = hold(replicas, () -> this.executions.giveUp(batchId));
			Future<BulkFilings.Cancellation> cancel = replicas.submit(() -> this.filings.cancel(batchId, agent(agent)));
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> waitingFor(takeOver.pid()) || cancel.isDone());
			takeOver.commit();

			assertThat(takeOver.result()).as("left FAILED, nothing cancelled yet").isTrue();
			cancellation = cancel.get(30, TimeUnit.SECONDS);
		}
		finally {
			replicas.shutdownNow();
		}

		assertThat(cancellation.batch().status()).isEqualTo(BatchStatus.CANCELLED);
		assertThat(cancellation.itemsCancelled()).isOne();
		assertThat(status(batchId)).isEqualTo("CANCELLED");
		assertThat(notices(batchId)).singleElement()
			.satisfies((notice) -> assertThat(this.json.readTree(notice.value()).get("status").asString())
				.isEqualTo("CANCELLED"));
	}

	/**
	 * A FAILED batch is ended by its cancellation: the items' cancellation, the batch's end and its notice are kept
	 * together or not at all, so that the 503 saying nothing was changed is true.
	 */
	@Test
	void cancellingAFailedBatchCancelsItsItemsAndEndsItInOneTransaction() throws Exception {
		String agent = BulkReturns.newMst();
		UUID batchId = batchWithItemTwoLeft(agent, "FAILED");

		MvcTestResult failed;
		try (RefusedEnd refused = RefusedEnd.of(this.jdbc, batchId)) {
			failed = cancel(batchId, agent);
		}

		assertThat(failed).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(json(failed).get("detail").asString()).contains("nothing was changed");
		assertThat(status(batchId)).isEqualTo("FAILED");
		assertThat(itemStatuses(batchId)).as("nothing was changed").containsExactly("ACCEPTED", "PENDING");
		assertThat(this.jdbc.sql("SELECT cancelled_at IS NULL AND cancelled = 0 FROM batch.bulk_batch WHERE id = ?")
			.param(batchId)
			.query(Boolean.class)
			.single()).as("not marked cancelled").isTrue();

		MvcTestResult cancelled = cancel(batchId, agent);

		assertThat(cancelled).hasStatusOk();
		assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(itemStatuses(batchId)).containsExactly("ACCEPTED", "CANCELLED");
		assertThat(notices(batchId)).as("announced once, by the cancellation that was kept").hasSize(1);
	}

	/**
	 * Runs the work on a thread of its own in a transaction of its own, and holds that transaction open, its locks
	 * taken, until {@link Held#commit}.
	 */
	private <T> Held<T> hold(ExecutorService threads, Supplier<T> work) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		AtomicLong pid = new AtomicLong();
		Future<T> result = threads.submit(() -> this.transactions.execute((tx) -> {
			T value = work.get();
			pid.set(this.jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single());
			done.countDown();
			try {
				assertThat(commit.await(60, TimeUnit.SECONDS)).as("told to commit").isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return value;
		}));
		while (!done.await(100, TimeUnit.MILLISECONDS)) {
			if (result.isDone()) {
				// it failed before it was held: its failure is thrown here
				Held.get(result);
			}
		}
		return new Held<>(pid.get(), commit, result);
	}

	/**
	 * A transaction held open by {@link #hold}.
	 * @param pid its backend's
	 * @param commitLatch let go to commit it
	 * @param future its work's result, once committed
	 */
	private record Held<T>(long pid, CountDownLatch commitLatch, Future<T> future) {

		void commit() {
			this.commitLatch.countDown();
		}

		T result() {
			return get(this.future);
		}

		static <T> T get(Future<T> future) {
			try {
				return future.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Makes PostgreSQL refuse to end the batch {@code CANCELLED}, as a database that fails between a cancellation's
	 * items and the batch's end (SQLState 40001, an outage the API answers 503); close it to drop it.
	 */
	private record RefusedEnd(JdbcClient jdbc, String name) implements AutoCloseable {

		static RefusedEnd of(JdbcClient jdbc, UUID batchId) {
			String name = "refused_end_" + UUID.randomUUID().toString().replace("-", "");
			jdbc.sql("""
					CREATE FUNCTION batch.%s() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN
					    IF NEW.id = '%s' AND NEW.status = 'CANCELLED' THEN
					        RAISE EXCEPTION 'refused by a test' USING ERRCODE = '40001';
					    END IF;
					    RETURN NEW;
					END $$""".formatted(name, batchId)).update();
			jdbc.sql("CREATE TRIGGER %s BEFORE UPDATE ON batch.bulk_batch FOR EACH ROW EXECUTE FUNCTION batch.%s()"
				.formatted(name, name)).update();
			return new RefusedEnd(jdbc, name);
		}

		@Override
		public void close() {
			this.jdbc.sql("DROP TRIGGER %s ON batch.bulk_batch".formatted(this.name)).update();
			this.jdbc.sql("DROP FUNCTION batch.%s()".formatted(this.name)).update();
		}

	}

	/** Whether another backend waits for a lock the given one holds. */
	private boolean waitingFor(long pid) {
		return this.jdbc.sql("SELECT count(*) > 0 FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")
			.param(pid)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A batch of two items as a run leaves it: item 1 filed, item 2 still to file.
	 * @param status {@code PROCESSING} as a run holds it, or {@code FAILED} as a take-over leaves it
	 */
	private UUID batchWithItemTwoLeft(String agent, String status) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO batch.bulk_batch (id, filer_subject, filer_role, filer_mst, format, upload_size, upload_sha256,
					item_count, status, received_at, heartbeat_at, attempts, accepted)
				VALUES (?, ?, 'AGENT', ?, 'ZIP', 1, 'none', 2, ?, now(), now() + interval '1 hour', 3, 1)
				""").params(id, "agent-" + agent, agent, status).update();
		this.jdbc.sql("""
				INSERT INTO batch.bulk_item (batch_id, item_no, name, content, part, status, return_id, transaction_code,
					tax_office_code, decided_at)
				VALUES (?, 1, '01.xml', NULL, 0, 'ACCEPTED', ?, ?, '99999', now())
				""").params(id, UUID.randomUUID(), "TC1" + System.nanoTime() % 1_000_000_000L).update();
		this.jdbc.sql("""
				INSERT INTO batch.bulk_item (batch_id, item_no, name, content, part, status, addressed_office_code)
				VALUES (?, 2, '02.xml', convert_to('<HSoThueDTu/>', 'UTF8'), 0, 'PENDING', '99999')
				""").param(id).update();
		return id;
	}

	private static Caller agent(String mst) {
		return new Caller("agent-" + mst, Role.AGENT, mst, null, null);
	}

	private MvcTestResult cancel(UUID batchId, String agent) {
		return this.mvc.post().uri("/api/v1/batches/{id}:cancel", batchId).with(bearer(TOKENS.agent(agent))).exchange();
	}

	private String status(UUID batchId) {
		return this.jdbc.sql("SELECT status FROM batch.bulk_batch WHERE id = ?")
			.param(batchId)
			.query(String.class)
			.single();
	}

	private List<String> itemStatuses(UUID batchId) {
		return this.jdbc.sql("SELECT status FROM batch.bulk_item WHERE batch_id = ? ORDER BY item_no")
			.param(batchId)
			.query(String.class)
			.list();
	}

	/** The batch's notices as its filer reads them (the outbox row is deleted once sent). */
	private static List<ConsumerRecord<String, String>> notices(UUID batchId) {
		return TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.notices.v1",
				(record) -> record.value().contains("\"BatchCompleted\"") && record.value().contains(batchId.toString()),
				1, Duration.ofSeconds(30));
	}

	private JsonNode json(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
