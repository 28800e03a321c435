package etax.batch.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import etax.batch.reconciliation.ReconciliationDay.Status;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The days the reconciliation knows (a file came, or a run classified them), newest first, each with
 * where it stands and how many of its lines matched and how many are exceptions, in the caller's scope.
 */
@Service
public class ReconciliationCalendar {

	private final JdbcClient jdbc;

	ReconciliationCalendar(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param businessDay the day
	 * @param status NOT_RUN, RECONCILED or REOPENED
	 * @param lastRunAt when it last classified
	 * @param lastRunBy who launched that run
	 * @param matched lines that matched, in the scope
	 * @param exceptions lines of every other class, in the scope
	 */
	public record Entry(LocalDate businessDay, Status status, @Nullable Instant lastRunAt, @Nullable String lastRunBy,
			long matched, long exceptions) {

	}

	/**
	 * @param scope whose lines are counted
	 * @param page from 0
	 * @param size days per page
	 * @return newest first
	 */
	public List<Entry> page(OfficeScope scope, int page, int size) {
		return this.jdbc.sql("""
				SELECT d.business_day, d.revision, d.reconciled_revision, d.last_run_at, d.last_run_by,
				    coalesce(sum(t.lines) FILTER (WHERE t.class = 'MATCHED'), 0) AS matched,
				    coalesce(sum(t.lines) FILTER (WHERE t.class <> 'MATCHED'), 0) AS exceptions
				FROM reconciliation.day d LEFT JOIN reconciliation.day_total t ON t.business_day = d.business_day
				    AND (CAST(:office AS text) IS NULL OR t.tax_office = :office)
				GROUP BY d.business_day ORDER BY d.business_day DESC LIMIT :size OFFSET :offset""")
			.param("office", scope.taxOffice(), Types.VARCHAR)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(ReconciliationCalendar::entry)
			.list();
	}

	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM reconciliation.day").query(Long.class).single();
	}

	private static Entry entry(ResultSet row, int n) throws SQLException {
		long revision = row.getLong("revision");
		Long reconciled = row.getObject("reconciled_revision", Long.class);
		Status status = (reconciled == null) ? Status.NOT_RUN
				: (revision > reconciled) ? Status.REOPENED : Status.RECONCILED;
		OffsetDateTime lastRunAt = row.getObject("last_run_at", OffsetDateTime.class);
		return new Entry(row.getObject("business_day", LocalDate.class), status,
				(lastRunAt != null) ? lastRunAt.toInstant() : null, row.getString("last_run_by"), row.getLong("matched"),
				row.getLong("exceptions"));
	}

}
