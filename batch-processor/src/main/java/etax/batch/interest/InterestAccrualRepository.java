package etax.batch.interest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code batch.interest_accrual}, written a chunk at a time with one statement per kind of row, the
 * chunk's rows passed as arrays.
 */
@Repository
class InterestAccrualRepository {

	/* Moves items on only from the state they were read in: a concurrent run that moved one first wins. */
	private static final String ADVANCE = """
			UPDATE batch.interest_accrual a
			SET assessed_through = ?::date, computed_at = ?::timestamptz, assessed_total = v.total
			FROM unnest(?::text[], ?::date[], ?::numeric[]) AS v (id, previous, total)
			WHERE a.payable_item_id = v.id AND a.assessed_through = v.previous
			RETURNING a.payable_item_id
			""";

	private static final String START = """
			INSERT INTO batch.interest_accrual (payable_item_id, assessed_through, computed_at, assessed_total)
			SELECT v.id, ?::date, ?::timestamptz, v.total
			FROM unnest(?::text[], ?::numeric[]) AS v (id, total)
			ON CONFLICT (payable_item_id) DO NOTHING
			RETURNING payable_item_id
			""";

	private final JdbcTemplate jdbc;

	InterestAccrualRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that the items are assessed through their day, each only if it still stands where it was
	 * read.
	 * @param day the day assessed
	 * @param assessments the chunk's assessments
	 * @param readAt no later than when the ledger was read for them
	 * @return the ids of the items moved on; the others were moved by a concurrent run
	 */
	Set<String> advance(LocalDate day, List<? extends Assessment> assessments, Instant readAt) {
		List<? extends Assessment> started = assessments.stream().filter((a) -> a.basis().assessedThrough() != null).toList();
		List<? extends Assessment> fresh = assessments.stream().filter((a) -> a.basis().assessedThrough() == null).toList();
		Set<String> advanced = new HashSet<>();
		if (!started.isEmpty()) {
			run(ADVANCE, day, readAt, started, List.of(Assessment::payableItemId,
					(a) -> String.valueOf(a.basis().assessedThrough()), (a) -> String.valueOf(a.accruedTotal())), advanced);
		}
		if (!fresh.isEmpty()) {
			run(START, day, readAt, fresh, List.of(Assessment::payableItemId, (a) -> String.valueOf(a.accruedTotal())),
					advanced);
		}
		return advanced;
	}

	private void run(String sql, LocalDate day, Instant readAt, List<? extends Assessment> rows,
			List<Function<Assessment, String>> columns, Set<String> returned) {
		this.jdbc.query((connection) -> statement(connection, sql, day, readAt, rows, columns), (rs) -> {
			returned.add(rs.getString(1));
		});
	}

	private static PreparedStatement statement(Connection connection, String sql, LocalDate day, Instant readAt,
			List<? extends Assessment> rows, List<Function<Assessment, String>> columns) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		statement.setString(1, day.toString());
		statement.setString(2, readAt.toString());
		for (int c = 0; c < columns.size(); c++) {
			Function<Assessment, String> column = columns.get(c);
			statement.setArray(3 + c, connection.createArrayOf("text", rows.stream().map(column).toArray(String[]::new)));
		}
		return statement;
	}

}
