package etax.batch.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of {@code batch.bulk_batch} and {@code batch.bulk_item} as the records callers get: a batch with the
 * counts of its items still to be filed and received worked out from its counters, an item with its findings
 * and problem as JSON.
 */
@Component
class BatchRows {

	private final JsonMapper json;

	BatchRows(JsonMapper json) {
		this.json = json;
	}

	Batch batch(ResultSet rs, int rowNum) throws SQLException {
		int items = rs.getInt("item_count");
		int accepted = rs.getInt("accepted");
		int notAccepted = rs.getInt("not_accepted");
		int notReceived = rs.getInt("not_received");
		int failed = rs.getInt("failed");
		int cancelled = rs.getInt("cancelled");
		return new Batch(rs.getObject("id", UUID.class), BatchStatus.valueOf(rs.getString("status")),
				Format.valueOf(rs.getString("format")), items,
				new Batch.Counts(items - accepted - notAccepted - notReceived - failed - cancelled, accepted + notAccepted,
						accepted, notAccepted, notReceived, failed, cancelled),
				instant(rs, "received_at"), instant(rs, "completed_at"));
	}

	BatchItem item(ResultSet rs, int rowNum) throws SQLException {
		return new BatchItem(rs.getInt("item_no"), rs.getString("name"), ItemStatus.valueOf(rs.getString("status")),
				rs.getString("transaction_code"), rs.getObject("return_id", UUID.class),
				(Boolean) rs.getObject("replayed"), node(rs.getString("findings")), node(rs.getString("problem")),
				rs.getInt("attempts"), instant(rs, "decided_at"));
	}

	private @Nullable JsonNode node(@Nullable String text) {
		return (text != null) ? this.json.readTree(text) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
