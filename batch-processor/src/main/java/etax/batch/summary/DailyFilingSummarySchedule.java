package etax.batch.summary;

import java.time.LocalDate;

import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Computes yesterday's summary every night ({@code etax.batch.summary.schedule.cron}, 00:30 in
 * Asia/Ho_Chi_Minh by default). Off with {@code etax.batch.summary.schedule.enabled=false}. With several
 * instances each one tries; the job repository lets one create the job instance and the others see a
 * conflict. A failed run is not retried here: an operator restarts it over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "etax.batch.summary.schedule.enabled", matchIfMissing = true)
class DailyFilingSummarySchedule {

	private static final Logger log = LoggerFactory.getLogger(DailyFilingSummarySchedule.class);

	private final DailyFilingSummaries summaries;

	DailyFilingSummarySchedule(DailyFilingSummaries summaries) {
		this.summaries = summaries;
	}

	@Scheduled(cron = "${etax.batch.summary.schedule.cron:0 30 0 * * *}", zone = "Asia/Ho_Chi_Minh")
	void computeLastClosedDay() {
		LocalDate businessDay = this.summaries.lastClosedDay();
		try {
			JobExecutionSummary execution = this.summaries.compute(businessDay);
			if (!"COMPLETED".equals(execution.status())) {
				log.error("Scheduled daily filing summary did not complete businessDay={} execution={} status={}",
						businessDay, execution.id(), execution.status());
			}
		}
		catch (JobExecutionConflictException ex) {
			log.info("Scheduled daily filing summary skipped businessDay={} reason={}", businessDay, ex.reason());
		}
	}

}
