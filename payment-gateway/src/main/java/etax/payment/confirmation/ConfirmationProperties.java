package etax.payment.confirmation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of confirmation recording ({@code etax.payment.confirmation.*}). Topic names are not here:
 * they are the published contract (ARCHITECTURE.md, "Kafka topics"), not a deployment choice.
 *
 * @param retryInterval the first wait before a poll whose recording failed (database down, say) is
 * tried again; the same poll is retried for ever, never skipped
 * @param maxRetryInterval the longest wait between two tries
 */
@Validated
@ConfigurationProperties("etax.payment.confirmation")
record ConfirmationProperties(@DefaultValue("1s") Duration retryInterval,
		@DefaultValue("30s") Duration maxRetryInterval) {

}
