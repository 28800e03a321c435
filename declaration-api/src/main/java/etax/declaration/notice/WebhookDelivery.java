package etax.declaration.notice;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One notice for one webhook: pending until a 2xx answer, failed after the last retry, cancelled when the webhook is
 * removed first.
 *
 * @param id the delivery
 * @param type the notice's type: {@code AcceptanceNotice}, {@code BatchCompleted} or {@code ArrearsNotified}
 * @param eventId the notice's {@code eventId}, which every attempt carries (none for deliveries queued before it was
 * recorded)
 * @param returnId the return an acceptance notice is about
 * @param status {@code PENDING}, {@code DELIVERED}, {@code FAILED} or {@code CANCELLED}
 * @param attempts how many requests were made
 * @param nextAttemptAt when the next one is due, while pending
 * @param lastError what the last failed attempt got
 * @param deliveredAt when a receiver answered 2xx
 */
public record WebhookDelivery(long id, String type, @Nullable UUID eventId, @Nullable UUID returnId, String status,
		int attempts, Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant deliveredAt) {

}
