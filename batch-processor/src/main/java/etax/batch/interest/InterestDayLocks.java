package etax.batch.interest;

import javax.sql.DataSource;

import etax.batch.jobs.DayLocks;

import org.springframework.stereotype.Component;

/** Which process runs a day's assessment ({@link DayLocks}). */
@Component
class InterestDayLocks extends DayLocks {

	InterestDayLocks(DataSource dataSource) {
		super(dataSource, "etax.batch.interest.day");
	}

}
