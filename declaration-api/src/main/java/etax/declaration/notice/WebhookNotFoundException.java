package etax.declaration.notice;

import java.util.UUID;

/** The caller has no webhook with this id. */
public final class WebhookNotFoundException extends RuntimeException {

	WebhookNotFoundException(UUID id) {
		super("No webhook " + id);
	}

}
