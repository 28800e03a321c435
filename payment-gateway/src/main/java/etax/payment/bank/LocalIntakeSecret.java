package etax.payment.bank;

import java.util.Arrays;

/**
 * The intake secret shipped in {@code application.yml} for the local run, and where it may be used. It is
 * public: with it, anyone who can produce to the bank topic signs messages the listener takes as vouched for by
 * the gateway, for any bank. So it is accepted only where the dev banks are seeded
 * ({@code spring.flyway.locations} naming {@value #DEV_BANKS}): their private keys are in the repository too, so
 * such a gateway is a local run or a test by construction, and production, which leaves that folder out
 * (docs/adr/0005-bank-messages.md), refuses to start until {@code ETAX_INTAKE_SECRET} is set.
 */
final class LocalIntakeSecret {

	/** The value of {@code etax.payment.bank.intake-secret} when {@code ETAX_INTAKE_SECRET} is not set. */
	static final String VALUE = "dev-only-intake-secret-change-me-0123456789";

	/** The Flyway location of the dev banks, whose private keys are public. */
	static final String DEV_BANKS = "db/dev/payment";

	private LocalIntakeSecret() {
	}

	/**
	 * @param secret the configured intake secret
	 * @param flywayLocations {@code spring.flyway.locations}, comma-separated
	 * @throws IllegalStateException if the secret is the shipped one outside a local run
	 */
	static void refuseOutsideLocalRun(String secret, String flywayLocations) {
		boolean devBanks = Arrays.stream(flywayLocations.split(","))
			.map(String::strip)
			.anyMatch((location) -> location.endsWith(DEV_BANKS) || location.endsWith(DEV_BANKS + "/"));
		if (secret.equals(VALUE) && !devBanks) {
			throw new IllegalStateException("etax.payment.bank.intake-secret is the local run's public default: set "
					+ "ETAX_INTAKE_SECRET (at least 32 bytes, the same on every instance) outside the local run");
		}
	}

}
