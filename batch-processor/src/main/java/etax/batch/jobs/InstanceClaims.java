package etax.batch.jobs;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

/**
 * How one job tells whether a live process runs an instance of it, which Spring Batch cannot: a process that died
 * (SIGKILL, a lost machine) leaves its execution {@code STARTED} for ever, like one that runs. A job that has such a
 * criterion (a bean of this type) lets {@link JobExecutions#restart} recover an execution a process left running once
 * no live process runs its instance, and restart it while this process holds the instance, so that no other process
 * takes it over meanwhile. An execution left running of a job without one is not restarted: whether it still runs
 * cannot be told.
 */
public interface InstanceClaims {

	/**
	 * @return the job whose instances are claimed
	 */
	String jobName();

	/**
	 * Claims an instance of the job for a restart in this process.
	 * @param execution the execution to restart, as the job repository has it: running when a process left it so
	 * @return the claim, held until closed (once the restart has ended); empty when another live process runs the
	 * instance
	 */
	Optional<Claim> claim(JobExecution execution);

	/** An instance held by this process; closing lets go of it. */
	@FunctionalInterface
	interface Claim extends AutoCloseable {

		@Override
		void close();

	}

}
