package etax.declaration.submission;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lifecycle of each return as an append-only log (received, accepted or not accepted, superseded,
 * paid): what filers, banks and officers all read. Nothing in it is ever updated.
 */
@Component
class ReturnEvents {

	private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReturnEvents(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Appends events in one statement, in the order given (which is the order they are read back in).
	 * @param at when they happened
	 * @param entries the events
	 */
	void append(Instant at, List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("INSERT INTO filing.return_event (return_id, type, at, detail) VALUES ");
		List<Object> params = new ArrayList<>();
		for (Entry entry : entries) {
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?::jsonb)");
			params.addAll(List.of(entry.returnId(), entry.type(), Timestamp.from(at),
					this.json.writeValueAsString(entry.detail())));
		}
		this.jdbc.sql(sql.toString()).params(params).update();
	}

	/**
	 * An event to append.
	 * @param returnId the return it happened to
	 * @param type what happened
	 * @param detail what to know about it
	 */
	record Entry(UUID returnId, String type, Map<String, Object> detail) {

	}

	List<LifecycleEvent> of(UUID returnId) {
		return this.jdbc.sql("SELECT type, at, detail::text FROM filing.return_event WHERE return_id = ? ORDER BY id")
			.param(returnId)
			.query((row, n) -> new LifecycleEvent(row.getString(1), row.getTimestamp(2).toInstant(),
					this.json.readValue(row.getString(3), DETAIL)))
			.list();
	}

}
