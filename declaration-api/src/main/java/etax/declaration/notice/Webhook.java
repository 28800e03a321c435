package etax.declaration.notice;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A filer's endpoint for notices. The secret signs every delivery (HMAC-SHA256, header
 * {@value Notices#SIGNATURE_HEADER}); it is shown once, when the webhook is registered.
 *
 * @param id the webhook
 * @param filer who registered it: the notices of its filings and of its batches come here
 * @param taxpayer the MST of a taxpayer that registered it for itself: the notices about that taxpayer (its monthly
 * arrears) come here too; none for an agent or a T-VAN
 * @param url where the notices are POSTed
 * @param secret the signing key, 64 hex digits
 * @param createdAt when it was registered: it receives the notices issued from then on
 */
public record Webhook(UUID id, String filer, @Nullable String taxpayer, String url, String secret, Instant createdAt) {

	@Override
	public String toString() {
		return "Webhook[" + this.id + ", " + this.url + "]";
	}

}
