package etax.batch;

import java.math.RoundingMode;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the batch-processor ({@code etax.batch.*}), one nested record per feature.
 *
 * @param summary the daily filing summary
 * @param interest the daily assessment of late-payment interest
 * @param retention the removal of old Spring Batch metadata
 */
@Validated
@ConfigurationProperties("etax.batch")
public record BatchProcessorProperties(@DefaultValue @Valid Summary summary, @DefaultValue @Valid Interest interest,
		@DefaultValue @Valid Retention retention) {

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
	 * connections (two per part)
	 * @param rounding how the accrued interest is rounded to whole đồng
	 * @param confirmationGraceDays days the schedule leaves after a day ends before assessing it, so
	 * that the banks' confirmations dated that day have reached the ledger (interest once published is
	 * never taken back)
	 * @param maxCatchUpDays the most days one catch-up runs one by one; interest of older missed days is
	 * assessed with the first day it runs
	 * @param schedule when the catch-up runs by itself
	 */
	public record Interest(@DefaultValue("2000") @Min(1) @Max(50_000) int chunkSize,
			@DefaultValue("2") @Min(1) @Max(16) int partitions, @DefaultValue("HALF_UP") @NotNull RoundingMode rounding,
			@DefaultValue("1") @Min(0) @Max(30) int confirmationGraceDays,
			@DefaultValue("31") @Min(1) @Max(366) int maxCatchUpDays, @DefaultValue @Valid Schedule schedule) {
	}

	/**
	 * @param maxAge job executions that ended longer ago than this are removed with their steps, contexts
	 * and parameters; a job instance goes with its last execution
	 * @param batchSize executions removed per transaction
	 * @param schedule when the removal runs by itself
	 */
	public record Retention(@DefaultValue("90d") @NotNull Duration maxAge,
			@DefaultValue("500") @Min(1) @Max(10_000) int batchSize, @DefaultValue @Valid Schedule schedule) {
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

}
