package etax.payment.confirmation;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rejected records in {@code payment.rejected_message}, one row per Kafka position: a redelivered
 * record finds its row already there and adds nothing.
 */
@Repository
class RejectedMessageRepository {

	private static final String INSERT = """
			INSERT INTO payment.rejected_message (kafka_topic, kafka_partition, kafka_offset, message_key, raw_value,
			    reason, detail, received_at, recording_id)
			VALUES (:topic, :partition, :offset, :key, :value, :reason, :detail, :receivedAt, :recordingId)
			ON CONFLICT (kafka_topic, kafka_partition, kafka_offset) DO NOTHING""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient client;

	RejectedMessageRepository(NamedParameterJdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	/**
	 * Inserts the rejections not stored yet.
	 * @return the positions of those this call inserted
	 */
	Set<MessagePosition> insertAll(List<Rejection> rejections, UUID recordingId) {
		if (rejections.isEmpty()) {
			return Set.of();
		}
		this.jdbc.batchUpdate(INSERT, rejections.stream()
			.map((rejection) -> parameters(rejection, recordingId))
			.toArray(SqlParameterSource[]::new));
		return new HashSet<>(this.client
			.sql("SELECT kafka_topic, kafka_partition, kafka_offset FROM payment.rejected_message WHERE recording_id = ?")
			.param(recordingId)
			.query((row, rowNumber) -> new MessagePosition(row.getString(1), row.getInt(2), row.getLong(3)))
			.list());
	}

	/** A page of rejections, newest first. */
	List<RejectedMessage> page(int page, int size) {
		return this.client.sql("""
				SELECT id, reason, detail, received_at, kafka_topic, kafka_partition, kafka_offset, message_key, raw_value
				FROM payment.rejected_message ORDER BY id DESC LIMIT ? OFFSET ?""")
			.params(size, (long) page * size)
			.query((row, rowNumber) -> new RejectedMessage(row.getLong(1), row.getString(2), row.getString(3),
					row.getObject(4, OffsetDateTime.class).toInstant(),
					new MessagePosition(row.getString(5), row.getInt(6), row.getLong(7)), row.getString(8),
					row.getString(9)))
			.list();
	}

	long count() {
		return this.client.sql("SELECT count(*) FROM payment.rejected_message").query(Long.class).single();
	}

	private static SqlParameterSource parameters(Rejection rejection, UUID recordingId) {
		return new MapSqlParameterSource().addValue("topic", rejection.source().topic())
			.addValue("partition", rejection.source().partition())
			.addValue("offset", rejection.source().offset())
			.addValue("key", storable(rejection.key()), Types.VARCHAR)
			.addValue("value", storable(rejection.value()), Types.VARCHAR)
			.addValue("reason", rejection.reason().code())
			.addValue("detail", rejection.detail())
			.addValue("receivedAt", ConfirmationRepository.utc(rejection.receivedAt()))
			.addValue("recordingId", recordingId);
	}

	/**
	 * PostgreSQL text cannot hold NUL; a record carrying one must still be stored, not block its partition.
	 */
	static @Nullable String storable(@Nullable String text) {
		return (text != null) ? text.replace('\u0000', '\uFFFD') : null;
	}

}
