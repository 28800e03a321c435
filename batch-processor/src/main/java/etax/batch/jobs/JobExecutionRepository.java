package etax.batch.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads job executions straight from the Spring Batch tables in schema {@code batch} (the table prefix
 * {@code batch.BATCH_} of application.yml), in one query per page: the {@code JobRepository} API loads
 * one execution at a time with its contexts, which a listing does not need. The partitions of a
 * partitioned step ({@code step:partitionN}) are left out of the counts: their step holds their sum.
 *
 * <p>
 * Spring Batch stores times as {@code timestamp} in the JVM's default zone; they are returned as
 * instants read in that zone.
 */
@Repository
class JobExecutionRepository {

	private static final String SELECT = """
			SELECT e.job_execution_id, e.job_instance_id, i.job_name, e.status, e.exit_code, e.start_time, e.end_time,
				coalesce(sum(s.read_count), 0) AS read_count,
				coalesce(sum(s.write_count), 0) AS write_count,
				coalesce(sum(s.read_skip_count + s.process_skip_count + s.write_skip_count), 0) AS skip_count
			FROM batch.batch_job_execution e
			JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
			LEFT JOIN batch.batch_step_execution s ON s.job_execution_id = e.job_execution_id
				AND s.step_name NOT LIKE '%:%'
			""";

	private static final String GROUP_BY = " GROUP BY e.job_execution_id, i.job_instance_id";

	private final JdbcClient jdbc;

	JobExecutionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<JobExecutionSummary> find(long id) {
		List<Row> rows = this.jdbc.sql(SELECT + " WHERE e.job_execution_id = :id" + GROUP_BY)
			.param("id", id)
			.query(JobExecutionRepository::row)
			.list();
		return rows.stream().findFirst().map((row) -> row.withParameters(parameters(List.of(id))));
	}

	/**
	 * A page of executions, newest first (execution ids grow with time).
	 * @param page the page, from 0
	 * @param size executions per page
	 * @return the page
	 */
	JobExecutionPage page(int page, int size) {
		List<Row> rows = this.jdbc
			.sql(SELECT + " WHERE e.job_execution_id IN (SELECT job_execution_id FROM batch.batch_job_execution"
					+ " ORDER BY job_execution_id DESC LIMIT :limit OFFSET :offset)" + GROUP_BY
					+ " ORDER BY e.job_execution_id DESC")
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(JobExecutionRepository::row)
			.list();
		Map<Long, Map<String, String>> parameters = parameters(rows.stream().map(Row::id).toList());
		long total = this.jdbc.sql("SELECT count(*) FROM batch.batch_job_execution").query(Long.class).single();
		return new JobExecutionPage(rows.stream().map((row) -> row.withParameters(parameters)).toList(), page, size,
				total);
	}

	private Map<Long, Map<String, String>> parameters(List<Long> executionIds) {
		Map<Long, Map<String, String>> parameters = new LinkedHashMap<>();
		if (executionIds.isEmpty()) {
			return parameters;
		}
		this.jdbc
			.sql("SELECT job_execution_id, parameter_name, parameter_value FROM batch.batch_job_execution_params"
					+ " WHERE job_execution_id IN (:ids) ORDER BY parameter_name")
			.param("ids", executionIds)
			.query((rs) -> {
				parameters.computeIfAbsent(rs.getLong("job_execution_id"), (id) -> new LinkedHashMap<>())
					.put(rs.getString("parameter_name"), String.valueOf(rs.getString("parameter_value")));
			});
		return parameters;
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getLong("job_execution_id"), rs.getLong("job_instance_id"), rs.getString("job_name"),
				rs.getString("status"), rs.getString("exit_code"), instant(rs, "start_time"), instant(rs, "end_time"),
				rs.getLong("read_count"), rs.getLong("write_count"), rs.getLong("skip_count"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime time = rs.getObject(column, LocalDateTime.class);
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

	private record Row(long id, long jobInstanceId, String jobName, String status, @Nullable String exitCode,
			@Nullable Instant startTime, @Nullable Instant endTime, long readCount, long writeCount, long skipCount) {

		JobExecutionSummary withParameters(Map<Long, Map<String, String>> parameters) {
			return new JobExecutionSummary(this.id, this.jobInstanceId, this.jobName,
					parameters.getOrDefault(this.id, Map.of()), this.status, this.exitCode, this.startTime,
					this.endTime, this.readCount, this.writeCount, this.skipCount);
		}

	}

}
