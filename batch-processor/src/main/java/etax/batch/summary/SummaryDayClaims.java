package etax.batch.summary;

import java.time.LocalDate;
import java.util.Optional;

import etax.batch.jobs.InstanceClaims;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.stereotype.Component;

/**
 * An officer's restart of a summary execution holds the day's lock ({@link SummaryDayLocks}) as a launch does: free,
 * no live process computes the day, so an execution still {@code STARTED} is one whose process died and may be
 * recovered; held by another process, the restart is refused.
 */
@Component
class SummaryDayClaims implements InstanceClaims {

	private final SummaryDayLocks locks;

	SummaryDayClaims(SummaryDayLocks locks) {
		this.locks = locks;
	}

	@Override
	public String jobName() {
		return DailyFilingSummaryJobConfiguration.JOB_NAME;
	}

	@Override
	public Optional<Claim> claim(JobExecution execution) {
		JobParameter<?> day = execution.getJobParameters()
			.getParameter(DailyFilingSummaryJobConfiguration.BUSINESS_DAY);
		if (day == null || !(day.value() instanceof LocalDate businessDay)) {
			throw new IllegalStateException("Summary execution " + execution.getId() + " has no day");
		}
		return this.locks.tryHold(businessDay).<Claim>map((held) -> held::close);
	}

}
