package etax.payment.confirmation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record of {@code bank.payment-confirmations.v1} that was not recorded, kept with the reason it
 * was also sent to the dead-letter topic with.
 *
 * @param id the gateway's id of the rejection
 * @param reason the stable reason code ({@code malformed-json}, {@code invalid-mst}, {@code conflict}, …)
 * @param detail what rule was broken, in words
 * @param receivedAt when it was rejected
 * @param source where it was read
 * @param key the record key as received (an MST, personal data)
 * @param value the record value as received
 */
public record RejectedMessage(long id, String reason, String detail, Instant receivedAt, MessagePosition source,
		@Nullable String key, @Nullable String value) {

}
