package etax.batch.jobs;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import etax.access.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Launches, restarts and looks up job executions. Launches run on the job operator's task executor,
 * which is synchronous (Boot's default): the call returns when the execution has ended, whatever its
 * status. A job that fails returns an execution with status {@code FAILED}; it does not throw. Restarts, and the
 * recovery of an execution a process that died left running, are {@link JobRestarts}'.
 */
@Service
public class JobExecutions {

	private static final Logger log = LoggerFactory.getLogger(JobExecutions.class);

	private static final int LAUNCH_ATTEMPTS = 5;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final JobExecutionRepository repository;

	private final JobRestarts restarts;

	JobExecutions(JobOperator jobOperator, JobRepository jobRepository, JobExecutionRepository repository,
			JobRestarts restarts) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.repository = repository;
		this.restarts = restarts;
	}

	/**
	 * Runs a job.
	 * @param job the job
	 * @param parameters its parameters
	 * @return the execution, ended
	 * @throws JobParametersRejectedException when the job's validator refuses the parameters
	 * @throws JobExecutionConflictException when the instance has completed, is running or cannot be
	 * restarted
	 */
	public JobExecutionSummary start(Job job, JobParameters parameters) {
		JobExecution execution = null;
		for (int attempt = 1; execution == null; attempt++) {
			execution = launch(job, parameters, attempt);
		}
		log.info("Job ended job={} execution={} status={}", job.getName(), execution.getId(), execution.getStatus());
		return get(execution.getId());
	}

	/**
	 * One attempt to launch: null when it met a concurrent launch and should be tried again (docs/adr/0004).
	 * Job instances and executions are created under READ COMMITTED, so launches of different instances
	 * never fail each other; two launches of the same instance meet at its unique key (or at the one running
	 * execution an instance may have, or at Spring Batch's own check that an instance it creates is new), and the next attempt sees the other's instance or execution, so it
	 * answers as a launch after it would (completed, running). A transient failure (a deadlock, a
	 * serialization failure) is tried again too, a few times, then left to the caller (503).
	 */
	private @Nullable JobExecution launch(Job job, JobParameters parameters, int attempt) {
		try {
			return this.jobOperator.start(job, parameters);
		}
		catch (DuplicateKeyException | TransientDataAccessException ex) {
			if (attempt >= LAUNCH_ATTEMPTS) {
				if (ex instanceof DuplicateKeyException) {
					throw JobExecutionConflictException.alreadyRunning(job.getName(), ex);
				}
				throw ex;
			}
			return again(job, attempt);
		}
		catch (IllegalStateException ex) {
			// Spring Batch checks that the instance it creates is new ("JobInstance must not already exist"),
			// after the launcher looked for it: another launch created it in between
			if (attempt >= LAUNCH_ATTEMPTS || this.jobRepository.getJobInstance(job.getName(), parameters) == null) {
				throw ex;
			}
			return again(job, attempt);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			throw JobExecutionConflictException.instanceComplete(job.getName(), ex);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw JobExecutionConflictException.alreadyRunning(job.getName(), ex);
		}
		catch (JobRestartException ex) {
			throw JobExecutionConflictException.notRestartable(job.getName(), ex);
		}
		catch (InvalidJobParametersException ex) {
			throw JobParametersRejectedException.forJob(job.getName(), ex);
		}
	}

	private static @Nullable JobExecution again(Job job, int attempt) {
		log.info("Job launch met a concurrent one, trying again job={} attempt={}", job.getName(), attempt);
		pause(attempt);
		return null;
	}

	/** A short, jittered pause, longer at each attempt, so that launches that met do not meet again. */
	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(20, 60) * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while launching a job", ex);
		}
	}

	/**
	 * Marks failed ({@link JobOperator#recover}) the last execution of a job instance when it was left running
	 * by a process that died, or left {@code UNKNOWN} by one that could not record how it ended, so that the next
	 * start restarts the instance. Spring Batch cannot tell a running execution from one left so: only the caller
	 * can, and calls this only once it knows that no live process runs the instance (for interest, it holds the
	 * day's lock).
	 * @param jobName the job
	 * @param parameters the instance's identifying parameters
	 * @return the id of the execution recovered; empty when the instance has none unended
	 */
	public Optional<Long> recoverAbandoned(String jobName, JobParameters parameters) {
		JobExecution last = this.jobRepository.getLastJobExecution(jobName, parameters);
		if (last == null || !unended(last)) {
			return Optional.empty();
		}
		// with its step executions, which recover marks failed too
		JobExecution abandoned = this.jobRepository.getJobExecution(last.getId());
		if (abandoned == null || !unended(abandoned)) {
			return Optional.empty();
		}
		recover(abandoned);
		return Optional.of(abandoned.getId());
	}

	/**
	 * Whether an execution never recorded its end: left running ({@code STARTED}, {@code STOPPING}) by a process that
	 * died, or {@code UNKNOWN}, which its process left when it could not record how a step or the job ended (the
	 * database failed at that moment). Spring Batch restarts neither; the jobs here are safe to run again (each chunk's
	 * work is idempotent: ADR 0004, 0011, 0013), so once no live process runs it, it is recovered and restarted.
	 */
	public static boolean unended(JobExecution execution) {
		return execution.isRunning() || execution.getStatus() == BatchStatus.UNKNOWN;
	}

	/**
	 * Marks failed ({@link JobOperator#recover}) an execution left running by a process that died, or left
	 * {@code UNKNOWN}, and its steps that had not ended, with an exit description that says it was recovered. Only
	 * for a caller that knows that no live process runs it.
	 * @param leftRunning the execution, loaded with its steps
	 * @return the execution, failed
	 */
	public JobExecution recover(JobExecution leftRunning) {
		return this.restarts.recover(leftRunning);
	}

	/**
	 * Restarts a failed or stopped execution: a new execution of the same job instance, which resumes at the step
	 * that did not complete. An execution that a process that died left running ({@code STARTED}) is recovered first
	 * (marked {@code FAILED}, its exit description saying so), once the job's {@link InstanceClaims} tell that no
	 * live process runs its instance; of a job without them it is refused, as is one that a live process runs.
	 * @param id the execution to restart
	 * @param officer who restarts it: an office officer only an instance of its office's taxpayers ({@link RestartScope})
	 * @return the new execution, ended
	 * @throws JobExecutionNotFoundException when there is no such execution
	 * @throws JobExecutionConflictException when it cannot be restarted
	 */
	public JobExecutionSummary restart(long id, Caller officer) {
		get(id);
		long restartedId = this.restarts.restart(id, officer);
		JobExecutionSummary restarted = get(restartedId);
		log.info("Job restarted job={} execution={} restartOf={} status={}", restarted.jobName(), restartedId, id,
				restarted.status());
		return restarted;
	}

	/**
	 * Whether an officer may try to restart the execution: it failed or stopped, or it is left running and its job
	 * can tell whether a live process still runs it (the restart answers which).
	 * @param execution the execution
	 * @return whether to offer its restart
	 */
	public boolean restartable(JobExecutionSummary execution) {
		return this.restarts.restartable(execution.jobName(), BatchStatus.valueOf(execution.status()));
	}

	/**
	 * One execution.
	 * @param id the execution id
	 * @return the execution
	 * @throws JobExecutionNotFoundException when there is none
	 */
	public JobExecutionSummary get(long id) {
		return this.repository.find(id).orElseThrow(() -> JobExecutionNotFoundException.forId(id));
	}

	/**
	 * Executions of all jobs, newest first.
	 * @param page the page, from 0
	 * @param size executions per page
	 * @return the page
	 */
	public JobExecutionPage list(int page, int size) {
		return this.repository.page(page, size);
	}

}
