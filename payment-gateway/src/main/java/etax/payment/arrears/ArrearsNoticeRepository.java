package etax.payment.arrears;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Arrears notices in {@code payment.arrears_notice}, and the months whose runs started and completed in
 * {@code payment.arrears_month}.
 */
@Repository
class ArrearsNoticeRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<ArrearsNotice.Item>> ITEMS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	ArrearsNoticeRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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

	/** Those of the taxpayers that have the month's notice already. */
	Set<String> issued(List<String> msts, String month) {
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT mst FROM payment.arrears_notice WHERE mst = ANY (?) AND month = ?", String.class,
				msts.toArray(String[]::new), month));
	}

	/** Records that a run of the month started, if none did before. */
	void start(String month, Instant at) {
		this.jdbc.update("INSERT INTO payment.arrears_month (month, started_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
				month, at.atOffset(ZoneOffset.UTC));
	}

	/** Records that every notice of the month was issued, unless that was recorded before. */
	void complete(String month, Instant at) {
		this.jdbc.update("""
				INSERT INTO payment.arrears_month (month, started_at, completed_at) VALUES (?, ?, ?)
				ON CONFLICT (month) DO UPDATE SET completed_at = excluded.completed_at
				WHERE arrears_month.completed_at IS NULL""", month, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC));
	}

	/** The first month a run started for ({@code yyyy-MM}), if any did. */
	Optional<String> firstMonth() {
		return Optional.ofNullable(
				this.jdbc.queryForObject("SELECT min(month) FROM payment.arrears_month", String.class));
	}

	/** The months from one on ({@code yyyy-MM}: text in order) whose notices were all issued. */
	Set<String> completedSince(String month) {
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT month FROM payment.arrears_month WHERE month >= ? AND completed_at IS NOT NULL", String.class,
				month));
	}

	/** A taxpayer's notices of the months after one, newest first ({@code month} is {@code yyyy-MM}: text in order). */
	List<ArrearsNotice> since(String mst, YearMonth after) {
		return this.jdbc.query("""
				SELECT notice_id, mst, month, as_of, issued_at,
				    coalesce((SELECT jsonb_agg(item ORDER BY n) FROM jsonb_array_elements(items) WITH ORDINALITY AS i (item, n)
				        WHERE n <= ?), '[]'),
				    total_tax, total_interest, total_penalty, greatest(jsonb_array_length(items) - ?, 0)
				FROM payment.arrears_notice WHERE mst = ? AND month > ? ORDER BY month DESC""", ArrearsNoticeRepository::notice,
				ArrearsNotice.LISTED, ArrearsNotice.LISTED, mst, after.toString());
	}

	/**
	 * A page of the items of a taxpayer's notice of a month, in the notice's order.
	 * @return empty when the taxpayer has no notice of the month
	 */
	Optional<List<ArrearsNotice.Item>> items(String mst, YearMonth month, int page, int size) {
		return this.jdbc.query("""
				SELECT coalesce((SELECT jsonb_agg(item ORDER BY n) FROM jsonb_array_elements(items) WITH ORDINALITY
				        AS i (item, n) WHERE n > ? AND n <= ?), '[]')
				FROM payment.arrears_notice WHERE mst = ? AND month = ?""",
				(row, n) -> JSON.readValue(row.getString(1), ITEMS), (long) page * size, (long) page * size + size,
				mst, month.toString())
			.stream()
			.findFirst();
	}

	private static ArrearsNotice notice(ResultSet row, int n) throws SQLException {
		return new ArrearsNotice(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
				row.getObject(4, LocalDate.class), row.getObject(5, OffsetDateTime.class).toInstant(),
				JSON.readValue(row.getString(6), ITEMS), row.getBigDecimal(7), row.getBigDecimal(8),
				row.getBigDecimal(9), row.getInt(10));
	}

}
