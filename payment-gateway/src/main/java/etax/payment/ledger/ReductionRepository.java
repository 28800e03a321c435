package etax.payment.ledger;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Reductions in {@code payment.reduction} ({@link Reduction}): each booked once, and found again by its item,
 * its event or, for interest taken back, its payable item and day.
 */
@Repository
class ReductionRepository {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	ReductionRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/**
	 * The reductions booked under one of the item ids or event ids of the candidates, or, for interest taken
	 * back, under one of their payable items and days.
	 */
	List<Reduction> bookedReductions(Collection<Reduction> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		String select = "SELECT item_id, mst, chapter, sub_item, tax_period, amount, due_date, source_event_id, content_hash,"
				+ " base_item_id, assessed_for FROM payment.reduction ";
		List<Reduction> interest = candidates.stream().filter(Reduction::ofInterest).toList();
		return this.jdbc.query(select + "WHERE item_id = ANY (?) UNION " + select + "WHERE source_event_id = ANY (?::uuid[])"
				+ " UNION " + select + "WHERE base_item_id IS NOT NULL"
				+ " AND (base_item_id, assessed_for) IN (SELECT * FROM unnest(?::text[], ?::date[]))",
				(row, n) -> new Reduction(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						row.getString(5), row.getBigDecimal(6), row.getObject(7, LocalDate.class),
						row.getObject(8, UUID.class), row.getString(9), row.getString(10),
						row.getObject(11, LocalDate.class)),
				candidates.stream().map(Reduction::itemId).toArray(String[]::new),
				candidates.stream().map((r) -> r.sourceEventId().toString()).toArray(String[]::new),
				interest.stream().map(Reduction::baseItemId).toArray(String[]::new),
				interest.stream().map((r) -> String.valueOf(r.assessedFor())).toArray(String[]::new));
	}

	void insertReductions(List<Reduction> reductions, Instant bookedAt) {
		if (reductions.isEmpty()) {
			return;
		}
		this.named.batchUpdate("""
				INSERT INTO payment.reduction (item_id, mst, chapter, sub_item, tax_period, amount, due_date,
				    source_event_id, content_hash, base_item_id, assessed_for, booked_at)
				VALUES (:itemId, :mst, :chapter, :subItem, :taxPeriod, :amount, :dueDate, :sourceEventId, :contentHash,
				    :baseItemId, :assessedFor, :bookedAt)""",
				reductions.stream()
					.map((r) -> new MapSqlParameterSource().addValue("itemId", r.itemId())
						.addValue("mst", r.mst())
						.addValue("chapter", r.chapter())
						.addValue("subItem", r.subItem())
						.addValue("taxPeriod", r.taxPeriod())
						.addValue("amount", r.amount())
						.addValue("dueDate", r.dueDate())
						.addValue("sourceEventId", r.sourceEventId())
						.addValue("contentHash", r.contentHash())
						.addValue("baseItemId", r.baseItemId(), Types.VARCHAR)
						.addValue("assessedFor", r.assessedFor(), Types.DATE)
						.addValue("bookedAt", bookedAt.atOffset(ZoneOffset.UTC)))
					.toArray(SqlParameterSource[]::new));
	}

}
