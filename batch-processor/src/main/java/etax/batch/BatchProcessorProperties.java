package etax.batch;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the batch-processor ({@code etax.batch.*}), one nested record per feature.
 *
 * @param summary the daily filing summary
 * @param reconciliation the three-way reconciliation
 */
@Validated
@ConfigurationProperties("etax.batch")
public record BatchProcessorProperties(@DefaultValue @Valid Summary summary,
		@DefaultValue @Valid Reconciliation reconciliation) {

	/**
	 * @param chunkSize rows of the summary written per transaction
	 * @param schedule when the job runs by itself
	 */
	public record Summary(@DefaultValue("100") @Min(1) @Max(10_000) int chunkSize,
			@DefaultValue @Valid Schedule schedule) {
	}

	/**
	 * @param gatewayUrl where payment-gateway's API is, for correction requests
	 * @param gatewayTimeout how long a call to the gateway may take
	 * @param inbox the watched directory for daily files; none when absent
	 * @param inboxPollInterval how often the directory is looked at
	 * @param maxWaitDays how many days the schedule waits for a day's files before running it without them
	 * @param reopenWindowDays how far back the schedule looks for days not run or reopened
	 * @param schedule when the pending days run by themselves
	 */
	public record Reconciliation(@DefaultValue("http://localhost:8082") @NotBlank String gatewayUrl,
			@DefaultValue("10s") Duration gatewayTimeout, @Nullable Path inbox,
			@DefaultValue("30s") Duration inboxPollInterval, @DefaultValue("3") @Min(0) int maxWaitDays,
			@DefaultValue("31") @Min(1) @Max(366) int reopenWindowDays,
			@DefaultValue @Valid Schedule schedule) {
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
