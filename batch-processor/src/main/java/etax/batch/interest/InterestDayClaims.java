package etax.batch.interest;

import java.time.LocalDate;
import java.util.Optional;

import etax.batch.jobs.InstanceClaims;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.stereotype.Component;

/**
 * An officer's restart of a day's execution ({@code POST /api/v1/jobs/executions/{id}:restart}, the console) holds
 * the day's lock ({@link InterestDayLocks}) as a launch does: free, no live process runs the day, so an execution
 * still {@code STARTED} is one whose process died and may be recovered; and the restart runs holding it, so that no
 * catch-up elsewhere takes the run for a dead one. Held by another process, the restart is refused.
 */
@Component
class InterestDayClaims implements InstanceClaims {

	private final InterestDayLocks locks;

	InterestDayClaims(InterestDayLocks locks) {
		this.locks = locks;
	}

	@Override
	public String jobName() {
		return InterestAssessmentJobConfiguration.JOB_NAME;
	}

	@Override
	public Optional<Claim> claim(JobExecution execution) {
		JobParameter<?> day = execution.getJobParameters().getParameter(InterestAssessmentJobConfiguration.ASSESSED_FOR);
		if (day == null || !(day.value() instanceof LocalDate assessedFor)) {
			throw new IllegalStateException("Interest execution " + execution.getId() + " has no day");
		}
		return this.locks.tryHold(assessedFor).<Claim>map((held) -> held::close);
	}

}
