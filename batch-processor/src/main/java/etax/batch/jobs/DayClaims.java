package etax.batch.jobs;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;

/**
 * The claims of a job whose runs are days ({@link DayLocks}): an officer's restart holds the day's lock as a launch
 * does. Free, no live process runs the day, so an execution still {@code STARTED} is one whose process died and may
 * be recovered; and the restart runs holding it, so that no launch elsewhere takes the run for a dead one. Held by
 * another process, the restart is refused.
 */
public class DayClaims implements InstanceClaims {

	private final String jobName;

	private final String dayParameter;

	private final DayLocks locks;

	/**
	 * @param jobName the job
	 * @param dayParameter its identifying parameter that names the day
	 * @param locks the job's day locks
	 */
	protected DayClaims(String jobName, String dayParameter, DayLocks locks) {
		this.jobName = jobName;
		this.dayParameter = dayParameter;
		this.locks = locks;
	}

	@Override
	public String jobName() {
		return this.jobName;
	}

	@Override
	public Optional<Claim> claim(JobExecution execution) {
		JobParameter<?> day = execution.getJobParameters().getParameter(this.dayParameter);
		if (day == null || !(day.value() instanceof LocalDate value)) {
			throw new IllegalStateException("Execution " + execution.getId() + " of " + this.jobName + " has no day");
		}
		return this.locks.tryHold(value).<Claim>map((held) -> held::close);
	}

}
