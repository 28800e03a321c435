package etax.batch.jobs;

/**
 * No job execution has the id asked for.
 */
public class JobExecutionNotFoundException extends RuntimeException {

	private JobExecutionNotFoundException(String message) {
		super(message);
	}

	public static JobExecutionNotFoundException forId(long id) {
		return new JobExecutionNotFoundException("No job execution " + id);
	}

}
