package etax.batch.bulk;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Whether a bulk filing run failed for an outage alone, told from its partitions. A partition that fails for an
 * outage ({@link Outages}) says so in its execution context, which the job repository keeps: a worker process's
 * failures reach the manager only as the partition's status, and the manager's own step then fails with a summary
 * of no cause ("Partition handler returned an unsuccessful step"), which is no outage and would make every failed
 * run count among the batch's attempts.
 */
final class PartitionOutages implements StepExecutionListener {

	static final String OUTAGE = "etax.bulk.outage";

	@Override
	public @Nullable ExitStatus afterStep(StepExecution partition) {
		if (partition.getStatus().isUnsuccessful() && Outages.only(partition.getFailureExceptions())) {
			partition.getExecutionContext().put(OUTAGE, true);
		}
		else {
			// a restart's partition starts from the context of the one it follows: its mark is not this run's
			partition.getExecutionContext().remove(OUTAGE);
		}
		return null;
	}

	/**
	 * @param run the run as it ended here: its own failures and its manager step's
	 * @param stored the same run read from the job repository: its partitions as their processes left them
	 * @return whether it failed, and for outages alone: every partition that failed marked an outage, and
	 * every other failure an outage but the manager's summary of its partitions
	 */
	static boolean only(JobExecution run, JobExecution stored) {
		List<StepExecution> partitions = stored.getStepExecutions()
			.stream()
			.filter((step) -> isPartition(step) && step.getStatus().isUnsuccessful())
			.toList();
		List<Throwable> others = new ArrayList<>(run.getFailureExceptions());
		for (StepExecution step : run.getStepExecutions()) {
			if (!isPartition(step)) {
				step.getFailureExceptions()
					.stream()
					.filter((failure) -> partitions.isEmpty() || !isSummary(failure))
					.forEach(others::add);
			}
		}
		if (partitions.isEmpty() && others.isEmpty()) {
			return false;
		}
		return partitions.stream().allMatch((partition) -> partition.getExecutionContext().containsKey(OUTAGE))
				&& (others.isEmpty() || Outages.only(others));
	}

	/** A partition's step is named after the worker step ({@code bulkFilingWorkerStep:part3}). */
	private static boolean isPartition(StepExecution step) {
		return step.getStepName().startsWith(BulkFilingJobConfiguration.WORKER_STEP + ":");
	}

	private static boolean isSummary(Throwable failure) {
		return failure.getClass() == JobExecutionException.class && failure.getCause() == null;
	}

}
