package etax.batch.interest;

import etax.batch.jobs.DayClaims;

import org.springframework.stereotype.Component;

/**
 * An officer's restart of a day's execution ({@code POST /api/v1/jobs/executions/{id}:restart}, the console) holds
 * the day's lock ({@link InterestDayLocks}) as a launch does, so that no catch-up elsewhere takes the run for a dead
 * one ({@link DayClaims}).
 */
@Component
class InterestDayClaims extends DayClaims {

	InterestDayClaims(InterestDayLocks locks) {
		super(InterestAssessmentJobConfiguration.JOB_NAME, InterestAssessmentJobConfiguration.ASSESSED_FOR, locks);
	}

}
