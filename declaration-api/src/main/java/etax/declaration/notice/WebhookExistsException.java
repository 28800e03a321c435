package etax.declaration.notice;

import java.util.UUID;

/** The filer registered a webhook with that URL before; nothing was registered now. */
public final class WebhookExistsException extends RuntimeException {

	private final UUID webhookId;

	WebhookExistsException(UUID webhookId) {
		super("You registered a webhook with this URL before; its secret was shown when it was registered");
		this.webhookId = webhookId;
	}

	/** The webhook registered before. */
	public UUID webhookId() {
		return this.webhookId;
	}

}
