package etax.declaration.penalty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fines for filing late in {@code filing.late_filing_penalty}: inserted, never updated nor deleted (V29). */
@Repository
class PenaltyRepository {

	private final JdbcClient jdbc;

	PenaltyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return whether it was inserted: not if the return's fine was decided before */
	boolean insert(LateFilingPenalty penalty) {
		return this.jdbc.sql("""
				INSERT INTO filing.late_filing_penalty (payable_item_id, return_id, mst, deadline, days_late, band_min,
				    band_max, amount, decision_number, decided_on, sub_item, tax_period, due_date, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (return_id) DO NOTHING
				""")
			.params(penalty.payableItemId(), penalty.returnId(), penalty.mst(), penalty.deadline(), penalty.daysLate(),
					penalty.band().min(), penalty.band().max(), penalty.amount(), penalty.decisionNumber(),
					penalty.decidedOn(), penalty.subItem(), penalty.taxPeriod(), penalty.dueDate(), penalty.recordedBy(),
					Timestamp.from(penalty.recordedAt()))
			.update() == 1;
	}

	Optional<LateFilingPenalty> of(UUID returnId) {
		return this.jdbc.sql("""
				SELECT p.*, r.transaction_code FROM filing.late_filing_penalty p
				JOIN filing.tax_return r ON r.id = p.return_id WHERE p.return_id = ?""")
			.param(returnId)
			.query(PenaltyRepository::penalty)
			.optional();
	}

	private static LateFilingPenalty penalty(ResultSet row, int n) throws SQLException {
		return new LateFilingPenalty(row.getObject("payable_item_id", UUID.class), row.getObject("return_id", UUID.class),
				row.getString("transaction_code"), row.getString("mst"), row.getObject("deadline", LocalDate.class),
				row.getLong("days_late"), new LateFilingPenalty.Band(row.getLong("band_min"), row.getLong("band_max")),
				row.getLong("amount"), row.getString("decision_number"), row.getObject("decided_on", LocalDate.class),
				row.getString("sub_item"), row.getString("tax_period"), row.getObject("due_date", LocalDate.class),
				row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant());
	}

}
