package etax.declaration.notice;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A webhook as its filer lists it: everything but the secret, which is shown only when registered or replaced, and
 * whether its receiver is answering.
 *
 * @param id the webhook
 * @param url where the notices are POSTed
 * @param taxpayer the MST of the taxpayer that registered it for itself, whose notices it also receives
 * @param createdAt when it was registered
 * @param failures how many times in a row an attempt got no answer (no connection, none in time, 5xx, 408 or 429)
 * and paused it; attempts that fail while it is paused do not count
 * @param pausedUntil while it fails, when its deliveries are tried again: each failure doubles the pause, from the
 * first retry's delay up to the longest, and the receiver's first answer ends it
 */
public record WebhookView(UUID id, String url, @Nullable String taxpayer, Instant createdAt, int failures,
		@Nullable Instant pausedUntil) {

}
