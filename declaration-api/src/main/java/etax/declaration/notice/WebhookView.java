package etax.declaration.notice;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A webhook as its filer lists it: everything but the secret, which is shown only when registered or replaced.
 *
 * @param id the webhook
 * @param url where the notices are POSTed
 * @param taxpayer the MST of the taxpayer that registered it for itself, whose notices it also receives
 * @param createdAt when it was registered
 */
public record WebhookView(UUID id, String url, @Nullable String taxpayer, Instant createdAt) {

	static WebhookView of(Webhook webhook) {
		return new WebhookView(webhook.id(), webhook.url(), webhook.taxpayer(), webhook.createdAt());
	}

}
