package etax.declaration.submission;

import java.sql.Timestamp;
import java.time.Instant;
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

	void append(UUID returnId, String type, Instant at, Map<String, Object> detail) {
		this.jdbc.sql("INSERT INTO filing.return_event (return_id, type, at, detail) VALUES (?, ?, ?, ?::jsonb)")
			.params(returnId, type, Timestamp.from(at), this.json.writeValueAsString(detail))
			.update();
	}

	List<LifecycleEvent> of(UUID returnId) {
		return this.jdbc.sql("SELECT type, at, detail::text FROM filing.return_event WHERE return_id = ? ORDER BY id")
			.param(returnId)
			.query((row, n) -> new LifecycleEvent(row.getString(1), row.getTimestamp(2).toInstant(),
					this.json.readValue(row.getString(3), DETAIL)))
			.list();
	}

}
