package etax.declaration.extension;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Grants and revocations in {@code filing.deadline_extension} and {@code filing.deadline_extension_revocation}:
 * rows are inserted, never updated nor deleted (V22).
 */
@Repository
class ExtensionRepository {

	private static final String SELECT = """
			SELECT e.id, e.mst, e.ma_tkhai, e.form_code, e.period_kind, e.period, e.reason, e.requested_on, e.regular_deadline, e.deadline,
			    e.granted_by, e.granted_at, r.revoked_by, r.revoked_at
			FROM filing.deadline_extension e
			LEFT JOIN filing.deadline_extension_revocation r ON r.extension_id = e.id""";

	private final JdbcClient jdbc;

	ExtensionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DeadlineExtension grant) {
		this.jdbc.sql("""
				INSERT INTO filing.deadline_extension (id, mst, ma_tkhai, form_code, period_kind, period, reason,
				    requested_on, regular_deadline, deadline, granted_by, granted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(grant.id(), grant.mst(), grant.maTKhai(), grant.formCode(), grant.periodKind(), grant.period(),
					grant.reason().name(), grant.requestedOn(), grant.regularDeadline(), grant.deadline(), grant.grantedBy(),
					Timestamp.from(grant.grantedAt()))
			.update();
	}

	/**
	 * Holds the grants of a taxpayer's form and period until the transaction ends, so that two officers granting at
	 * once, on any instances, grant one after the other.
	 */
	void lock(String mst, String maTKhai, String periodKind, String period) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('extension|' || ? || '|' || ? || '|' || ? || '|' || ?, 0))")
			.params(mst, maTKhai, periodKind, period)
			.query((row, n) -> 1)
			.single();
	}

	/** The latest grant for a taxpayer's form and period that is not revoked. */
	Optional<DeadlineExtension> unrevoked(String mst, String maTKhai, String periodKind, String period) {
		return this.jdbc.sql(SELECT + """
				 WHERE e.mst = ? AND e.ma_tkhai = ? AND e.period_kind = ? AND e.period = ? AND r.revoked_at IS NULL
				ORDER BY e.granted_at DESC, e.id DESC LIMIT 1""")
			.params(mst, maTKhai, periodKind, period)
			.query(this::map)
			.optional();
	}

	/** @return whether it was inserted: not if the grant was revoked before */
	boolean revoke(UUID id, String revokedBy, Instant revokedAt) {
		return this.jdbc.sql("""
				INSERT INTO filing.deadline_extension_revocation (extension_id, revoked_by, revoked_at)
				VALUES (?, ?, ?) ON CONFLICT (extension_id) DO NOTHING
				""").params(id, revokedBy, Timestamp.from(revokedAt)).update() == 1;
	}

	Optional<DeadlineExtension> find(String mst, UUID id) {
		return this.jdbc.sql(SELECT + " WHERE e.mst = ? AND e.id = ?").params(mst, id).query(this::map).optional();
	}

	/** A taxpayer's grants, oldest first. */
	List<DeadlineExtension> of(String mst) {
		return this.jdbc.sql(SELECT + " WHERE e.mst = ? ORDER BY e.granted_at, e.id").param(mst).query(this::map).list();
	}

	/**
	 * The latest grant for a taxpayer's form and period in force at a moment: granted at or before it and not
	 * revoked at or before it. One indexed read, on every filing that reaches the deadline rule.
	 */
	Optional<DeadlineExtension> inForce(String mst, String maTKhai, String periodKind, String period, Instant at) {
		Timestamp moment = Timestamp.from(at);
		return this.jdbc.sql(SELECT + """
				 WHERE e.mst = ? AND e.ma_tkhai = ? AND e.period_kind = ? AND e.period = ? AND e.granted_at <= ?
				  AND (r.revoked_at IS NULL OR r.revoked_at > ?)
				ORDER BY e.granted_at DESC, e.id DESC LIMIT 1""")
			.params(mst, maTKhai, periodKind, period, moment, moment)
			.query(this::map)
			.optional();
	}

	private DeadlineExtension map(ResultSet row, int rowNumber) throws SQLException {
		return new DeadlineExtension(row.getObject("id", UUID.class), row.getString("mst"), row.getString("ma_tkhai"),
				row.getString("form_code"), row.getString("period_kind"), row.getString("period"),
				ExtensionReason.valueOf(row.getString("reason")), row.getObject("requested_on", LocalDate.class),
				row.getObject("regular_deadline", LocalDate.class),
				row.getObject("deadline", LocalDate.class), row.getString("granted_by"),
				row.getTimestamp("granted_at").toInstant(), row.getString("revoked_by"), instant(row, "revoked_at"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
