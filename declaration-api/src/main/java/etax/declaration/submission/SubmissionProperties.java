package etax.declaration.submission;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Settings of the submission of returns ({@code etax.declaration.submission.*}).
 *
 * @param transactionCodePrefix the 3-digit prefix of every transaction code this installation issues
 * @param maxReturnSize the largest single return accepted; larger bodies get 413, larger items of a batch a
 * 413 problem of their own
 * @param batch the batch-of-returns endpoint that batch-processor files bulk submissions through
 * @param groupCommit how single filings that arrive together share a transaction
 */
@Validated
@ConfigurationProperties("etax.declaration.submission")
record SubmissionProperties(@DefaultValue("108") @Pattern(regexp = "\\d{3}") String transactionCodePrefix,
		@DefaultValue("5MB") DataSize maxReturnSize, @DefaultValue @Valid Batch batch,
		@DefaultValue @Valid GroupCommit groupCommit) {

	/**
	 * @param maxItems the most returns in one request
	 * @param maxRequestSize the largest request body (the returns are base64 in JSON, a third larger)
	 * @param services the subjects of the {@code SERVICE} callers that may file for others; any other
	 * service token is refused (403)
	 */
	record Batch(@DefaultValue("500") @Min(1) @Max(10_000) int maxItems, @DefaultValue("64MB") DataSize maxRequestSize,
			@DefaultValue("batch-processor") List<String> services) {

	}

	/**
	 * @param committers threads that file groups, each one transaction at a time: while one commits, the
	 * next group gathers
	 * @param maxReturns the most returns in one group
	 */
	record GroupCommit(@DefaultValue("2") @Min(1) @Max(16) int committers, @DefaultValue("64") @Min(1) @Max(500) int maxReturns) {

	}

}
