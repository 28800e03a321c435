package etax.batch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the batch-processor ({@code etax.batch.*}), one nested record per feature.
 *
 * @param summary the daily filing summary
 */
@Validated
@ConfigurationProperties("etax.batch")
public record BatchProcessorProperties(@DefaultValue @Valid Summary summary) {

	/**
	 * @param chunkSize rows of the summary written per transaction
	 * @param schedule when the job runs by itself
	 */
	public record Summary(@DefaultValue("100") @Min(1) @Max(10_000) int chunkSize,
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
