package etax.devstack;

import java.util.Map;

/**
 * The made-up data a service of the local run (and of tests that start the services as processes) migrates
 * besides its own schema: declaration-api's registry of example companies ({@code db/seed/declaration}) and
 * payment-gateway's dev banks, whose private keys are in this repository ({@code db/dev/payment}). Each is a
 * Flyway location that a deployment's defaults leave out.
 */
public final class LocalSeeds {

	private LocalSeeds() {
	}

	/**
	 * @param module {@code declaration-api}, {@code payment-gateway} or {@code batch-processor}
	 * @return the properties that add the module's local data to its migrations; none for a module without
	 */
	public static Map<String, Object> of(String module) {
		return switch (module) {
			case "declaration-api" -> Map.of("spring.flyway.locations",
					"classpath:db/migration/declaration,classpath:db/migration/outbox,classpath:db/seed/declaration");
			case "payment-gateway" -> Map.of("spring.flyway.locations",
					"classpath:db/migration/payment,classpath:db/migration/outbox,classpath:db/dev/payment");
			default -> Map.of();
		};
	}

}
