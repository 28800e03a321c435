package etax.payment.confirmation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import etax.payment.sql.SqlColumns;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rejected records in {@code payment.rejected_message}, one row per Kafka position and entry: a
 * redelivered record finds its row already there and adds nothing.
 */
@Repository
class RejectedMessageRepository {

	private static final String INSERT = """
			INSERT INTO payment.rejected_message (kafka_topic, kafka_partition, kafka_offset, entry_index, message_key,
			    raw_value, content_type, recorded_value, reason, detail, received_at, recording_id, bank_code,
			    bank_reference, entry_keys, signer_bank_code, signature)
			VALUES (:topic, :partition, :offset, :entry, :key, :value, :contentType, :recordedValue, :reason, :detail,
			    :receivedAt, :recordingId, :bankCode, :bankReference, CAST(:entryKeys AS text[]), :signerBank,
			    :signature)
			ON CONFLICT (kafka_topic, kafka_partition, kafka_offset, entry_index) DO NOTHING""";

	private static final String COLUMNS = """
			id, reason, detail, received_at, kafka_topic, kafka_partition, kafka_offset, entry_index, message_key,
			raw_value, content_type, recorded_value, redriven_at, redriven_by, bank_code, signer_bank_code,
			signature""";

	/**
	 * The same without the record's key (an MST) and the messages as received and as recorded (up to a MiB each, a
	 * camt.054's whole message on each of its entries' rows), for a reader that shows none of them.
	 */
	private static final String COLUMNS_WITHOUT_PAYLOAD = COLUMNS.replace("message_key", "NULL::text AS message_key")
		.replace("raw_value", "NULL::text AS raw_value")
		.replace("recorded_value", "NULL::text AS recorded_value");

	/** The most rejections a reference's outcome lists, newest first: a bank may send a reference again and again. */
	static final int MAX_FOR_REFERENCE = 100;

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient client;

