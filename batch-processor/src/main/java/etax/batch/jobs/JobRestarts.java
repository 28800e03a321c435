package etax.batch.jobs;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import etax.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Restarts an execution that failed or stopped, and one that a process that died left running ({@code STARTED} for
 * ever): Spring Batch restarts only the former. For the latter the job's {@link InstanceClaims} tell that no live
 * process runs the instance, and hold it while this process recovers the execution (marks it and its unfinished
 * steps {@code FAILED}, the exit description saying it was recovered) and restarts it. Such an execution of a job
 * without them, or one that a live process runs, is refused and left as it is. A failed or stopped execution is
 * restarted through the job's claims too: the interest job's hold the day while the restart runs, so that no other
 * process takes the run for one that died; the bulk job's hold nothing then (the job repository lets one execution
 * of an instance run, and a concurrent take-over's restart is refused as running).
 */
@Component
class JobRestarts {

	private static final Logger log = LoggerFactory.getLogger(JobRestarts.class);

	private static final Set<BatchStatus> RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<String, InstanceClaims> claims;

	private final Map<String, RestartScope> scopes;

	JobRestarts(JobOperator jobOperator, JobRepository jobRepository, List<InstanceClaims> claims,
			List<RestartScope> scopes) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.claims = claims.stream()
			.collect(Collectors.toUnmodifiableMap(InstanceClaims::jobName, Function.identity()));
		this.scopes = scopes.stream().collect(Collectors.toUnmodifiableMap(RestartScope::jobName, Function.identity()));
	}

	/**
	 * Whether an execution of this job in this status may be restarted, as far as can be told without asking whether
	 * a live process runs it.
	 */
	boolean restartable(String jobName, BatchStatus status) {
		return RESTARTABLE.contains(status) || status == BatchStatus.UNKNOWN
				|| (status.isRunning() && this.claims.containsKey(jobName));
	}

	/**
	 * @param id the execution to restart
	 * @param officer who restarts it, refused by the job's {@link RestartScope} when it may not
	 * @return the id of the new execution, ended
	 */
	long restart(long id, Caller officer) {
		JobExecution previous = find(id);
		String jobName = previous.getJobInstance().getJobName();
		RestartScope scope = this.scopes.get(jobName);
		if (scope != null) {
			scope.check(previous.getJobParameters(), officer);
		}
		InstanceClaims instances = this.claims.get(jobName);
		refuseUnlessRestartable(previous, instances != null);
		if (instances == null) {
			return restartOf(JobExecutions.unended(previous) ? recover(previous) : previous);
		}
		try (InstanceClaims.Claim claim = instances.claim(previous).orElseThrow(() -> claimRefused(previous))) {
			// as it stands now that this process holds the instance: another may have recovered and restarted it
			JobExecution current = find(id);
			refuseUnlessRestartable(current, true);
			return restartOf(JobExecutions.unended(current) ? recover(current) : current);
		}
	}

	/**
	 * Marks failed ({@link JobOperator#recover}) an execution left running by a process that died, and its steps
	 * that had not ended; the exit description says so. Only for a caller that knows no live process runs it.
	 * @param leftRunning the execution, loaded with its steps
	 * @return the execution, failed
	 */
	JobExecution recover(JobExecution leftRunning) {
		BatchStatus status = leftRunning.getStatus();
		ExitStatus recovered = ExitStatus.FAILED.addExitDescription("Recovered: left " + status
				+ ((status == BatchStatus.UNKNOWN) ? " by a process that could not record how it ended"
						: " by a process that died")
				+ ", which no live process ran any more; marked FAILED to be restarted");
		leftRunning.setExitStatus(recovered);
		leftRunning.getStepExecutions()
			.stream()
			.filter((step) -> step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN)
			.forEach((step) -> step.setExitStatus(recovered));
		JobExecution failed = (status == BatchStatus.UNKNOWN) ? recoverUnknown(leftRunning)
				: failUnknownSteps(this.jobOperator.recover(leftRunning));
		log.warn("Job execution left unended, recovered job={} execution={} status={}",
				leftRunning.getJobInstance().getJobName(), leftRunning.getId(), status);
		return failed;
	}

	/**
	 * What {@link JobOperator#recover} does for an execution left running, which it refuses to do for one left
	 * {@code UNKNOWN}: the execution and its steps that did not end {@code FAILED}, with an end.
	 */
	private JobExecution recoverUnknown(JobExecution unknown) {
		failUnknownSteps(unknown);
		unknown.setStatus(BatchStatus.FAILED);
		if (unknown.getEndTime() == null) {
			unknown.setEndTime(LocalDateTime.now());
		}
		this.jobRepository.update(unknown);
		return unknown;
	}

	/**
	 * Its steps that did not end, or whose end could not be recorded ({@code UNKNOWN}), {@code FAILED} with an end:
	 * {@link JobOperator#recover} leaves an {@code UNKNOWN} step as it is, and neither a step nor a partition is
	 * restarted from {@code UNKNOWN}, so every restart of the execution would fail at once.
	 */
	private JobExecution failUnknownSteps(JobExecution execution) {
		LocalDateTime now = LocalDateTime.now();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				if (step.getEndTime() == null) {
					step.setEndTime(now);
				}
				this.jobRepository.update(step);
			}
		}
		return execution;
	}

	private JobExecution find(long id) {
		JobExecution execution = this.jobRepository.getJobExecution(id);
		if (execution == null) {
			throw JobExecutionNotFoundException.forId(id);
		}
		return execution;
	}

	private static void refuseUnlessRestartable(JobExecution execution, boolean livenessKnown) {
		BatchStatus status = execution.getStatus();
		if (status.isRunning() && !livenessKnown) {
			throw JobExecutionConflictException.livenessUnknown(execution.getId(),
					execution.getJobInstance().getJobName(), status.name());
		}
		if (!JobExecutions.unended(execution) && !RESTARTABLE.contains(status)) {
			throw JobExecutionConflictException.notRestartable(execution.getId(),
					new IllegalStateException("Job execution " + execution.getId() + " is " + status));
		}
	}

	private static JobExecutionConflictException claimRefused(JobExecution execution) {
		if (execution.getStatus().isRunning()) {
			return JobExecutionConflictException.runByALiveProcess(execution.getId(), execution.getStatus().name());
		}
		// failed or stopped, but another process holds the instance: it is restarting it
		return JobExecutionConflictException.alreadyRunning(execution.getJobInstance().getJobName(), null);
	}

	/**
	 * Restarts an execution. {@link JobOperator#restart} wraps whatever its launch throws in a
	 * {@link JobRestartException}: the cause says what happened, and the caller hears that, not "not restartable".
	 */
	private long restartOf(JobExecution previous) {
		String jobName = previous.getJobInstance().getJobName();
		try {
			return this.jobOperator.restart(previous).getId();
		}
		catch (JobRestartException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof DuplicateKeyException || cause instanceof JobExecutionAlreadyRunningException) {
				// another restart of the same instance created its execution first (one running execution per instance)
				throw JobExecutionConflictException.alreadyRunning(jobName, cause);
			}
			if (cause instanceof InvalidJobParametersException) {
				throw JobParametersRejectedException.forJob(jobName, cause);
			}
			if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				// the database could not do it now: 503, to be tried again
				throw (RuntimeException) cause;
			}
			throw JobExecutionConflictException.notRestartable(previous.getId(), ex);
		}
		catch (DuplicateKeyException ex) {
			throw JobExecutionConflictException.alreadyRunning(jobName, ex);
		}
	}

}
