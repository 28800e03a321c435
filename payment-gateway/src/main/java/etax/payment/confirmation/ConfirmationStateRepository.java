package etax.payment.confirmation;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What {@code payment.confirmation} (booked) and {@code payment.unbooked_confirmation} (pending, failed) hold under
 * confirmation keys, whoever put it there: what a received confirmation is judged against (recorded by this poll,
 * a duplicate, a conflict), and the message a recorded one came in, for the dead letter of a conflict.
 */
@Repository
class ConfirmationStateRepository {

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient client;

	ConfirmationStateRepository(NamedParameterJdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	/** The content hash and recording id of each recorded key among those asked, booked or with a status. */
	Map<ConfirmationKey, StoredState> states(Collection<ConfirmationKey> keys, @Nullable String unbookedStatus) {
		Map<ConfirmationKey, StoredState> states = new HashMap<>();
		if (keys.isEmpty()) {
			return states;
		}
		String sql = (unbookedStatus == null) ? """
				SELECT c.bank_code, c.bank_reference, c.content_hash, c.recording_id
				FROM payment.confirmation c
				JOIN unnest(?::text[], ?::text[]) AS k (bank_code, bank_reference) USING (bank_code, bank_reference)""" : """
				SELECT c.bank_code, c.bank_reference, c.content_hash, c.recording_id
				FROM payment.unbooked_confirmation c
				JOIN unnest(?::text[], ?::text[]) AS k (bank_code, bank_reference) USING (bank_code, bank_reference)
				WHERE c.status = '""" + unbookedStatus + "'";
		this.jdbc.getJdbcTemplate().query(sql, (ResultSet row) -> {
			states.put(new ConfirmationKey(row.getString(1), row.getString(2)),
					new StoredState(row.getString(3), row.getObject(4, UUID.class)));
		}, keys.stream().map(ConfirmationKey::bankCode).toArray(String[]::new),
				keys.stream().map(ConfirmationKey::bankReference).toArray(String[]::new));
		return states;
	}

	/** The message a recorded confirmation came in, for the dead letter of a conflict. */
	String rawMessage(ConfirmationKey key, @Nullable String unbookedStatus) {
		return (unbookedStatus == null)
				? this.client.sql("SELECT raw_message FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ?")
					.params(key.bankCode(), key.bankReference())
					.query(String.class)
					.single()
				: this.client.sql("""
						SELECT raw_message FROM payment.unbooked_confirmation
						WHERE bank_code = ? AND bank_reference = ? AND status = ?""")
					.params(key.bankCode(), key.bankReference(), unbookedStatus)
					.query(String.class)
					.single();
	}

	/**
	 * What the database holds under a key.
	 * @param contentHash the content hash of the recorded confirmation
	 * @param recordingId the poll that recorded it
	 */
	record StoredState(String contentHash, UUID recordingId) {

	}

}
