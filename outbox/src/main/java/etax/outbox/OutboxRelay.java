package etax.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends committed outbox messages to Kafka, oldest first, and removes them.
 *
 * <p>
 * One relay thread per process. A round reads up to {@code batchSize} unsent rows (more reads of as many while none it
 * read may be sent: {@link RelayRounds}), sends them in one Kafka
 * transaction, waits for every acknowledgement, commits it and deletes the rows in the same database transaction. A
 * transaction-scoped advisory lock on the table lets only one process relay at a time, so several
 * replicas never reorder one key's messages (and the rows need no row locks). A failed round rolls
 * back and its Kafka transaction is aborted, so that no consumer reads any of it: its messages are sent again in the
 * next one ({@link RelayTransaction}; at least once, as a round that committed in Kafka may fail to delete). Its commit does not wait for the
 * disk ({@code synchronous_commit = off}): a database crash can only bring back rows already sent, which
 * are sent again. A commit that appended messages wakes the relay; else it polls. Woken, it lingers a
 * moment ({@code linger}) for the commits right behind, so that under load a round carries many
 * transactions' messages rather than one's: each round costs a database transaction, a produce request
 * per partition, and a fetch for every consumer of those partitions, whatever it carries.
 *
 * <p>
 * A message Kafka refuses for good (larger than the producer or broker allows, or otherwise refused for
 * what it is: {@link SendFailure}) would fail every round and hold back every message behind it. The
 * round moves it to the parked table ({@link OutboxProperties#parkedTable()}) with the class of the
 * exception, logs that once without key or value, counts it ({@code etax.outbox.parked}, tagged with
 * topic and reason); nothing reads or deletes a parked message, it waits for an operator; the round's other messages
 * are sent again at once. A failure that may pass (a timeout, a broker or leader not available) parks nothing: the
 * round's messages stay, the keys of those not acknowledged and the partitions they go to are held back for a send
 * timeout ({@link HeldBack}), and the others are sent again in the next round.
 *
 * <p>
 * The table is a queue; after every {@code vacuumAfter} rows deleted the relay vacuums it ({@link OutboxVacuum}).
 *
 * <p>
 * This class is the relay's thread: when it wakes and how it stops; {@link RelayRounds} is what a round does.
 */
final class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final RelayRounds rounds;

	private final ProducerFactory<String, String> producers;

	private final OutboxVacuum vacuum;

	private final OutboxProperties properties;

	private final Counter published;

	private final MeterRegistry meters;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private @Nullable Thread thread;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, ProducerFactory<String, String> producers,
			JsonMapper json, OutboxProperties properties, MeterRegistry meters) {
		this.rounds = new RelayRounds(jdbc, transactions, producers, json, properties);
		this.producers = producers;
		this.vacuum = new OutboxVacuum(jdbc, properties);
		this.properties = properties;
		this.published = Counter.builder("etax.outbox.published").register(meters);
		this.meters = meters;
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

	/**
	 * Stops the relay's thread once its round is done, and closes the producer. It stops last ({@link #getPhase}):
	 * what the requests and polls under way when the process was asked to stop append is relayed while they finish.
	 */
	@Override
	public void stop() {
		this.running = false;
		wake();
		Thread relay = this.thread;
		if (relay != null) {
			try {
				// a round under way is let finish: interrupted, it could neither commit nor abort its transaction,
				// and the consumers of the partitions it wrote would read nothing past it until the broker aborted
				// it (three send timeouts); a round waits a send timeout at most for each of its sends and its end,
				// unless the broker is slow to answer beside (metadata, a probe), when it is interrupted after three
				relay.join(3 * this.properties.relay().sendTimeout().toMillis());
				if (relay.isAlive()) {
					relay.interrupt();
					relay.join(this.properties.relay().sendTimeout().toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.producers.reset();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after everything that appends: the web server's graceful shutdown and its stop
	 * ({@code Integer.MAX_VALUE - 1024} and {@code - 2048}), the Kafka listener containers
	 * ({@code Integer.MAX_VALUE - 100}), the filings' group commit ({@code DEFAULT_PHASE - 4096}); starts before
	 * them.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 8192;
	}

	private void run() {
		Duration poll = this.properties.relay().pollInterval();
		while (this.running) {
			try {
				if (this.wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
					Thread.sleep(this.properties.relay().linger().toMillis());
				}
				this.wake.drainPermits();
				while (this.running && relayBatch()) {
					// a full round: more may be waiting
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error ex) {
				// an Error too (out of memory in a round of large payloads): a relay thread that ended would leave
				// the outbox filling with no one to tell
				if (!this.running) {
					return;
				}
				// a database error's text may quote a statement: its class only
				log.warn("Outbox relay round failed, retrying table={} reason={}", this.properties.table(),
						(ex instanceof DataAccessException) ? ex.getClass().getName() : ex.getMessage());
				sleepQuietly(poll);
			}
		}
	}

	/**
	 * Relays one batch.
	 * @return whether more messages may be waiting (the round read as many as it may)
	 */
	boolean relayBatch() {
		RelayRounds.Round round = this.rounds.next();
		// counted and logged once committed: a round that failed to commit parks its messages again
		for (RelayRounds.Parked parked : round.parked()) {
			log.error("Outbox message parked, Kafka refuses it for good; it stays for an operator table={} id={} "
					+ "topic={} reason={}", this.properties.parkedTable(), parked.id(), parked.topic(),
					parked.failure().reason());
			Counter.builder("etax.outbox.parked")
				.description("Outbox messages moved to the parked table because Kafka refuses them for good")
				.tag("topic", parked.topic())
				.tag("reason", parked.failure().shortReason())
				.register(this.meters)
				.increment();
		}
		this.published.increment(round.sent());
		int removed = round.sent() + round.parked().size();
		this.vacuum.vacuumWhenDue(removed);
		@Nullable SendFailure retry = round.retry();
		if (retry != null) {
			throw new IllegalStateException("Kafka did not acknowledge every message, reason " + retry.reason());
		}
		return round.more();
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
