package etax.batch.filing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code batch.filed_return}, written once per event.
 */
@Repository
class FiledReturnRepository {

	/*
	 * One statement for the whole poll, its rows passed as arrays. A JDBC batch of single-row inserts
	 * would be the same round trip, but with reWriteBatchedInserts=true pgJDBC answers SUCCESS_NO_INFO
	 * (-2) for most rows, so it could not tell new rows from redelivered ones; this statement's update
	 * count is exactly the number of new rows.
	 */
	private static final String INSERT = """
			INSERT INTO batch.filed_return (event_id, return_id, form_code, status, business_day, received_at)
			SELECT event_id::uuid, return_id::uuid, form_code, status, business_day::date, received_at::timestamptz
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				AS r (event_id, return_id, form_code, status, business_day, received_at)
			ON CONFLICT (event_id) DO NOTHING
			""";

	private final JdbcTemplate jdbcTemplate;

	FiledReturnRepository(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Inserts the returns whose event is not stored yet.
	 * @param returns returns with distinct event ids
	 * @return how many were new
	 */
	int insertNew(List<FiledReturn> returns) {
		if (returns.isEmpty()) {
			return 0;
		}
		return this.jdbcTemplate.update((connection) -> insert(connection, returns));
	}

	private static PreparedStatement insert(Connection connection, List<FiledReturn> returns) throws SQLException {
		int size = returns.size();
		String[][] columns = new String[6][size];
		for (int i = 0; i < size; i++) {
			FiledReturn filed = returns.get(i);
			columns[0][i] = filed.eventId().toString();
			columns[1][i] = filed.returnId().toString();
			columns[2][i] = filed.formCode();
			columns[3][i] = filed.status().name();
			columns[4][i] = filed.businessDay().toString();
			columns[5][i] = filed.receivedAt().toString();
		}
		PreparedStatement statement = connection.prepareStatement(INSERT);
		for (int c = 0; c < columns.length; c++) {
			statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
		}
		return statement;
	}

}
