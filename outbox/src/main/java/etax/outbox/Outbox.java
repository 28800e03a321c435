package etax.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends messages to the outbox table in the caller's transaction; they are sent after it commits.
 * Appending outside a transaction is a programming error: the message would not be atomic with the
 * change it announces.
 *
 * <p>The messages of a transaction are collected as they are appended and inserted together, in the order
 * they were appended, just before it commits: one statement however many parts of the transaction
 * announce something. A transaction that rolls back inserts nothing. A transaction started inside it
 * ({@code REQUIRES_NEW}) collects its own.
 *
 * <p>
 * What order consumers may rely on, for one key (one partition):
 * <ul>
 * <li>the messages of one transaction arrive in the order they were appended;</li>
 * <li>if a transaction had committed before another inserted its messages (which it does as it starts to
 * commit), the first's arrive before the second's. That covers every transaction that could build on
 * another: one that waited for a lock the other held until its commit (a row it updated, a return
 * chain's advisory lock), or read what the other committed: the ids are drawn from an uncached sequence
 * as the rows are inserted, the relay sends each round's rows in id order, and a round that sees the
 * second's rows sees the first's (or they were sent before);</li>
 * <li>otherwise, when neither had committed before the other inserted its messages (they overlapped and
 * neither waited for the other: one taxpayer's filings in two chains), the two may arrive in either
 * order, not necessarily the order they committed in: neither saw the other's changes, and consumers
 * must not read anything into their order.</li>
 * </ul>
 * A message sent again after a failed round or a crash may arrive once more after later ones (consumers
 * de-duplicate on the event id and keep the first), and a message Kafka refuses for good is parked and
 * never arrives, while the key's later messages do (see {@code OutboxRelay}).
 */
public final class Outbox {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final String insert;

	private final Runnable wakeRelay;

	Outbox(JdbcTemplate jdbc, JsonMapper json, String table, Runnable wakeRelay) {
		this.jdbc = jdbc;
		this.json = json;
		this.insert = "INSERT INTO " + table + " (topic, message_key, payload, headers) VALUES (?, ?, ?, ?::jsonb)";
		this.wakeRelay = wakeRelay;
	}

	public void append(OutboxMessage message) {
		appendAll(List.of(message));
	}

	public void appendAll(List<OutboxMessage> messages) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox messages must be appended inside a transaction");
		}
		if (messages.isEmpty()) {
			return;
		}
		List<Object[]> rows = pendingOfThisTransaction();
		for (OutboxMessage message : messages) {
			rows.add(new Object[] { message.topic(), message.key(), serialize(message.payload()),
					this.json.writeValueAsString(message.headers()) });
		}
	}

	private List<Object[]> pendingOfThisTransaction() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Pending pending && pending.outbox == this) {
				return pending.rows;
			}
		}
		Pending pending = new Pending(this);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending.rows;
	}

	private String serialize(Object payload) {
		return (payload instanceof String text) ? text : this.json.writeValueAsString(payload);
	}

	/**
	 * The messages a transaction appended, inserted before it commits; the relay is woken after. Equal
	 * only to itself: it is kept in the transaction's set of synchronizations while its rows grow.
	 */
	private static final class Pending implements TransactionSynchronization {

		private final Outbox outbox;

		private final List<Object[]> rows = new ArrayList<>();

		Pending(Outbox outbox) {
			this.outbox = outbox;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.outbox.jdbc.batchUpdate(this.outbox.insert, this.rows);
		}

		@Override
		public void afterCommit() {
			this.outbox.wakeRelay.run();
		}

	}

}
