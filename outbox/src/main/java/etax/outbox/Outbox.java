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
