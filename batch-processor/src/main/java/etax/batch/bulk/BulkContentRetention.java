package etax.batch.bulk;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;

import etax.batch.BatchProcessorProperties;
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
 * {@code bulkContentRetentionStep}, a step of the retention job: the batch's own copies of returns of
 * batches ended (completed or cancelled) before the job's {@code olderThan} go (each decided item's
 * content, and the upload); declaration-api keeps every return as filed, and the items keep their outcomes. A {@code FAILED} item
 * keeps its return, to be filed again. Each call clears at most {@code etax.batch.retention.batch-size}
 * items in its own transaction, {@code CONTINUABLE} until nothing is left, so a restart goes on with what
 * is left.
 */
@Configuration(proxyBeanMethods = false)
class BulkContentRetention {

	private static final Logger log = LoggerFactory.getLogger(BulkContentRetention.class);

	@Bean
	Step bulkContentRetentionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet bulkContentRetentionTasklet) {
		return new StepBuilder("bulkContentRetentionStep", jobRepository)
			.tasklet(bulkContentRetentionTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	Tasklet bulkContentRetentionTasklet(JdbcClient jdbc, BatchProcessorProperties properties,
			@Value("#{jobParameters['olderThan']}") LocalDateTime olderThan) {
		// the job's cut-off is in the JVM's zone, as Spring Batch keeps times; batches keep instants
		Timestamp cutoff = Timestamp.from(olderThan.atZone(ZoneId.systemDefault()).toInstant());
		int batchSize = properties.retention().batchSize();
		return (contribution, chunkContext) -> {
			int items = jdbc.sql("""
					UPDATE batch.bulk_item SET content = NULL
					WHERE (batch_id, item_no) IN (SELECT i.batch_id, i.item_no
						FROM batch.bulk_batch b JOIN batch.bulk_item i ON i.batch_id = b.id
						WHERE b.status IN ('COMPLETED', 'CANCELLED') AND b.completed_at < :cutoff AND i.content IS NOT NULL
							AND i.status IN ('ACCEPTED', 'NOT_ACCEPTED', 'NOT_RECEIVED', 'CANCELLED')
						LIMIT :limit)
					""").param("cutoff", cutoff).param("limit", batchSize).update();
			int uploads = jdbc.sql("""
					DELETE FROM batch.bulk_upload WHERE batch_id IN (SELECT id FROM batch.bulk_batch
						WHERE status IN ('COMPLETED', 'CANCELLED') AND completed_at < :cutoff)
					""").param("cutoff", cutoff).update();
			if (items == 0 && uploads == 0) {
				return RepeatStatus.FINISHED;
			}
			contribution.incrementWriteCount(items);
			log.info("Removed the returns of completed batches olderThan={} items={} uploads={}", olderThan, items,
					uploads);
			return RepeatStatus.CONTINUABLE;
		};
	}

}
