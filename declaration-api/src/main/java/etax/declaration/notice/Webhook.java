package etax.declaration.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * A filer's endpoint for notices. The secret signs every delivery (HMAC-SHA256, header
 * {@value Notices#SIGNATURE_HEADER}); it is shown once, when the webhook is registered.
 */
public record Webhook(UUID id, String filer, String url, String secret, Instant createdAt) {

	@Override
	public String toString() {
		return "Webhook[" + this.id + ", " + this.url + "]";
	}

}
