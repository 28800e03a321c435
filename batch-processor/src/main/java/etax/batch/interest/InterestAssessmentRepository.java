package etax.batch.interest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code batch.interest_assessment}: the interest each payable item was assessed for a day, or had taken
 * back on it, appended a chunk at a time (one statement, the chunk's rows as arrays) and read back by the
 * day's publication.
 */
@Repository
class InterestAssessmentRepository {

	private static final String APPEND = """
			INSERT INTO batch.interest_assessment
				(assessed_for, assessed_at, payable_item_id, mst, chapter, interest_sub_item, tax_period, amount, kind)
			SELECT ?::date, ?::timestamptz, v.*
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[])
				AS v (payable_item_id, mst, chapter, interest_sub_item, tax_period, amount, kind)
			""";

	private static final List<Function<Assessment, String>> COLUMNS = List.of(Assessment::payableItemId,
			(a) -> a.basis().mst(), (a) -> a.basis().chapter(), (a) -> a.interestSubItem().code(),
			(a) -> a.basis().taxPeriod(), (a) -> String.valueOf(a.recorded()), (a) -> a.kind().name());

	/** The day's assessments, for {@link HoldableCursor} with the day as its parameter. */
	static final String OF_DAY = """
			SELECT assessed_for, assessed_at, payable_item_id, mst, chapter, interest_sub_item, tax_period, amount, kind
			FROM batch.interest_assessment WHERE assessed_for = ?
			""";

	private final JdbcTemplate jdbc;

	InterestAssessmentRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends assessments and corrections of one day.
	 * @param day the day assessed
	 * @param at when
	 * @param assessments those that change what is published (an amount other than zero)
	 */
	void append(LocalDate day, Instant at, List<Assessment> assessments) {
		if (assessments.isEmpty()) {
			return;
		}
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(APPEND);
			statement.setString(1, day.toString());
			statement.setString(2, at.toString());
			for (int c = 0; c < COLUMNS.size(); c++) {
				statement.setArray(3 + c, connection.createArrayOf("text",
						assessments.stream().map(COLUMNS.get(c)).toArray(String[]::new)));
			}
			return statement;
		});
	}

	/** A row of {@link #OF_DAY} as the event that announces it. */
	static InterestEvent event(ResultSet row, int rowNum) throws SQLException {
		LocalDate day = row.getObject("assessed_for", LocalDate.class);
		String payableItemId = row.getString("payable_item_id");
		if (Assessment.Kind.CORRECTED.name().equals(row.getString("kind"))) {
			return new InterestCorrected(Assessment.correctionId(payableItemId, day), InterestCorrected.TYPE, 1,
					row.getTimestamp("assessed_at").toInstant(), payableItemId, row.getString("mst"),
					row.getString("chapter"), row.getString("interest_sub_item"), row.getString("tax_period"),
					row.getLong("amount"), day);
		}
		return new InterestAssessed(Assessment.eventId(payableItemId, day), InterestAssessed.TYPE, 1,
				row.getTimestamp("assessed_at").toInstant(), payableItemId, row.getString("mst"),
				row.getString("chapter"), row.getString("interest_sub_item"), row.getString("tax_period"),
				row.getLong("amount"), day, day);
	}

}
