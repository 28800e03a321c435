package etax.batch.interest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import javax.sql.DataSource;

import etax.batch.BatchProcessorProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code interestAssessmentPartitionStep}, the work of one partition of {@code interestAssessmentStep}:
 * chunk-oriented, with a step-scoped cursor reader, processor and writer per partition.
 */
@Configuration(proxyBeanMethods = false)
class InterestAssessmentPartitionConfiguration {

	@Bean
	Step interestAssessmentPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InterestBasisReader interestAssessmentReader,
			ItemProcessor<InterestBasis, Assessment> interestAssessmentProcessor,
			ItemWriter<Assessment> interestAssessmentWriter, BatchProcessorProperties properties) {
		return new StepBuilder(InterestAssessmentJobConfiguration.PARTITION_STEP, jobRepository)
			.<InterestBasis, Assessment>chunk(properties.interest().chunkSize())
			.transactionManager(transactionManager)
			.reader(interestAssessmentReader)
			.processor(interestAssessmentProcessor)
			.writer(interestAssessmentWriter)
			.build();
	}

	@Bean
	@StepScope
	InterestBasisReader interestAssessmentReader(DataSource dataSource, BatchProcessorProperties properties,
			@Value("#{jobParameters['assessedFor']}") LocalDate assessedFor,
			@Value("#{stepExecutionContext['partition']}") int partition,
			@Value("#{stepExecutionContext['partitions']}") int partitions) {
		return new InterestBasisReader(dataSource, assessedFor, partitions, partition, properties.interest().chunkSize());
	}

	@Bean
	@StepScope
	ItemProcessor<InterestBasis, Assessment> interestAssessmentProcessor(JdbcClient jdbc,
			BatchProcessorProperties properties, MeterRegistry meters,
			@Value("#{jobParameters['assessedFor']}") LocalDate assessedFor) {
		return new InterestAssessmentProcessor(InterestReference.load(jdbc), assessedFor,
				properties.interest().rounding(), meters);
	}

	/**
	 * The ledger is read after the partition step started, so its start time is a safe "read at" for
	 * the accruals: a change booked after it is seen as a change by the next run.
	 */
	@Bean
	@StepScope
	ItemWriter<Assessment> interestAssessmentWriter(InterestAccrualRepository accruals, InterestRunRepository runs,
			InterestAssessmentRepository assessments, Clock clock, MeterRegistry meters,
			@Value("#{jobParameters['assessedFor']}") LocalDate assessedFor,
			@Value("#{stepExecution.startTime}") LocalDateTime startTime) {
		return new InterestAssessmentWriter(accruals, runs, assessments, clock, assessedFor,
				startTime.atZone(ZoneId.systemDefault()).toInstant(), meters);
	}

}
