package etax.outbox;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends messages to the outbox table in the caller's transaction; they are sent after it commits.
 * Appending outside a transaction is a programming error: the message would not be atomic with the
 * change it announces.
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
		this.jdbc.batchUpdate(this.insert, messages.stream()
			.map((message) -> new Object[] { message.topic(), message.key(), serialize(message.payload()),
					this.json.writeValueAsString(message.headers()) })
			.toList());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.wakeRelay.run();
			}
		});
	}

	private String serialize(Object payload) {
		return (payload instanceof String text) ? text : this.json.writeValueAsString(payload);
	}

}
