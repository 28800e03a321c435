package etax.payment.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Obligations in {@code payment.obligation}: booked once in a batch, then only their outstanding and reduced
 * amounts change.
 */
@Repository
class ObligationRepository {

	private static final String OBLIGATION_COLUMNS = """
			item_id, kind, mst, chapter, sub_item, tax_period, amount, due_date, outstanding, source_event_id,
			content_hash, base_item_id, assessed_for, booking_seq, reduced, tax_office_code""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	ObligationRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** The open obligations of the taxpayers and the obligations with the ids, whatever their state. */
	List<Obligation> obligations(Collection<String> msts, Collection<String> itemIds) {
		// two indexed lookups (open items by taxpayer in obligation_owing, named items by id) rather than one OR
		return this.jdbc.query("SELECT " + OBLIGATION_COLUMNS + " FROM payment.obligation WHERE mst = ANY (?) AND owing"
				+ " UNION SELECT " + OBLIGATION_COLUMNS + " FROM payment.obligation WHERE item_id = ANY (?)",
				(row, n) -> obligation(row), (Object) msts.toArray(String[]::new), (Object) itemIds.toArray(String[]::new));
	}

	/**
	 * Obligations already booked under one of the ids, event ids or interest days of the candidates. The
	 * interest days are looked up one by one in their unique index (a lateral join, its {@code LIMIT 1}
	 * keeps the planner from turning it into a plain join): as a join the planner, with statistics from
	 * before the day's interest was booked, hashed every interest obligation booked so far on each call,
	 * and those grow by one per item and day.
	 */
	List<Obligation> booked(Collection<Obligation> candidates) {
		String select = "SELECT " + OBLIGATION_COLUMNS + " FROM payment.obligation ";
		return this.jdbc.query(select + "WHERE item_id = ANY (?) UNION " + select
				+ "WHERE source_event_id = ANY (?::uuid[]) UNION SELECT o.* FROM unnest(?::text[], ?::date[]) AS c (base, day)"
				+ " CROSS JOIN LATERAL (" + select + """
				WHERE kind = 'INTEREST' AND base_item_id = c.base AND assessed_for = c.day LIMIT 1) o""",
				(row, n) -> obligation(row),
				candidates.stream().map(Obligation::itemId).toArray(String[]::new),
				candidates.stream().map((o) -> o.sourceEventId().toString()).toArray(String[]::new),
				candidates.stream().map(Obligation::baseItemId).toArray(String[]::new),
				candidates.stream().map((o) -> (o.assessedFor() != null) ? o.assessedFor().toString() : null)
					.toArray(String[]::new));
	}

	/** The tax obligations of the taxpayers that still charge something a reduction could take off. */
	List<Obligation> reducible(Collection<String> msts) {
		return this.jdbc.query("SELECT " + OBLIGATION_COLUMNS
				+ " FROM payment.obligation WHERE mst = ANY (?) AND kind = 'TAX' AND amount > reduced",
				(row, n) -> obligation(row), (Object) msts.toArray(String[]::new));
	}

	/**
	 * The interest obligations booked on the payable items that still charge something (paid or not), all a
	 * correction of their interest can take off: a day reduced to nothing before is not read again, so that an item
	 * in arrears for years loads only the days not taken back yet.
	 */
	List<Obligation> interestOn(Collection<String> baseItemIds) {
		if (baseItemIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("SELECT " + OBLIGATION_COLUMNS
				+ " FROM payment.obligation WHERE kind = 'INTEREST' AND base_item_id = ANY (?) AND amount > reduced",
				(row, n) -> obligation(row), (Object) baseItemIds.toArray(String[]::new));
	}

	/**
	 * The tax office of each of the obligations that has one, by item id; of a provisional payments' shortfall
	 * (ADR 0006), the office of its finalization in force.
	 */
	Map<String, String> offices(Collection<String> itemIds) {
		Map<String, String> offices = new HashMap<>();
		if (!itemIds.isEmpty()) {
			String[] ids = itemIds.toArray(String[]::new);
			this.jdbc.query("""
					SELECT item_id, tax_office_code FROM payment.obligation
					WHERE item_id = ANY (?) AND tax_office_code IS NOT NULL
					UNION ALL
					(SELECT DISTINCT ON (shortfall_id) shortfall_id, tax_office_code FROM payment.annual_tax
					WHERE shortfall_id = ANY (?) AND tax_office_code IS NOT NULL ORDER BY shortfall_id, booking_seq DESC)""",
					(ResultSet row) -> {
						offices.put(row.getString(1), row.getString(2));
					}, ids, ids);
		}
		return offices;
	}

	void updateOutstanding(List<Obligation> obligations) {
		if (obligations.isEmpty()) {
			return;
		}
		this.jdbc.update("""
				UPDATE payment.obligation o SET outstanding = v.outstanding, reduced = v.reduced
				FROM unnest(?::text[], ?::numeric[], ?::numeric[]) AS v (item_id, outstanding, reduced)
				WHERE o.item_id = v.item_id""",
				obligations.stream().map(Obligation::itemId).toArray(String[]::new),
				obligations.stream().map((o) -> o.outstanding().toPlainString()).toArray(String[]::new),
				obligations.stream().map((o) -> o.reduced().toPlainString()).toArray(String[]::new));
	}

	void insertObligations(List<Obligation> obligations, Instant bookedAt) {
		if (obligations.isEmpty()) {
			return;
		}
		this.named.batchUpdate("""
				INSERT INTO payment.obligation (item_id, kind, mst, chapter, sub_item, tax_period, amount, due_date,
				    outstanding, reduced, source_event_id, content_hash, base_item_id, assessed_for, booked_at,
				    tax_office_code)
				VALUES (:itemId, :kind, :mst, :chapter, :subItem, :taxPeriod, :amount, :dueDate, :outstanding, :reduced,
				    :sourceEventId, :contentHash, :baseItemId, :assessedFor, :bookedAt, :taxOffice)""",
				obligations.stream()
					.map((o) -> new MapSqlParameterSource().addValue("itemId", o.itemId())
						.addValue("kind", o.kind().name())
						.addValue("mst", o.mst())
						.addValue("chapter", o.chapter())
						.addValue("subItem", o.subItem())
						.addValue("taxPeriod", o.taxPeriod())
						.addValue("amount", o.amount())
						.addValue("dueDate", o.dueDate())
						.addValue("outstanding", o.outstanding())
						.addValue("reduced", o.reduced())
						.addValue("sourceEventId", o.sourceEventId())
						.addValue("contentHash", o.contentHash())
						.addValue("baseItemId", o.baseItemId(), Types.VARCHAR)
						.addValue("assessedFor", o.assessedFor(), Types.DATE)
						.addValue("bookedAt", bookedAt.atOffset(ZoneOffset.UTC))
						.addValue("taxOffice", o.taxOffice(), Types.VARCHAR))
					.toArray(SqlParameterSource[]::new));
	}

	private static Obligation obligation(ResultSet row) throws SQLException {
		return new Obligation(row.getString(1), Obligation.Kind.valueOf(row.getString(2)), row.getString(3),
				row.getString(4), row.getString(5), row.getString(6), row.getBigDecimal(7),
				row.getObject(8, LocalDate.class), row.getBigDecimal(9), row.getBigDecimal(15), row.getObject(10, UUID.class),
				row.getString(11), row.getString(12), row.getObject(13, LocalDate.class), row.getLong(14), row.getString(16));
	}

}
