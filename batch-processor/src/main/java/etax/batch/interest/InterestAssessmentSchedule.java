package etax.batch.interest;

import java.util.List;

import etax.batch.jobs.JobExecutionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Catches the interest assessment up every night ({@code etax.batch.interest.schedule.cron}, 01:00 in
 * Asia/Ho_Chi_Minh by default): every day after the last completed one, so a missed or failed day is
 * assessed before the next. Off with {@code etax.batch.interest.schedule.enabled=false}. With several
 * instances each one tries; the job repository lets one run a day, the others see a conflict and stop.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "etax.batch.interest.schedule.enabled", matchIfMissing = true)
class InterestAssessmentSchedule {

	private static final Logger log = LoggerFactory.getLogger(InterestAssessmentSchedule.class);

	private final InterestAssessments assessments;

	InterestAssessmentSchedule(InterestAssessments assessments) {
		this.assessments = assessments;
	}

	@Scheduled(cron = "${etax.batch.interest.schedule.cron:0 0 1 * * *}", zone = "Asia/Ho_Chi_Minh")
	void catchUp() {
		List<JobExecutionSummary> executions = this.assessments.catchUp();
		log.info("Scheduled interest catch-up ran={} through={}", executions.size(),
				this.assessments.lastDayToAssess());
	}

}
