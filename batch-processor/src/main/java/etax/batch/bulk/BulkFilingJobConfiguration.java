package etax.batch.bulk;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import etax.batch.BatchProcessorProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code bulkFilingJob}: files every item of one uploaded batch through declaration-api. A partitioned
 * step, {@code bulkFilingStep}, runs one partition per part of the batch (by taxpayer, fixed when it was
 * stored: {@link ItemPartitions}), each filed by the chunk-oriented {@code bulkFilingWorkerStep} on a
 * thread of {@link BulkFilingWorkers} or, with {@code etax.batch.bulk.remote.enabled}, of a worker process
 * ({@link RemotePartitioning}).
 * <ul>
 * <li><b>Input</b>: {@code batch.bulk_item} rows of the batch still {@code PENDING}, in item order within a
 * part, paged by item number: one taxpayer's returns are filed one after the other.</li>
 * <li><b>Output</b>: each item's outcome in its row (receipt, transaction code and findings, or problem);
 * the returns themselves, receipts and per-item notices are declaration-api's, filed through
 * {@code POST /api/v1/returns:batch} as the batch's filer; the batch's {@code BatchCompleted} notice at the
 * end ({@link BatchLifecycle}).</li>
 * <li><b>Validation</b>: the upload was checked before it was stored (size, zip safety, names, counts);
 * each return is validated by declaration-api exactly as a single filing, and a bad one is an outcome.</li>
 * <li><b>Skip</b>: none, on purpose. The writer never throws for an item (see {@link BulkFilingWriter}),
 * so nothing could be skipped but a whole chunk in an outage, which would hide it.</li>
 * <li><b>Retry</b>: declaration-api's outages are retried by {@link DeclarationApi} with back-off; after
 * that the chunk rolls back and the step fails; no fault-tolerant step, so no chunk scanning.</li>
 * <li><b>Restart</b>: restartable, one job instance per batch (identifying parameter {@code batchId}). The
 * reader keeps no position ({@code saveState(false)}): a restart reads the part's items still
 * {@code PENDING}; a chunk that was sent but not committed is sent again, and declaration-api answers its
 * items with their original receipts (idempotency keys of batch id and item number), so every item is
 * filed exactly once. Completed partitions are not run again; the others keep their parts.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BulkFilingJobConfiguration {

	static final String JOB_NAME = "bulkFilingJob";

	static final String WORKER_STEP = "bulkFilingWorkerStep";

	static final String BATCH_ID = "batchId";

	private static final String PART = "part";

	static JobParameters parameters(UUID batchId) {
		return new JobParametersBuilder().addString(BATCH_ID, batchId.toString()).toJobParameters();
	}

	static UUID batchId(JobParameters parameters) {
		return UUID.fromString(parameters.getString(BATCH_ID));
	}

	@Bean
	Job bulkFilingJob(JobRepository jobRepository, Step bulkFilingStep, BatchLifecycle lifecycle) {
		return new JobBuilder(JOB_NAME, jobRepository).validator(BulkFilingJobConfiguration::validate)
			.listener(lifecycle)
			.start(bulkFilingStep)
			.build();
	}

	private static void validate(JobParameters parameters) throws InvalidJobParametersException {
		JobParameter<?> batchId = parameters.getParameter(BATCH_ID);
		if (batchId == null || !(batchId.value() instanceof String id) || !batchId.identifying()
				|| !id.matches("[0-9a-f-]{36}")) {
			throw new InvalidJobParametersException("batchId, an identifying UUID, is required");
		}
	}

	/**
	 * The partitions run on this process's {@link BulkFilingWorkers}, or, with
	 * {@code etax.batch.bulk.remote.enabled}, on worker processes ({@link RemotePartitioning}).
	 */
	@Bean
	Step bulkFilingStep(JobRepository jobRepository, Step bulkFilingWorkerStep, Partitioner bulkFilingPartitioner,
			BulkFilingWorkers workers, ObjectProvider<RemotePartitionHandler> remote) {
		// no grid size: the parts were fixed when the batch was stored (etax.batch.bulk.partitions then)
		PartitionStepBuilder step = new StepBuilder("bulkFilingStep", jobRepository)
			.partitioner(WORKER_STEP, bulkFilingPartitioner)
			.step(bulkFilingWorkerStep);
		RemotePartitionHandler handler = remote.getIfAvailable();
		return ((handler != null) ? step.partitionHandler(handler) : step.taskExecutor(workers.executor())).build();
	}

	@Bean
	Step bulkFilingWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ItemToFile> bulkFilingReader, BulkFilingWriter bulkFilingWriter,
			BatchProcessorProperties properties) {
		return new StepBuilder(WORKER_STEP, jobRepository)
			.<ItemToFile, ItemToFile>chunk(properties.bulk().chunkSize())
			.transactionManager(transactionManager)
			.reader(bulkFilingReader)
			.writer(bulkFilingWriter)
			.listener(new PartitionOutages())
			.build();
	}

	/** One partition per part of the batch's items, as they were assigned when it was stored ({@link ItemPartitions}). */
	@Bean
	@StepScope
	Partitioner bulkFilingPartitioner(ItemRepository items,
			@Value("#{jobParameters['batchId']}") String batchId) {
		return (ignoredGridSize) -> {
			Map<String, ExecutionContext> parts = new HashMap<>();
			for (int part : items.parts(UUID.fromString(batchId))) {
				ExecutionContext context = new ExecutionContext();
				context.putInt(PART, part);
				parts.put(PART + part, context);
			}
			return parts;
		};
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<ItemToFile> bulkFilingReader(DataSource dataSource,
			@Value("#{jobParameters['batchId']}") String batchId, @Value("#{stepExecutionContext['part']}") int part,
			BatchProcessorProperties properties) throws Exception {
		return new JdbcPagingItemReaderBuilder<ItemToFile>().name("bulkFilingReader")
			.dataSource(dataSource)
			.selectClause("SELECT item_no, octet_length(content) AS length")
			.fromClause("FROM batch.bulk_item")
			.whereClause("WHERE batch_id = :batchId AND part = :part AND status = 'PENDING'")
			.sortKeys(Map.of("item_no", Order.ASCENDING))
			.parameterValues(Map.of("batchId", UUID.fromString(batchId), "part", part))
			.pageSize(properties.bulk().chunkSize())
			.rowMapper((rs, rowNum) -> new ItemToFile(rs.getInt(1), rs.getInt(2)))
			.saveState(false)
			.build();
	}

	@Bean
	@StepScope
	BulkFilingWriter bulkFilingWriter(@Value("#{jobParameters['batchId']}") String batchId,
			DeclarationApi declarationApi, BatchRepository batches, ItemRepository items, OutcomeRepository outcomes,
			MeterRegistry meters, Clock clock) {
		return new BulkFilingWriter(UUID.fromString(batchId), declarationApi, batches, items, outcomes, meters, clock);
	}

}
