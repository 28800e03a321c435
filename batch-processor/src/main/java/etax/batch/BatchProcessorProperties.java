package etax.batch;

import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the batch-processor ({@code etax.batch.*}), one nested record per feature.
 *
 * @param summary the daily filing summary
 * @param interest the daily assessment of late-payment interest
 * @param retention the removal of old Spring Batch metadata and of the returns of old bulk batches
 * @param bulk bulk filings
 * @param reconciliation the three-way reconciliation
 * @param console the officers' console
 */
@Validated
@ConfigurationProperties("etax.batch")
public record BatchProcessorProperties(@DefaultValue @Valid Summary summary, @DefaultValue @Valid Interest interest,
		@DefaultValue @Valid Retention retention, @DefaultValue @Valid Bulk bulk,
		@DefaultValue @Valid Reconciliation reconciliation, @DefaultValue @Valid Console console) {

	/**
	 * The officers' console under {@code /console} (docs/adr/0015-officers-console.md). It calls
	 * payment-gateway at {@code reconciliation.gateway-url} and declaration-api at
	 * {@code bulk.declaration-api.url}, with the signed-in officer's token.
	 * @param localTokens whether the sign-in page tells how to get a token locally ({@code ./etax token
	 * officer}); only for the local run
	 * @param pageSize rows per page of every list
	 */
	public record Console(@DefaultValue("false") boolean localTokens, @DefaultValue("50") @Min(10) @Max(500) int pageSize) {
	}

	/**
	 * @param chunkSize rows of the summary written per transaction
	 * @param schedule when the job runs by itself
	 */
	public record Summary(@DefaultValue("100") @Min(1) @Max(10_000) int chunkSize,
			@DefaultValue @Valid Schedule schedule) {
	}

	/**
	 * The rate and the sub-items of interest are reference data in the database
	 * ({@code batch.interest_rate}, {@code batch.interest_sub_item}); these are the job's own settings.
	 * @param chunkSize payable items assessed per transaction
	 * @param partitions how many parts of the items are assessed side by side, each on its own
	 * connections (two per part: its cursor's and its chunks'), at most 7 so that they and the day's lock fit the
	 * pool of 16 (more would wait for each other's connections until every part timed out, on every restart)
	 * @param rounding how the accrued interest is rounded to whole đồng
	 * @param confirmationGraceDays days the schedule leaves after a day ends before assessing it, so
	 * that the banks' confirmations dated that day have reached the ledger (interest once published is
	 * never taken back)
	 * @param maxCatchUpDays the most days one catch-up runs one by one; interest of older missed days is
	 * assessed with the first day it runs
	 * @param schedule when the catch-up runs by itself
	 * @param publicationTimeout how long the broker may take to acknowledge a page of the day's
	 * assessments ({@code chunkSize} of them) before the run fails, to be restarted
	 */
	public record Interest(@DefaultValue("2000") @Min(1) @Max(50_000) int chunkSize,
			@DefaultValue("2") @Min(1) @Max(7) int partitions, @DefaultValue("HALF_UP") @NotNull RoundingMode rounding,
			@DefaultValue("1") @Min(0) @Max(30) int confirmationGraceDays,
			@DefaultValue("31") @Min(1) @Max(366) int maxCatchUpDays, @DefaultValue @Valid Schedule schedule,
			@DefaultValue("60s") @NotNull Duration publicationTimeout) {
	}

	/**
	 * @param maxAge job executions that ended longer ago than this are removed with their steps, contexts
	 * and parameters (a job instance goes with its last execution), and so are the returns of bulk batches
	 * completed longer ago (their items' outcomes stay); a bare number is days, and less than 32 days is refused
	 * at start (the interest job catches up 31 days, and {@code 90} meant as days once read as 90 ms)
	 * @param batchSize executions or bulk items removed per transaction
	 * @param schedule when the removal runs by itself
	 */
	public record Retention(
			@DefaultValue("90d") @NotNull @DurationUnit(ChronoUnit.DAYS) @DurationMin(days = 32) Duration maxAge,
			@DefaultValue("500") @Min(1) @Max(10_000) int batchSize, @DefaultValue @Valid Schedule schedule) {
	}

	/**
	 * @param gatewayUrl where payment-gateway's API is, for correction requests
	 * @param gatewayTimeout how long a call to the gateway may take
	 * @param inbox the watched directory for daily files; none when absent
	 * @param inboxPollInterval how often the directory is looked at
	 * @param maxWaitDays how many days the schedule waits for a day's files before running it without them
	 * @param reopenWindowDays how far back the schedule looks for days not run or reopened
	 * @param schedule when the pending days run by themselves
	 * @param collectingAgencyOffices the tax office (the 5-digit code of officers' tokens and of returns'
	 * {@code maCQTNoiNop}) that works the lines of each collecting agency ({@code MA_CQTHU} on vouchers, 3 to 7
	 * digits), e.g. {@code collecting-agency-offices.1054523=99999}; the lines of an agency not listed are of the
	 * office {@code agency <code>}, which no officer's is, so that only national officers see them
	 * @param earliestDay the earliest business day that may be reconciled; when absent, ten years before
	 * today in Asia/Ho_Chi_Minh (the collection limit of tax years, docs/adr/0005-bank-messages.md)
	 * @param withdrawalInterval how often correction requests rejected or withdrawn here are withdrawn at the
	 * gateway, until it answers (read by {@code @Scheduled}; off with the schedule)
	 * @param maxFileSize the largest daily file imported, a bank's or the treasury's, over HTTP or from the inbox: a
	 * file is read before its signature can be checked, so a larger one is refused as it is read (413
	 * {@code reconciliation-file-too-large}; in the inbox, set aside in {@code rejected/}), nothing of it kept. The
	 * default holds a day of a big bank: the benchmark's bank file of 1,000,000 voucher lines is 547 MB
	 * @param valueDateWindowDays how many days after a payment's date the treasury may value it and still be its
	 * line's treasury leg: a statement row valued on or after the payment date and at most this many days after it
	 * is matched to the tax line of its posting, on the payment's day (a weekend, a holiday, an after-cut-off
	 * payment; the treasury closes up to 9 days at Tết); 0 matches legs within a day only
	 */
	public record Reconciliation(@DefaultValue("http://localhost:8082") @NotBlank String gatewayUrl,
			@DefaultValue("10s") Duration gatewayTimeout, @Nullable Path inbox,
			@DefaultValue("30s") Duration inboxPollInterval, @DefaultValue("3") @Min(0) int maxWaitDays,
			@DefaultValue("31") @Min(1) @Max(366) int reopenWindowDays,
			@DefaultValue @Valid Schedule schedule,
			@DefaultValue Map<@Pattern(regexp = "\\d{3,7}") String,
					@Pattern(regexp = "\\d{5}") String> collectingAgencyOffices,
			@Nullable LocalDate earliestDay, @DefaultValue("5s") Duration withdrawalInterval,
			@DefaultValue("1GB") @NotNull DataSize maxFileSize,
			@DefaultValue("10") @Min(0) @Max(31) int valueDateWindowDays) {

		public Reconciliation {
			if (maxFileSize.toBytes() < 1) {
				throw new IllegalArgumentException("etax.batch.reconciliation.max-file-size must be at least one byte");
			}
		}

	}

	/**
	 * Read where Spring needs them as properties ({@code @ConditionalOnBooleanProperty},
	 * {@code @Scheduled(cron = "${...}")}); bound here so that they are documented and a blank cron fails
	 * start-up.
	 * @param enabled whether the daily run is scheduled at all (off in tests)
	 * @param cron a Spring cron expression, evaluated in Asia/Ho_Chi_Minh
	 */
	public record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 0 * * *") @NotBlank String cron) {
	}

	/**
	 * Bulk filings (docs/adr/0013-bulk-filing.md).
	 * @param limits what one uploaded batch may be, published at {@code GET /api/v1/limits}
	 * @param chunkSize items filed per chunk: one request to declaration-api, one transaction here; at most 500,
	 * the most items declaration-api takes in one request (a larger chunk would be refused whole, 400)
	 * @param partitions the parts a batch is split into when it is stored, by taxpayer, each filed by a worker
	 * thread
	 * @param workerThreads threads filing partitions, shared by the batches of this process
	 * @param concurrentBatches batches this process runs at once; the others wait their turn
	 * @param declarationApi where, and as which service, the items are filed
	 * @param resume how the batches of a process that died are taken over
	 * @param remote partitions filed by other processes, over Kafka, instead of this process's threads
	 * @param uploadsInMemory the most bytes the uploads being received hold in memory at once, in all: each
	 * its file and the returns taken out of it until they are stored. An upload that cannot have its share at
	 * once is refused (503 {@code batch-uploads-busy}, {@code Retry-After}), one that needs more than all of
	 * it as too large (413). The default is a safe share of a 1 GB heap, and holds one upload at the other
	 * defaults' largest (100 MB file, 128 MB of returns); published at {@code GET /api/v1/limits}
	 */
	public record Bulk(@DefaultValue @Valid Limits limits, @DefaultValue("100") @Min(1) @Max(500) int chunkSize,
			@DefaultValue("8") @Min(1) @Max(64) int partitions, @DefaultValue("8") @Min(1) @Max(64) int workerThreads,
			@DefaultValue("2") @Min(1) @Max(16) int concurrentBatches,
			@DefaultValue @Valid DeclarationApi declarationApi, @DefaultValue @Valid Resume resume,
			@DefaultValue @Valid Remote remote, @DefaultValue("256MB") @NotNull DataSize uploadsInMemory) {
	}

	/**
	 * Limits of one batch, separate from the single-return limit of declaration-api.
	 * @param maxUploadSize the largest file accepted (413 above)
	 * @param maxItems the most returns in a batch
	 * @param maxItemSize the largest return in a batch, uncompressed
	 * @param maxUncompressedSize the most bytes a zip may expand to, all entries together; held in memory
	 * with the file until stored, so within {@link Bulk#uploadsInMemory} with it
	 * @param maxCompressionRatio the most an entry may expand relative to its compressed bytes
	 * @param minUploadRate the fewest bytes a second an upload must average once it has taken
	 * {@link etax.batch.bulk.UploadPace#GRACE}: a slower one is refused (408), since the memory of uploads it holds
	 * meanwhile is refused to others
	 */
	public record Limits(@DefaultValue("100MB") @NotNull DataSize maxUploadSize,
			@DefaultValue("10000") @Min(1) @Max(100_000) int maxItems, @DefaultValue("5MB") @NotNull DataSize maxItemSize,
			@DefaultValue("128MB") @NotNull DataSize maxUncompressedSize,
			@DefaultValue("100") @Min(2) @Max(10_000) int maxCompressionRatio,
			@DefaultValue("16KB") @NotNull DataSize minUploadRate) {
	}

	/**
	 * @param url declaration-api's base URL
	 * @param token a static bearer token of role SERVICE, for tests: used only without the OAuth2 client registration
	 * {@code declaration-api}, which fetches and renews one with the client-credentials grant (the local run's and
	 * deployments' way)
	 * @param timeout the longest wait for one request
	 * @param maxRequestSize the most bytes of returns sent in one request; a chunk is split to stay below
	 * @param retries attempts after the first when declaration-api cannot be reached or is unavailable
	 * @param retryDelay the wait before the first retry, doubled for each next one
	 */
	public record DeclarationApi(@DefaultValue("http://localhost:8081") @NotNull URI url, @DefaultValue("") String token,
			@DefaultValue("120s") @NotNull Duration timeout, @DefaultValue("8MB") @NotNull DataSize maxRequestSize,
			@DefaultValue("3") @Min(0) @Max(10) int retries, @DefaultValue("1s") @NotNull Duration retryDelay) {
	}

	/**
	 * @param heartbeat how often a process marks the batches it runs as alive (database time)
	 * @param lease how long a batch without a heartbeat waits before another process takes it over
	 * @param check how often a process looks for such batches
	 * @param maxAttempts runs of one batch (start, restarts, take-overs) before it is left FAILED for an
	 * officer
	 */
	public record Resume(@DefaultValue("5s") @NotNull Duration heartbeat, @DefaultValue("60s") @NotNull Duration lease,
			@DefaultValue("10s") @NotNull Duration check, @DefaultValue("5") @Min(1) @Max(100) int maxAttempts) {
	}

	/**
	 * Remote partitions (docs/adr/0013-bulk-filing.md): a process that runs a batch's job sends each of its
	 * partitions to a topic, and worker processes file them. Each part is filed by one worker at a time;
	 * parallelism across workers is at most the topic's partition count.
	 * @param enabled this process's bulk jobs send their partitions to {@code topic} rather than to its own
	 * threads
	 * @param worker this process files partitions from {@code topic}, {@code workerThreads} at a time
	 * @param topic where partitions are sent
	 * @param pollInterval how often the job's process reads the job repository for its partitions' end
	 * @param timeout how long it waits for them; then the step fails and the batch is run again later
	 * @param maxPartitionTime the longest one partition may take on a worker before Kafka gives it to
	 * another (the consumer's {@code max.poll.interval.ms})
	 */
	public record Remote(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean worker,
			@DefaultValue("etax.batch.bulk-partitions.v1") @NotBlank String topic,
			@DefaultValue("1s") @NotNull Duration pollInterval, @DefaultValue("24h") @NotNull Duration timeout,
			@DefaultValue("30m") @NotNull Duration maxPartitionTime) {
	}

}
