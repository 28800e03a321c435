package etax.declaration.taxpayer;

/**
 * A registration that contradicts what the registry holds: a certificate serial registered to another
 * taxpayer, a contract number used for another contract. Nothing was changed: the registry never moves a
 * certificate or a contract silently.
 */
public final class RegistrationConflictException extends RuntimeException {

	private RegistrationConflictException(String message) {
		super(message);
	}

	static RegistrationConflictException certificate() {
		return new RegistrationConflictException(
				"A certificate with this serial number is registered with other details or to another taxpayer");
	}

	static RegistrationConflictException contract() {
		return new RegistrationConflictException(
				"The agent has a contract with this number for another taxpayer or other dates");
	}

}
