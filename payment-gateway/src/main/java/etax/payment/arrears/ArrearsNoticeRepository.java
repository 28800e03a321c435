package etax.payment.arrears;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Arrears notices in {@code payment.arrears_notice}, and the overdue items of the ledger they are made of. */
@Repository
class ArrearsNoticeRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<ArrearsNotice.Item>> ITEMS = new TypeReference<>() {
	};

	/**
	 * Owed at a month's last day (both parameters): tax due before it, interest assessed by it (an interest
	 * obligation is due on the day it was assessed for).
	 */
	private static final String OVERDUE = "due_date <= ? AND (kind = 'INTEREST' OR due_date < ?)";

	private final JdbcTemplate jdbc;

	ArrearsNoticeRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the taxpayers owing, at a month's last day, tax due before it or interest assessed by it, in MST
	 * order.
	 * @param after the last MST of the page before, empty for the first
	 */
	List<String> inArrears(String after, LocalDate asOf, int limit) {
		return this.jdbc.queryForList("SELECT DISTINCT mst FROM payment.obligation WHERE owing AND mst > ? AND "
				+ OVERDUE + " ORDER BY mst LIMIT ?", String.class, after, asOf, asOf, limit);
	}

	/** What each of the taxpayers owes of it, tax first, each by due date. */
	Map<String, List<ArrearsNotice.Item>> owed(List<String> msts, LocalDate asOf) {
		Map<String, List<ArrearsNotice.Item>> owed = new LinkedHashMap<>();
		this.jdbc.query("SELECT mst, item_id, kind, chapter, sub_item, tax_period, due_date, outstanding "
				+ "FROM payment.obligation WHERE mst = ANY (?) AND owing AND " + OVERDUE
				+ " ORDER BY mst, kind DESC, due_date, item_id", (ResultSet row) -> {
					LocalDate due = row.getObject(7, LocalDate.class);
					owed.computeIfAbsent(row.getString(1), (mst) -> new ArrayList<>())
						.add(new ArrearsNotice.Item(row.getString(2), row.getString(3), row.getString(4), row.getString(5),
								row.getString(6), due, row.getBigDecimal(8), Math.max(0, ChronoUnit.DAYS.between(due, asOf))));
				}, msts.toArray(String[]::new), asOf, asOf);
		return owed;
	}

	/**
	 * Stores the notices not issued yet for their taxpayer and month.
	 * @return the taxpayers whose notice was stored now
	 */
	Set<String> insert(List<ArrearsNotice> notices) {
		Set<String> inserted = new HashSet<>();
		for (ArrearsNotice notice : notices) {
			int rows = this.jdbc.update("""
					INSERT INTO payment.arrears_notice (notice_id, mst, month, as_of, issued_at, items, total_tax,
						total_interest, total_penalty)
					VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
					ON CONFLICT DO NOTHING""", notice.noticeId(), notice.mst(), notice.month(), notice.asOf(),
					notice.issuedAt().atOffset(ZoneOffset.UTC), JSON.writeValueAsString(notice.items()), notice.totalTax(),
					notice.totalInterest(), notice.totalPenalty());
			if (rows == 1) {
				inserted.add(notice.mst());
			}
		}
		return inserted;
	}

	/** Whether every notice of the month was issued. */
	boolean completed(String month) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM payment.arrears_month WHERE month = ?)", Boolean.class, month));
	}

	/** Records that every notice of the month was issued. */
	void complete(String month, Instant at) {
		this.jdbc.update("INSERT INTO payment.arrears_month (month, completed_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
				month, at.atOffset(ZoneOffset.UTC));
	}

	/** A taxpayer's notices of the months after one, newest first ({@code month} is {@code yyyy-MM}: text in order). */
	List<ArrearsNotice> since(String mst, YearMonth after) {
		return this.jdbc.query("""
				SELECT notice_id, mst, month, as_of, issued_at, items, total_tax, total_interest, total_penalty
				FROM payment.arrears_notice WHERE mst = ? AND month > ? ORDER BY month DESC""", ArrearsNoticeRepository::notice,
				mst, after.toString());
	}

	private static ArrearsNotice notice(ResultSet row, int n) throws SQLException {
		return new ArrearsNotice(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
				row.getObject(4, LocalDate.class), row.getObject(5, OffsetDateTime.class).toInstant(),
				JSON.readValue(row.getString(6), ITEMS), row.getBigDecimal(7), row.getBigDecimal(8),
				row.getBigDecimal(9));
	}

}
