package etax.batch.service;

/** No service token now: none is configured, or the identity provider does not issue one. */
public class ServiceTokenException extends RuntimeException {

	ServiceTokenException(String message) {
		super(message);
	}

}
