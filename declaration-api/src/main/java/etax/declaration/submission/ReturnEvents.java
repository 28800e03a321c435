package etax.declaration.submission;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate jdbcTemplate;

	private final JsonMapper json;

	ReturnEvents(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.json = json;
	}

	/**
	 * Appends events in one statement, in the order given (which is the order they are read back in).
	 * @param entries the events
	 */
	void append(List<Entry> entries) {
		this.jdbcTemplate.batchUpdate("INSERT INTO filing.return_event (return_id, type, at, detail) VALUES (?, ?, ?, ?::jsonb)",
				entries.stream()
					.map((entry) -> new Object[] { entry.returnId(), entry.type(), Timestamp.from(entry.at()),
							this.json.writeValueAsString(entry.detail()) })
					.toList());
	}

	/**
	 * An event to append.
	 * @param returnId the return it happened to
	 * @param type what happened
	 * @param at when it happened
	 * @param detail what to know about it
	 */
	record Entry(UUID returnId, String type, Instant at, Map<String, Object> detail) {

	}

	List<LifecycleEvent> of(UUID returnId) {
		return this.jdbc.sql("SELECT type, at, detail::text FROM filing.return_event WHERE return_id = ? ORDER BY id")
			.param(returnId)
			.query((row, n) -> new LifecycleEvent(row.getString(1), row.getTimestamp(2).toInstant(),
					this.json.readValue(row.getString(3), DETAIL)))
			.list();
	}

}
