package etax.batch.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import etax.access.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of what officers did in the console: who (subject, role and tax office), when, what, on which
 * target and how it ended, in {@code batch.console_audit}. A refused or failed action is recorded too, in a
 * transaction of its own so that it stays when the action rolls back. Targets and details name taxpayers,
 * refund accounts and amounts, so an office officer reads only the rows of its own office's officers; a
 * national officer reads all, including its own and refused sign-ins, which belong to no office.
 */
@Service
public class ConsoleAudit {

	private final JdbcClient jdbc;

	private final Clock clock;

	ConsoleAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How an action ended. */
	public enum Outcome {

		OK, REFUSED, FAILED

	}

	/**
	 * One recorded action.
	 * @param id its number
	 * @param at when
	 * @param subject who
	 * @param role as which role
	 * @param taxOffice the acting officer's tax office; null for a national officer, a refused sign-in, and rows
	 * from before it was recorded whose office could not be told
	 * @param action what
	 * @param target on what
	 * @param outcome how it ended
	 * @param problemType the problem type another service refused the action with, if it did
	 * @param detail what the console showed
	 */
	public record Entry(long id, Instant at, String subject, String role, @Nullable String taxOffice, String action,
			@Nullable String target, Outcome outcome, @Nullable String problemType, @Nullable String detail) {

	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Caller officer, String action, @Nullable String target, Outcome outcome,
			@Nullable String detail) {
		record(officer, action, target, outcome, null, detail);
	}

	/**
	 * @param caller who, as verified (the row is its tax office's, if it has one)
	 * @param action what
	 * @param target on what
	 * @param outcome how it ended
	 * @param problemType the problem type another service refused the action with, if it did
	 * @param detail what the console showed; never a token
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Caller caller, String action, @Nullable String target, Outcome outcome,
			@Nullable String problemType, @Nullable String detail) {
		insert(caller.subject(), caller.role().name(), caller.taxOffice(), action, target, outcome, problemType,
				detail);
	}

	/**
	 * A sign-in with a token that was not accepted: no office's, so seen by national officers only.
	 * @param subject who, as the token claims it
	 * @param role as which role ({@code UNVERIFIED})
	 * @param action what
	 * @param target on what
	 * @param outcome how it ended
	 * @param problemType the problem type another service refused the action with, if it did
	 * @param detail what the console showed; never a token
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String subject, String role, String action, @Nullable String target, Outcome outcome,
			@Nullable String problemType, @Nullable String detail) {
		insert(subject, role, null, action, target, outcome, problemType, detail);
	}

	private void insert(String subject, String role, @Nullable String taxOffice, String action,
			@Nullable String target, Outcome outcome, @Nullable String problemType, @Nullable String detail) {
		this.jdbc.sql("""
				INSERT INTO batch.console_audit (at, subject, role, tax_office, action, target, outcome, problem_type,
				    detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(OffsetDateTime.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC), subject, role,
					taxOffice, action, target, outcome.name(), problemType, abbreviate(detail))
			.update();
	}

	/**
	 * @param reader the officer reading: an office officer reads its office's rows only
	 * @param subject only this officer's actions, when given
	 * @param action only this action, when given
	 * @param page from 0
	 * @param size rows per page
	 * @return newest first
	 */
	@Transactional(readOnly = true)
	public List<Entry> page(Caller reader, @Nullable String subject, @Nullable String action, int page, int size) {
		return this.jdbc.sql("""
				SELECT id, at, subject, role, tax_office, action, target, outcome, problem_type, detail
				FROM batch.console_audit
				WHERE (CAST(:office AS text) IS NULL OR tax_office = :office)
				  AND (CAST(:subject AS text) IS NULL OR subject = :subject)
				  AND (CAST(:action AS text) IS NULL OR action = :action)
				ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("office", officeOf(reader))
			.param("subject", subject)
			.param("action", action)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ConsoleAudit::entry)
			.list();
	}

	/** The rows {@link #page} pages through. */
	@Transactional(readOnly = true)
	public long count(Caller reader, @Nullable String subject, @Nullable String action) {
		return this.jdbc.sql("""
				SELECT count(*) FROM batch.console_audit
				WHERE (CAST(:office AS text) IS NULL OR tax_office = :office)
				  AND (CAST(:subject AS text) IS NULL OR subject = :subject)
				  AND (CAST(:action AS text) IS NULL OR action = :action)""")
			.param("office", officeOf(reader))
			.param("subject", subject)
			.param("action", action)
			.query(Long.class)
			.single();
	}

	/** The office whose rows the reader sees; null for all (a national officer). */
	private static @Nullable String officeOf(Caller reader) {
		return switch (reader.role()) {
			case NATIONAL_OFFICER -> null;
			case OFFICER -> reader.taxOffice();
			default -> throw new IllegalArgumentException("Only officers read the console audit");
		};
	}

	private static Entry entry(ResultSet row, int n) throws SQLException {
		return new Entry(row.getLong("id"), row.getObject("at", OffsetDateTime.class).toInstant(),
				row.getString("subject"), row.getString("role"), row.getString("tax_office"), row.getString("action"),
				row.getString("target"), Outcome.valueOf(row.getString("outcome")), row.getString("problem_type"),
				row.getString("detail"));
	}

	private static @Nullable String abbreviate(@Nullable String detail) {
		return (detail == null || detail.length() <= 500) ? detail : detail.substring(0, 500) + "…";
	}

}
