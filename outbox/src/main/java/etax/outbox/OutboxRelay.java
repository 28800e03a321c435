package etax.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends committed outbox messages to Kafka, oldest first, and removes them.
 *
 * <p>
 * One relay thread per process. A round reads up to {@code batchSize} unsent rows, sends them with an
 * idempotent producer, waits for every acknowledgement and deletes the rows in the same transaction. A
 * transaction-scoped advisory lock on the table lets only one process relay at a time, so several
 * replicas never reorder one key's messages (and the rows need no row locks). A failed round rolls
 * back: its messages are sent again in the next one (at least once). Its commit does not wait for the
 * disk ({@code synchronous_commit = off}): a database crash can only bring back rows already sent, which
 * are sent again. A commit that appended messages wakes the relay; else it polls. Woken, it lingers a
 * moment ({@code linger}) for the commits right behind, so that under load a round carries many
 * transactions' messages rather than one's: each round costs a database transaction, a produce request
 * per partition, and a fetch for every consumer of those partitions, whatever it carries.
 *
 * <p>
 * The table is a queue: every row is deleted soon after it is inserted. Until a vacuum removes them, the
 * deleted rows stay in the table and in its index, and each round's scan for the oldest unsent rows steps
 * over them; autovacuum visits a table at most once a minute, by which time a busy service has deleted
 * hundreds of thousands. So after every {@code vacuumAfter} rows deleted the relay vacuums the table
 * itself (a plain {@code VACUUM}: it blocks no insert, delete or read). A vacuum that fails is logged, and
 * the table waits for autovacuum or the relay's next one.
 */
final class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final OutboxProperties properties;

	private final Counter published;

	private final Semaphore wake = new Semaphore(0);

	private final String select;

	private final String removeSent;

	private long deletedSinceVacuum;

	private volatile boolean running;

	private @Nullable Thread thread;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			JsonMapper json, OutboxProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
		this.published = Counter.builder("etax.outbox.published").register(meters);
		String table = properties.table();
		// the oldest ids from the index first, then their rows: asked for whole rows at once, the planner
		// costs the heap fetches of a table bloated by deleted rows above a sequential scan of all its
		// pages, and took that scan on every round (milliseconds each, 200 µs per message under filing load)
		this.select = "SELECT id, topic, message_key, payload, headers::text FROM " + table
				+ " WHERE id = ANY (ARRAY(SELECT id FROM " + table + " WHERE published_at IS NULL ORDER BY id LIMIT "
				+ properties.relay().batchSize() + ")) ORDER BY id";
		// sent rows are deleted, not marked: the table stays as small as its backlog, so autovacuum keeps
		// up and the poll's index scan does not wade through days of published rows
		this.removeSent = "DELETE FROM " + table + " WHERE id = ANY (?)";
	}

	void wake() {
		this.wake.release();
	}

	@Override
	public void start() {
		this.running = true;
		Thread relay = new Thread(this::run, "outbox-relay");
		relay.setDaemon(true);
		this.thread = relay;
		relay.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread relay = this.thread;
		if (relay != null) {
			relay.interrupt();
			try {
				relay.join(this.properties.relay().sendTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stop after the listeners and web server that append, start before them
		return Integer.MAX_VALUE - 100;
	}

	private void run() {
		Duration poll = this.properties.relay().pollInterval();
		while (this.running) {
			try {
				if (this.wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
					Thread.sleep(this.properties.relay().linger().toMillis());
				}
				this.wake.drainPermits();
				while (this.running && relayBatch() == this.properties.relay().batchSize()) {
					// a full batch: more may be waiting
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Outbox relay round failed, retrying table={} reason={}", this.properties.table(),
						ex.getMessage());
				sleepQuietly(poll);
			}
		}
	}

	/**
	 * Relays one batch.
	 * @return the number of messages sent
	 */
	int relayBatch() {
		Integer sent = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
					this.properties.table());
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			// removing sent rows need not wait for the disk: rows a crash brings back are sent again
			this.jdbc.execute("SET LOCAL synchronous_commit = off");
			List<Long> ids = new ArrayList<>();
			List<CompletableFuture<?>> acks = new ArrayList<>();
			this.jdbc.query(this.select, (row) -> {
				ids.add(row.getLong(1));
				acks.add(this.kafka.send(record(row.getString(2), row.getString(3), row.getString(4), row.getString(5))));
			});
			if (ids.isEmpty()) {
				return 0;
			}
			this.kafka.flush();
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
				.orTimeout(this.properties.relay().sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.join();
			this.jdbc.update(this.removeSent, (Object) ids.toArray(Long[]::new));
			return ids.size();
		});
		int count = (sent != null) ? sent : 0;
		this.published.increment(count);
		vacuumWhenDue(count);
		return count;
	}

	private void vacuumWhenDue(int deleted) {
		int every = this.properties.relay().vacuumAfter();
		this.deletedSinceVacuum += deleted;
		if (every <= 0 || this.deletedSinceVacuum < every) {
			return;
		}
		this.deletedSinceVacuum = 0;
		try {
			// outside any transaction: the pool's connections commit automatically
			this.jdbc.execute("VACUUM " + this.properties.table());
		}
		catch (DataAccessException ex) {
			log.warn("Outbox vacuum failed, retrying after as many rows again table={} reason={}",
					this.properties.table(), ex.getMessage());
		}
	}

	private ProducerRecord<String, String> record(String topic, String key, String payload, String headers) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		Map<String, String> values = this.json.readValue(headers, new TypeReference<Map<String, String>>() {
		});
		values.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
