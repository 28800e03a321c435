package etax.declaration.taxpayer;

/** A registration the registry refuses, such as an MST with a wrong check digit. Nothing was stored. */
public final class InvalidRegistrationException extends RuntimeException {

	InvalidRegistrationException(String message) {
		super(message);
	}

}
