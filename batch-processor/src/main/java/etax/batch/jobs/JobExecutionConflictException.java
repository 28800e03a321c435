package etax.batch.jobs;

/**
 * A launch or restart that the job repository refuses given what already ran.
 */
public class JobExecutionConflictException extends RuntimeException {

	/** Why the job repository refused. */
	public enum Reason {

		/** The job instance for these parameters has completed; a new run needs new parameters. */
		INSTANCE_COMPLETE,

		/** An execution of this job instance is still running. */
		ALREADY_RUNNING,

		/** The execution is not one that can be restarted (it did not fail or stop, or is not the latest). */
		NOT_RESTARTABLE

	}

	private final Reason reason;

	private JobExecutionConflictException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public static JobExecutionConflictException instanceComplete(String jobName, Throwable cause) {
		return new JobExecutionConflictException(Reason.INSTANCE_COMPLETE,
				"Job " + jobName + " has already completed for these parameters", cause);
	}

	public static JobExecutionConflictException alreadyRunning(String jobName, Throwable cause) {
		return new JobExecutionConflictException(Reason.ALREADY_RUNNING,
				"Job " + jobName + " is already running for these parameters", cause);
	}

	public static JobExecutionConflictException notRestartable(String jobName, Throwable cause) {
		return new JobExecutionConflictException(Reason.NOT_RESTARTABLE,
				"Job " + jobName + " cannot be restarted for these parameters", cause);
	}

	public static JobExecutionConflictException notRestartable(long id, Throwable cause) {
		return new JobExecutionConflictException(Reason.NOT_RESTARTABLE,
				"Job execution " + id + " cannot be restarted", cause);
	}

	public Reason reason() {
		return this.reason;
	}

}
