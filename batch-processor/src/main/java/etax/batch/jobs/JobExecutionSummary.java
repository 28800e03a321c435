package etax.batch.jobs;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One execution of a job, with the counts of its steps added up.
 *
 * @param id the job execution id
 * @param jobInstanceId the job instance: the same for an execution and its restarts
 * @param jobName the job
 * @param parameters the job parameters, name to value
 * @param status the batch status ({@code STARTED}, {@code COMPLETED}, {@code FAILED}, ...)
 * @param exitCode the exit code ({@code COMPLETED}, {@code FAILED}, ...)
 * @param startTime when it started, or {@code null} before it did
 * @param endTime when it ended, or {@code null} while it runs
 * @param readCount items read by all steps
 * @param writeCount items written by all steps
 * @param skipCount items skipped in reading, processing and writing by all steps
 */
public record JobExecutionSummary(long id, long jobInstanceId, String jobName, Map<String, String> parameters,
		String status, @Nullable String exitCode, @Nullable Instant startTime, @Nullable Instant endTime,
		long readCount, long writeCount, long skipCount) {

}
