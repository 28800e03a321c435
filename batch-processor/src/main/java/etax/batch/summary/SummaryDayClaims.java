package etax.batch.summary;

import etax.batch.jobs.DayClaims;

import org.springframework.stereotype.Component;

/**
 * An officer's restart of a summary execution holds the day's lock ({@link SummaryDayLocks}) as a launch does
 * ({@link DayClaims}).
 */
@Component
class SummaryDayClaims extends DayClaims {

	SummaryDayClaims(SummaryDayLocks locks) {
		super(DailyFilingSummaryJobConfiguration.JOB_NAME, DailyFilingSummaryJobConfiguration.BUSINESS_DAY, locks);
	}

}
