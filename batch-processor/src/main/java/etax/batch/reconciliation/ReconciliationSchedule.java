package etax.batch.reconciliation;

import java.time.LocalDate;

import etax.access.RedactedException;
import etax.batch.BatchProcessorProperties;
import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the days that need it every morning ({@code etax.batch.reconciliation.schedule.cron}, 06:00 in
 * Asia/Ho_Chi_Minh by default): days not run yet and days a late file reopened, within
 * {@code reopen-window} days. A day waits for its files (the treasury's statement, every bank with lines
 * on the tax side) until it is {@code max-wait} days old; then it runs without them, and what is missing
 * shows as exceptions. Off with {@code etax.batch.reconciliation.schedule.enabled=false}. With several
 * instances each one tries; the day's lock lets one run classify at a time. A day that fails, however it
 * fails, is logged (without taxpayer data) and the next day is tried.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "etax.batch.reconciliation.schedule.enabled", matchIfMissing = true)
class ReconciliationSchedule {

	static final String LAUNCHED_BY = "schedule";

	private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

	private final ReconciliationDays days;

	private final BatchProcessorProperties.Reconciliation settings;

	ReconciliationSchedule(ReconciliationDays days, BatchProcessorProperties properties) {
		this.days = days;
		this.settings = properties.reconciliation();
	}

	@Scheduled(cron = "${etax.batch.reconciliation.schedule.cron:0 0 6 * * *}", zone = "Asia/Ho_Chi_Minh")
	void runPendingDays() {
		LocalDate yesterday = this.days.lastClosedDay();
		LocalDate waitedLongEnough = yesterday.minusDays(this.settings.maxWaitDays());
		for (LocalDate day : this.days.pending(yesterday.minusDays(this.settings.reopenWindowDays()), yesterday)) {
			try {
				runIfReady(day, waitedLongEnough);
			}
			catch (JobExecutionConflictException ex) {
				log.info("Scheduled reconciliation skipped businessDay={} reason={}", day, ex.reason());
			}
			catch (RuntimeException ex) {
				// a day that fails (the database out past the launch's retries, the gateway's view unreadable) keeps
				// neither the later days nor yesterday waiting for the next morning: they are tried still
				log.error("Scheduled reconciliation failed businessDay={} failure={}", day,
						RedactedException.describe(ex), RedactedException.of(ex));
			}
		}
	}

	private void runIfReady(LocalDate day, LocalDate waitedLongEnough) {
		if (!day.isBefore(waitedLongEnough) && !this.days.ready(day)) {
			log.info("Scheduled reconciliation waits for files businessDay={}", day);
			return;
		}
		JobExecutionSummary execution = this.days.run(day, LAUNCHED_BY);
		if (!"COMPLETED".equals(execution.status())) {
			log.error("Scheduled reconciliation did not complete businessDay={} execution={} status={}", day,
					execution.id(), execution.status());
		}
	}

}
