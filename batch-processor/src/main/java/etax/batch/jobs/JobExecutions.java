package etax.batch.jobs;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Launches, restarts and looks up job executions. Launches run on the job operator's task executor,
 * which is synchronous (Boot's default): the call returns when the execution has ended, whatever its
 * status. A job that fails returns an execution with status {@code FAILED}; it does not throw.
 */
@Service
public class JobExecutions {

	private static final Logger log = LoggerFactory.getLogger(JobExecutions.class);

	private static final Set<String> RESTARTABLE_STATUSES = Set.of("FAILED", "STOPPED");

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final JobExecutionRepository repository;

	JobExecutions(JobOperator jobOperator, JobRepository jobRepository, JobExecutionRepository repository) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.repository = repository;
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
		JobExecution execution;
		try {
			execution = this.jobOperator.start(job, parameters);
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
		log.info("Job ended job={} execution={} status={}", job.getName(), execution.getId(), execution.getStatus());
		return get(execution.getId());
	}

	/**
	 * Restarts a failed or stopped execution: a new execution of the same job instance, which resumes at
	 * the step that did not complete.
	 * @param id the execution to restart
	 * @return the new execution, ended
	 * @throws JobExecutionNotFoundException when there is no such execution
	 * @throws JobExecutionConflictException when it cannot be restarted
	 */
	public JobExecutionSummary restart(long id) {
		JobExecutionSummary failed = get(id);
		if (!RESTARTABLE_STATUSES.contains(failed.status())) {
			throw JobExecutionConflictException.notRestartable(id,
					new IllegalStateException("Job execution " + id + " is " + failed.status()));
		}
		JobExecution previous = this.jobRepository.getJobExecution(id);
		if (previous == null) {
			throw JobExecutionNotFoundException.forId(id);
		}
		long restartedId;
		try {
			restartedId = this.jobOperator.restart(previous).getId();
		}
		catch (JobRestartException ex) {
			throw JobExecutionConflictException.notRestartable(id, ex);
		}
		JobExecutionSummary restarted = get(restartedId);
		log.info("Job restarted job={} execution={} restartOf={} status={}", restarted.jobName(), restartedId, id,
				restarted.status());
		return restarted;
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
