package etax.batch.service;

/** No service token now: none is configured, or the identity provider does not issue one. */
public class ServiceTokenException extends RuntimeException {

	private final boolean unavailable;

	ServiceTokenException(String message) {
		this(message, false);
	}

	ServiceTokenException(String message, boolean unavailable) {
		super(message);
		this.unavailable = unavailable;
	}

	/**
	 * Whether the identity provider could not be reached or failed (5xx): an outage, a token may come later, rather
	 * than a refusal of this service's credentials or a registration missing.
	 */
	public boolean isUnavailable() {
		return this.unavailable;
	}

}
