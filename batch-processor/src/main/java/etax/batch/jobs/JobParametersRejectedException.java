package etax.batch.jobs;

/**
 * A job's parameters validator refused a launch; the message says why in the job's own words.
 */
public class JobParametersRejectedException extends RuntimeException {

	private JobParametersRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

	public static JobParametersRejectedException forJob(String jobName, Throwable cause) {
		return new JobParametersRejectedException("Job " + jobName + " refused its parameters: " + cause.getMessage(),
				cause);
	}

}
