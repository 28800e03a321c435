package etax.batch.jobs;

import etax.access.Caller;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Which officers may restart an instance of one job, for a job whose instances act on some tax offices' taxpayers
 * only: a bulk batch files returns addressed to their offices, so an office officer restarts it only when every return
 * still to be filed is its office's, as it may cancel it. The other jobs (interest, reconciliation, retention) act on
 * every office: any officer restarts them.
 */
public interface RestartScope {

	/**
	 * @return the job whose restarts are scoped
	 */
	String jobName();

	/**
	 * Refuses the restart of an instance when the caller may not act on what it still has to do.
	 * @param parameters the instance's identifying parameters
	 * @param caller the officer asking
	 * @throws RuntimeException a problem of the job's feature, saying why
	 */
	void check(JobParameters parameters, Caller caller);

}
