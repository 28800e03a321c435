package etax.declaration.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * Settings of the submission of single returns ({@code etax.declaration.submission.*}).
 *
 * @param transactionCodePrefix the 3-digit prefix of every transaction code this installation issues
 * @param maxReturnSize the largest single return accepted; larger bodies get 413
 */
@Validated
@ConfigurationProperties("etax.declaration.submission")
record SubmissionProperties(@DefaultValue("108") @Pattern(regexp = "\\d{3}") String transactionCodePrefix,
		@DefaultValue("5MB") DataSize maxReturnSize) {

}