	RejectedMessageRepository(NamedParameterJdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	/**
	 * Inserts the rejections not stored yet.
	 * @return the positions and entries of those this call inserted
	 */
	Set<Stored> insertAll(List<Rejection> rejections, UUID recordingId) {
		if (rejections.isEmpty()) {
			return Set.of();
		}
		this.jdbc.batchUpdate(INSERT, rejections.stream()
			.map((rejection) -> parameters(rejection, recordingId))
			.toArray(SqlParameterSource[]::new));
		return new HashSet<>(this.client.sql("""
				SELECT kafka_topic, kafka_partition, kafka_offset, entry_index FROM payment.rejected_message
				WHERE recording_id = ?""")
			.param(recordingId)
			.query((row, rowNumber) -> new Stored(new MessagePosition(row.getString(1), row.getInt(2), row.getLong(3)),
					row.getInt(4)))
			.list());
	}

	/**
	 * The positions among some that hold a stored rejection: records recorded before, each in one transaction that
	 * stored all it did of the record (its entries recorded or rejected), which a redelivered poll finds again.
	 */
	Set<MessagePosition> rejectedAt(List<MessagePosition> positions) {
		if (positions.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.getJdbcTemplate().query("""
				SELECT DISTINCT r.kafka_topic, r.kafka_partition, r.kafka_offset FROM payment.rejected_message r
				JOIN unnest(?::text[], ?::integer[], ?::bigint[]) AS p (topic, part, position)
				    ON r.kafka_topic = p.topic AND r.kafka_partition = p.part AND r.kafka_offset = p.position""",
				(row, n) -> new MessagePosition(row.getString(1), row.getInt(2), row.getLong(3)),
				(Object) SqlColumns.column(positions, MessagePosition::topic),
				(Object) SqlColumns.column(positions, MessagePosition::partition),
				(Object) SqlColumns.column(positions, MessagePosition::offset)));
	}

	/**
	 * A page of rejections, newest first.
	 * @param withPayload whether to read the key and the messages as received and as recorded, or leave them null
	 */
	List<RejectedMessage> page(int page, int size, boolean withPayload) {
		return this.client
			.sql("SELECT " + (withPayload ? COLUMNS : COLUMNS_WITHOUT_PAYLOAD)
					+ " FROM payment.rejected_message ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(size, (long) page * size)
			.query((row, rowNumber) -> rejected(row))
			.list();
	}

	Optional<RejectedMessage> find(long id) {
		return this.client.sql("SELECT " + COLUMNS + " FROM payment.rejected_message WHERE id = ?")
			.param(id)
			.query((row, rowNumber) -> rejected(row))
			.optional();
	}

	/**
	 * The latest {@link #MAX_FOR_REFERENCE} rejected entries that carried a bank's reference, the messages rejected
	 * whole with an entry that carried it among them, newest first, without the messages.
	 */
	List<RejectedMessage> forBankReference(String bankCode, String bankReference) {
		return this.client.sql("SELECT " + COLUMNS_WITHOUT_PAYLOAD + " FROM payment.rejected_message"
				+ " WHERE (bank_code = ? AND bank_reference = ?) OR entry_keys @> ARRAY[?::text] ORDER BY id DESC LIMIT ?")
			.params(bankCode, bankReference, entryKey(new ConfirmationKey(bankCode, bankReference)), MAX_FOR_REFERENCE)
			.query((row, rowNumber) -> rejected(row))
			.list();
	}

	/** Marks a rejection re-driven, unless it already is. @return whether this call marked it */
	boolean markRedriven(long id, Instant at, String by, UUID messageId) {
		return this.client.sql("""
				UPDATE payment.rejected_message SET redriven_at = ?, redriven_by = ?, redrive_message_id = ?
				WHERE id = ? AND redriven_at IS NULL""")
			.params(ConfirmationRepository.utc(at), by, messageId, id)
			.update() == 1;
	}

	/**
	 * The claims that hold: the rejection exists and was re-driven as that very message. A claim is only ever
	 * made by a record the gateway's intake key signed; checking it here keeps a copied or altered header from
	 * dressing a message up as an officer's re-drive.
	 */
	Set<RedriveClaim> proven(List<RedriveClaim> claims) {
		if (claims.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.getJdbcTemplate().query("""
				SELECT r.id, r.redrive_message_id FROM payment.rejected_message r
				JOIN unnest(?::bigint[], ?::uuid[]) AS c (id, message_id)
				    ON r.id = c.id AND r.redrive_message_id = c.message_id""",
				(row, n) -> new RedriveClaim(row.getLong(1), row.getObject(2, UUID.class)),
				(Object) SqlColumns.column(claims, RedriveClaim::rejectionId),
				(Object) SqlColumns.column(claims, RedriveClaim::messageId)));
	}

	long count() {
		return this.client.sql("SELECT count(*) FROM payment.rejected_message").query(Long.class).single();
	}

	private static RejectedMessage rejected(ResultSet row) throws SQLException {
		OffsetDateTime redrivenAt = row.getObject("redriven_at", OffsetDateTime.class);
		return new RejectedMessage(row.getLong("id"), row.getString("reason"), row.getString("detail"),
				row.getObject("received_at", OffsetDateTime.class).toInstant(),
				new MessagePosition(row.getString("kafka_topic"), row.getInt("kafka_partition"),
						row.getLong("kafka_offset")),
				row.getInt("entry_index"), row.getString("message_key"), row.getString("raw_value"),
				row.getString("content_type"), row.getString("recorded_value"),
				(redrivenAt != null) ? redrivenAt.toInstant() : null, row.getString("redriven_by"),
				row.getString("bank_code"), row.getString("signer_bank_code"), row.getString("signature"));
	}

	private static SqlParameterSource parameters(Rejection rejection, UUID recordingId) {
		List<ConfirmationKey> confirmations = rejection.confirmations();
		ConfirmationKey first = confirmations.isEmpty() ? null : confirmations.get(0);
		return new MapSqlParameterSource().addValue("topic", rejection.source().topic())
			.addValue("partition", rejection.source().partition())
			.addValue("offset", rejection.source().offset())
			.addValue("entry", rejection.entryIndex())
			.addValue("key", storable(rejection.key()), Types.VARCHAR)
			.addValue("value", storable(rejection.value()), Types.VARCHAR)
			.addValue("contentType", storable(rejection.contentType()), Types.VARCHAR)
			.addValue("recordedValue", rejection.recordedValue(), Types.VARCHAR)
			.addValue("reason", rejection.reason().code())
			.addValue("detail", rejection.detail())
			.addValue("receivedAt", ConfirmationRepository.utc(rejection.receivedAt()))
			.addValue("recordingId", recordingId)
			.addValue("bankCode", (first != null) ? first.bankCode() : null, Types.VARCHAR)
			.addValue("bankReference", (first != null) ? first.bankReference() : null, Types.VARCHAR)
			.addValue("entryKeys", entryKeys(confirmations), Types.ARRAY)
			.addValue("signerBank", rejection.signerBank(), Types.VARCHAR)
			.addValue("signature", storable(rejection.signature()), Types.VARCHAR);
	}

	/**
	 * The bank and reference of each entry of a message rejected whole, by which the bank's status report finds it;
	 * null for one entry, which {@code bank_code} and {@code bank_reference} hold.
	 */
	private static String @Nullable [] entryKeys(List<ConfirmationKey> confirmations) {
		return (confirmations.size() < 2) ? null
				: confirmations.stream().map(RejectedMessageRepository::entryKey).toArray(String[]::new);
	}

	/**
	 * An entry's bank and reference as {@code entry_keys} holds them: one value, so that one index finds it whatever
	 * the statistics say (with the bank apart, a plan without them read every rejection of the bank); a bank code is
	 * 8 digits and a reference has no {@code /}.
	 */
	private static String entryKey(ConfirmationKey key) {
		return key.bankCode() + "/" + key.bankReference();
	}

	/**
	 * PostgreSQL text cannot hold NUL; a record carrying one must still be stored, not block its partition.
	 */
	static @Nullable String storable(@Nullable String text) {
		return (text != null) ? text.replace('\u0000', '\uFFFD') : null;
	}

	/** A stored rejection's position and entry. */
	record Stored(MessagePosition source, int entryIndex) {

	}

}
