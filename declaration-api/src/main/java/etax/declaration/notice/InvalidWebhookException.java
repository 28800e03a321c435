package etax.declaration.notice;

/** A webhook the service refuses to call. Nothing was registered. */
public final class InvalidWebhookException extends RuntimeException {

	InvalidWebhookException(String message) {
		super(message);
	}

}
