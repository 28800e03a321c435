package etax.payment.confirmation;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

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
 * @param collectionAccounts the treasury accounts ({@code STK_THU}) a tax payment may be made to: by default
 * 7111, payments into the State budget (VN-ETAX §5.2); a payment or pending or failed confirmation to any
 * other account is refused ({@code unknown-treasury-account})
 * @param sentAtTolerance how far a bank's {@code sentAt} may be later than the gateway's receipt (a bank's
 * clock a little ahead): more is refused ({@code implausible-date}); 5 minutes by default. A payment date is
 * a Vietnamese date and may be a day ahead (a debit after a bank's evening cut-off); a send time is an
 * instant, and a bank cannot have sent what the gateway holds already
 */
@Validated
@ConfigurationProperties("etax.payment.confirmation")
record ConfirmationProperties(@DefaultValue("1s") Duration retryInterval,
		@DefaultValue("30s") Duration maxRetryInterval,
		@DefaultValue("7111") @NotEmpty Set<@Pattern(regexp = "\\d{4}") String> collectionAccounts,
		@DefaultValue("5m") Duration sentAtTolerance) {

}
