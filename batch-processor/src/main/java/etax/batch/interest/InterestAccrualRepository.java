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
 * {@code batch.interest_accrual} and {@code batch.interest_assessment}, written a chunk at a time with one
 * statement each, the chunk's rows passed as arrays.
 */
@Repository
class InterestAccrualRepository {

	/* Moves items on only from the state they were read in: a concurrent run that moved one first wins. */
	private static final String ADVANCE = """
			UPDATE batch.interest_accrual a
			SET assessed_through = ?::date, assessed_total = v.total, computed_at = v.computed_at
			FROM unnest(?::text[], ?::date[], ?::numeric[], ?::timestamptz[]) AS v (id, previous, total, computed_at)
			WHERE a.payable_item_id = v.id AND a.assessed_through = v.previous
			RETURNING a.payable_item_id
			""";

	private static final String START = """
			INSERT INTO batch.interest_accrual (payable_item_id, assessed_through, assessed_total, computed_at)
			SELECT v.id, ?::date, v.total, v.computed_at
			FROM unnest(?::text[], ?::numeric[], ?::timestamptz[]) AS v (id, total, computed_at)
			ON CONFLICT (payable_item_id) DO NOTHING
			RETURNING payable_item_id
			""";

	private static final String INSERT = """
			INSERT INTO batch.interest_assessment (assessed_for, payable_item_id, event_id, tax_sub_item,
				interest_sub_item, tax_type, amount, accrued_total, job_execution_id, assessed_at)
			SELECT ?::date, v.id, v.event_id::uuid, v.tax_sub_item, v.interest_sub_item, v.tax_type, v.amount,
				v.accrued_total, ?, ?::timestamptz
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[])
				AS v (id, event_id, tax_sub_item, interest_sub_item, tax_type, amount, accrued_total)
			ON CONFLICT (assessed_for, payable_item_id) DO NOTHING
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
	 * @return the ids of the items moved on; the others were moved by a concurrent run
	 */
	Set<String> advance(LocalDate day, List<? extends Assessment> assessments) {
		List<? extends Assessment> started = assessments.stream().filter((a) -> a.basis().assessedThrough() != null).toList();
		List<? extends Assessment> fresh = assessments.stream().filter((a) -> a.basis().assessedThrough() == null).toList();
		Set<String> advanced = new HashSet<>();
		if (!started.isEmpty()) {
			this.jdbc.query((connection) -> statement(connection, ADVANCE, day, started, List.of(Assessment::payableItemId,
					(a) -> String.valueOf(a.basis().assessedThrough()), (a) -> String.valueOf(a.accruedTotal()),
					(a) -> a.basis().readAt().toString())), (rs) -> {
						advanced.add(rs.getString(1));
					});
		}
		if (!fresh.isEmpty()) {
			this.jdbc.query((connection) -> statement(connection, START, day, fresh, List.of(Assessment::payableItemId,
					(a) -> String.valueOf(a.accruedTotal()), (a) -> a.basis().readAt().toString())), (rs) -> {
						advanced.add(rs.getString(1));
					});
		}
		return advanced;
	}

	/**
	 * Keeps what is published.
	 * @param day the day assessed
	 * @param charged assessments with a positive amount
	 * @param jobExecutionId the execution publishing them
	 * @param at when
	 */
	void insert(LocalDate day, List<Assessment> charged, long jobExecutionId, Instant at) {
		if (charged.isEmpty()) {
			return;
		}
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(INSERT);
			statement.setString(1, day.toString());
			statement.setLong(2, jobExecutionId);
			statement.setString(3, at.toString());
			List<Function<Assessment, String>> columns = List.of(Assessment::payableItemId, (a) -> a.eventId().toString(),
					(a) -> a.basis().subItem(), (a) -> a.interestSubItem().code(), (a) -> a.interestSubItem().taxType(),
					(a) -> String.valueOf(a.amount()), (a) -> String.valueOf(a.accruedTotal()));
			setArrays(connection, statement, 4, charged, columns);
			return statement;
		});
	}

	private static PreparedStatement statement(Connection connection, String sql, LocalDate day,
			List<? extends Assessment> rows, List<Function<Assessment, String>> columns) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		statement.setString(1, day.toString());
		setArrays(connection, statement, 2, rows, columns);
		return statement;
	}

	private static void setArrays(Connection connection, PreparedStatement statement, int first,
			List<? extends Assessment> rows, List<Function<Assessment, String>> columns) throws SQLException {
		for (int c = 0; c < columns.size(); c++) {
			Function<Assessment, String> column = columns.get(c);
			statement.setArray(first + c,
					connection.createArrayOf("text", rows.stream().map(column).toArray(String[]::new)));
		}
	}

}
