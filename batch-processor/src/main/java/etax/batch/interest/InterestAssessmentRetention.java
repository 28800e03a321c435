package etax.batch.interest;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code interestAssessmentRetentionStep}, a step of the retention job: the assessments of each day
 * whose run completed before the job's {@code olderThan} go, one day per call in its own transaction,
 * oldest first, {@code CONTINUABLE} until none is left; the run and its totals stay, and the ledger
 * keeps every interest obligation it booked. A restart goes on with the days left.
 */
@Configuration(proxyBeanMethods = false)
class InterestAssessmentRetention {

	private static final Logger log = LoggerFactory.getLogger(InterestAssessmentRetention.class);

	@Bean
	Step interestAssessmentRetentionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet interestAssessmentRetentionTasklet) {
		return new StepBuilder("interestAssessmentRetentionStep", jobRepository)
			.tasklet(interestAssessmentRetentionTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	Tasklet interestAssessmentRetentionTasklet(JdbcClient jdbc,
			@Value("#{jobParameters['olderThan']}") LocalDateTime olderThan) {
		// the job's cut-off is in the JVM's zone, as Spring Batch keeps times; runs keep instants
		Timestamp cutoff = Timestamp.from(olderThan.atZone(ZoneId.systemDefault()).toInstant());
		return (contribution, chunkContext) -> {
			Optional<LocalDate> day = jdbc.sql("""
					UPDATE batch.interest_run SET assessments_removed_at = now()
					WHERE assessed_for = (SELECT min(assessed_for) FROM batch.interest_run
						WHERE completed_at < :cutoff AND assessments_removed_at IS NULL)
					RETURNING assessed_for
					""").param("cutoff", cutoff).query(LocalDate.class).optional();
			if (day.isEmpty()) {
				return RepeatStatus.FINISHED;
			}
			int removed = jdbc.sql("DELETE FROM batch.interest_assessment WHERE assessed_for = :day")
				.param("day", day.get())
				.update();
			contribution.incrementWriteCount(removed);
			log.info("Removed the interest assessments of a day olderThan={} day={} assessments={}", olderThan,
					day.get(), removed);
			return RepeatStatus.CONTINUABLE;
		};
	}

}
