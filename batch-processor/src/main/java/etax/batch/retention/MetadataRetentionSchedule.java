package etax.batch.retention;

import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes old job metadata every night ({@code etax.batch.retention.schedule.cron}, 03:00 in
 * Asia/Ho_Chi_Minh by default), once across the instances of the service
 * ({@link MetadataRetention#purgeScheduled}). Off with {@code etax.batch.retention.schedule.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "etax.batch.retention.schedule.enabled", matchIfMissing = true)
class MetadataRetentionSchedule {

	private static final Logger log = LoggerFactory.getLogger(MetadataRetentionSchedule.class);

	private final MetadataRetention retention;

	MetadataRetentionSchedule(MetadataRetention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${etax.batch.retention.schedule.cron:0 0 3 * * *}", zone = "Asia/Ho_Chi_Minh")
	void purge() {
		try {
			JobExecutionSummary execution = this.retention.purgeScheduled();
			if (!"COMPLETED".equals(execution.status())) {
				log.error("Scheduled metadata retention did not complete execution={} status={}", execution.id(),
						execution.status());
			}
		}
		catch (JobExecutionConflictException ex) {
			log.info("Scheduled metadata retention skipped reason={}", ex.reason());
		}
	}

}
