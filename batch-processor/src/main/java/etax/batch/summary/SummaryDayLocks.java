package etax.batch.summary;

import javax.sql.DataSource;

import etax.batch.jobs.DayLocks;

import org.springframework.stereotype.Component;

/**
 * Which process computes a day's filing summary ({@link DayLocks}): one run of a day at a time, whatever its launch
 * (the schedule's, an officer's), so that a slower run cannot write older counts over a newer run's; and a run left
 * {@code STARTED} by a process that died is told from one that runs.
 */
@Component
class SummaryDayLocks extends DayLocks {

	SummaryDayLocks(DataSource dataSource) {
		super(dataSource, "etax.batch.summary.day");
	}

}
