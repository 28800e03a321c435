package etax.batch.jobs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

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

	private JobExecutionConflictException(Reason reason, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public static JobExecutionConflictException instanceComplete(String jobName, @Nullable Throwable cause) {
		return new JobExecutionConflictException(Reason.INSTANCE_COMPLETE,
				"Job " + jobName + " has already completed for these parameters", cause);
	}

	public static JobExecutionConflictException alreadyRunning(String jobName, @Nullable Throwable cause) {
		return new JobExecutionConflictException(Reason.ALREADY_RUNNING,
				"Job " + jobName + " is already running for these parameters", cause);
	}

	/** Another run of the job for the same day runs in a live process, whatever its other parameters. */
	public static JobExecutionConflictException dayRunning(String jobName, LocalDate day) {
		return new JobExecutionConflictException(Reason.ALREADY_RUNNING, "Job " + jobName + " is running for " + day
				+ " in another launch: launch it again once that run has ended", null);
	}

	public static JobExecutionConflictException notRestartable(String jobName, Throwable cause) {
		return new JobExecutionConflictException(Reason.NOT_RESTARTABLE,
				"Job " + jobName + " cannot be restarted for these parameters", cause);
	}

	public static JobExecutionConflictException notRestartable(long id, Throwable cause) {
		return new JobExecutionConflictException(Reason.NOT_RESTARTABLE,
				"Job execution " + id + " cannot be restarted", cause);
	}

	/**
	 * An execution left running ({@code STARTED}, say) that a live process runs: it is not recovered.
	 * @param id the execution
	 * @param status its status
	 * @return the exception
	 */
	public static JobExecutionConflictException runByALiveProcess(long id, String status) {
		return new JobExecutionConflictException(Reason.NOT_RESTARTABLE, "Job execution " + id + " is " + status
				+ " and a live process runs it: it can be restarted once it has ended", null);
	}

	/**
	 * An execution left running of a job that cannot tell a process that died from one that runs: it is left as it
	 * is, since recovering a run that goes on would let a second run of the instance start beside it.
	 * @param id the execution
	 * @param jobName its job
	 * @param status its status
	 * @return the exception
	 */
	public static JobExecutionConflictException livenessUnknown(long id, String jobName, String status) {
		return new JobExecutionConflictException(Reason.NOT_RESTARTABLE, "Job execution " + id + " is " + status
				+ ": for job " + jobName + " it cannot be told whether a live process still runs it or the process that"
				+ " ran it died, so it is left as it is; launch the job again instead", null);
	}

	public Reason reason() {
		return this.reason;
	}

}
