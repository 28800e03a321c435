package etax.batch.summary;

import java.time.LocalDate;

import etax.access.RedactedException;
import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Computes the days of the last week, yesterday's among them, every night ({@code etax.batch.summary.schedule.cron},
 * 00:30 in Asia/Ho_Chi_Minh by default): a night every instance was down, or a run that failed, is caught up the next
 * night, and a day's filings that reached the service after its first night (an event delayed, the service down
 * at midnight) are counted on the nights after, for a week. Off with {@code etax.batch.summary.schedule.enabled=false}.
 * Each day is one job instance of the night's ({@link DailyFilingSummaries#computeScheduled}): with several
 * instances of the service one computes it, the others see a conflict.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "etax.batch.summary.schedule.enabled", matchIfMissing = true)
class DailyFilingSummarySchedule {

	/** The days back a missed or failed night is caught up. */
	static final int CATCH_UP_DAYS = 7;

	private static final Logger log = LoggerFactory.getLogger(DailyFilingSummarySchedule.class);

	private final DailyFilingSummaries summaries;

	DailyFilingSummarySchedule(DailyFilingSummaries summaries) {
		this.summaries = summaries;
	}

	@Scheduled(cron = "${etax.batch.summary.schedule.cron:0 30 0 * * *}", zone = "Asia/Ho_Chi_Minh")
	void computeClosedDays() {
		LocalDate yesterday = this.summaries.lastClosedDay();
		LocalDate night = yesterday.plusDays(1);
		for (LocalDate day = yesterday.minusDays(CATCH_UP_DAYS - 1); !day.isAfter(yesterday); day = day.plusDays(1)) {
			try {
				JobExecutionSummary execution = this.summaries.computeScheduled(day, night);
				if (!"COMPLETED".equals(execution.status())) {
					log.error("Scheduled daily filing summary did not complete businessDay={} execution={} status={}",
							day, execution.id(), execution.status());
				}
			}
			catch (JobExecutionConflictException ex) {
				if (ex.reason() == JobExecutionConflictException.Reason.INSTANCE_COMPLETE) {
					log.debug("Scheduled daily filing summary skipped businessDay={} reason={}", day, ex.reason());
				}
				else {
					// running in another live process now (every night, with several); a run left STARTED by a process
					// that died is recovered and restarted by the launch itself
					log.info("Scheduled daily filing summary not run businessDay={} reason={}", day, ex.reason());
				}
			}
			catch (RuntimeException ex) {
				// the other days are tried still
				log.error("Scheduled daily filing summary failed businessDay={} failure={}", day,
						RedactedException.describe(ex), RedactedException.of(ex));
			}
		}
	}

}
