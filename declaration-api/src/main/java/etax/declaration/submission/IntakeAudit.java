package etax.declaration.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import etax.access.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records input that was not received: the outcome, the reason, the size, a hash, and who sent it (the
 * caller's token subject and role: an officer sees which filer's attempts were refused), and reads it back within
 * what the caller may see ({@link IntakeAuditScope}). Never the payload: a rejected body may hold anyone's data,
 * or an attack; never the token. A line names the taxpayer the return named when it was read that far, and is
 * attributed to the tax office that manages the taxpayer it concerns, as the registry says when it is written:
 * that taxpayer, or else the calling taxpayer or agent itself.
 */
@Component
class IntakeAudit {

	private static final String SELECT = """
			SELECT at, outcome, reason, size_bytes, content_sha256, caller_subject, caller_role, mst, managing_office_code
			FROM filing.intake_audit""";

	private final JdbcClient jdbc;

	private final Clock clock;

	IntakeAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param caller who sent it
	 * @param outcome {@code refused}, {@code malformed} or {@code schema}
	 * @param reason why, e.g. {@code NOT_AUTHORIZED}
	 * @param sizeBytes how much of the body was read
	 * @param sha256 the SHA-256 of the body, when it was read whole
	 * @param mst the taxpayer the return names, when it was read that far
	 */
	void notReceived(Caller caller, String outcome, String reason, int sizeBytes, @Nullable String sha256,
			@Nullable String mst) {
		String concerned = (mst != null) ? mst : caller.mst();
		this.jdbc.sql("""
				INSERT INTO filing.intake_audit (at, outcome, reason, size_bytes, content_sha256, caller_subject, caller_role,
				    mst, managing_office_code)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT tax_office_code FROM filing.taxpayer WHERE mst = ?))
				""")
			.params(Timestamp.from(this.clock.instant()), outcome, reason, sizeBytes, sha256, caller.subject(),
					caller.role().name(), mst, concerned)
			.update();
	}

	/**
	 * A page of the lines the caller may see, newest first.
	 * @param filter which lines
	 * @param caller who asks
	 * @param page the page, from 0
	 * @param size lines a page
	 * @return the lines
	 */
	List<IntakeAuditLine> find(IntakeAuditFilter filter, Caller caller, int page, int size) {
		IntakeAuditScope scope = IntakeAuditScope.of(caller);
		ReturnRepository.Query query = page(filter, scope, page, size);
		List<IntakeAuditLine> lines = this.jdbc.sql(query.sql()).params(query.parameters()).query(IntakeAudit::line).list();
		// a filer learns nothing from its refused attempts of another taxpayer's registration, not even its office
		return scope.showsOffices() ? lines : lines.stream().map(IntakeAuditLine::withoutOffice).toList();
	}

	/**
	 * The query of a page. Only the conditions given (ADR 0020): each page is read from the index of its scope,
	 * or of the content it names, which also orders it.
	 */
	static ReturnRepository.Query page(IntakeAuditFilter filter, IntakeAuditScope scope, int page, int size) {
		StringBuilder where = new StringBuilder(scope.condition());
		Map<String, Object> parameters = new HashMap<>(scope.parameters());
		if (filter.from() != null) {
			where.append(" AND at >= :from");
			parameters.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND at < :to");
			parameters.put("to", Timestamp.from(filter.to()));
		}
		if (filter.outcome() != null) {
			where.append(" AND outcome = :outcome");
			parameters.put("outcome", filter.outcome());
		}
		if (filter.reason() != null) {
			where.append(" AND reason = :reason");
			parameters.put("reason", filter.reason());
		}
		if (filter.contentSha256() != null) {
			where.append(" AND content_sha256 = CAST(:sha256 AS char(64))");
			parameters.put("sha256", filter.contentSha256());
		}
		parameters.put("size", size);
		parameters.put("offset", (long) page * size);
		return new ReturnRepository.Query(
				SELECT + " WHERE " + where + " ORDER BY at DESC, id DESC LIMIT :size OFFSET :offset", parameters);
	}

	private static IntakeAuditLine line(ResultSet row, int rowNumber) throws SQLException {
		return new IntakeAuditLine(row.getTimestamp("at").toInstant(), row.getString("outcome"), row.getString("reason"),
				row.getInt("size_bytes"), row.getString("content_sha256"),
				new IntakeAuditLine.SentBy(row.getString("caller_subject"), row.getString("caller_role")),
				row.getString("mst"), row.getString("managing_office_code"));
	}

}
