package etax.batch.retention;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes from the Spring Batch tables in schema {@code batch}, children before parents (the tables
 * have foreign keys and no cascades). The {@code JobRepository} API deletes one execution at a time,
 * loading each with its steps first; these statements delete a batch in a few round trips.
 *
 * <p>
 * Spring Batch stores times as {@code timestamp} in the JVM's default zone; cut-offs are given the same
 * way.
 */
@Repository
class JobMetadataRepository {

	private final JdbcClient jdbc;

	JobMetadataRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Executions that have ended before a time, oldest first, of instances whose last execution completed (or was
	 * abandoned): none of an instance that did not complete, which an officer restarts (a bulk batch left
	 * {@code FAILED}, a day of interest), since a restart skips the steps an earlier execution of the instance
	 * completed, and does them again if that execution is gone. Running executions have no end time and are never
	 * among them.
	 * @param cutoff the time
	 * @param limit the most to return
	 * @return execution ids
	 */
	List<Long> endedBefore(LocalDateTime cutoff, int limit) {
		return this.jdbc.sql("""
				SELECT e.job_execution_id FROM batch.batch_job_execution e
				WHERE e.end_time < :cutoff AND (
					SELECT last.status FROM batch.batch_job_execution last WHERE last.job_instance_id = e.job_instance_id
					ORDER BY last.job_execution_id DESC LIMIT 1) IN ('COMPLETED', 'ABANDONED')
				ORDER BY e.end_time, e.job_execution_id LIMIT :limit
				""").param("cutoff", cutoff).param("limit", limit).query(Long.class).list();
	}

	/**
	 * Deletes executions with everything that hangs on them, and their job instances when no execution
	 * is left.
	 * @param executionIds the executions
	 * @return the job instances deleted
	 */
	int delete(List<Long> executionIds) {
		Long[] ids = executionIds.toArray(Long[]::new);
		this.jdbc.sql("""
				DELETE FROM batch.batch_step_execution_context WHERE step_execution_id IN
					(SELECT step_execution_id FROM batch.batch_step_execution WHERE job_execution_id = ANY (:ids))
				""").param("ids", ids).update();
		this.jdbc.sql("DELETE FROM batch.batch_step_execution WHERE job_execution_id = ANY (:ids)").param("ids", ids).update();
		this.jdbc.sql("DELETE FROM batch.batch_job_execution_context WHERE job_execution_id = ANY (:ids)")
			.param("ids", ids)
			.update();
		this.jdbc.sql("DELETE FROM batch.batch_job_execution_params WHERE job_execution_id = ANY (:ids)")
			.param("ids", ids)
			.update();
		List<Long> instances = this.jdbc
			.sql("DELETE FROM batch.batch_job_execution WHERE job_execution_id = ANY (:ids) RETURNING job_instance_id")
			.param("ids", ids)
			.query(Long.class)
			.list();
		// only the instances of the executions deleted: one being launched right now has no execution yet
		return this.jdbc.sql("""
				DELETE FROM batch.batch_job_instance i WHERE i.job_instance_id = ANY (:instances)
					AND NOT EXISTS (SELECT 1 FROM batch.batch_job_execution e WHERE e.job_instance_id = i.job_instance_id)
				""").param("instances", instances.toArray(Long[]::new)).update();
	}

}
