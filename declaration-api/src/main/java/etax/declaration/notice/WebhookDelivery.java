package etax.declaration.notice;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One notice for one webhook: pending until a 2xx answer, failed after the last retry. */
public record WebhookDelivery(long id, UUID returnId, String status, int attempts, Instant nextAttemptAt,
		@Nullable String lastError, @Nullable Instant deliveredAt) {

}
