package etax.declaration.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A failure the sandbox simulates for one request ({@link SandboxScenarios#SCENARIO}). */
enum Scenario {

	/**
	 * The service does the work, then the answer is lost on the way back (a 504, as from a proxy whose
	 * backend did not answer in time). The filer practises recovery: the same request again with the same
	 * {@code Idempotency-Key}, or {@code GET /api/v1/receipts?idempotencyKey=}, must give the original answer.
	 */
	LOST_RESPONSE,

	/** The service is down: 503 with {@code Retry-After}, nothing done. The filer practises retrying. */
	UNAVAILABLE;

	static Optional<Scenario> named(String name) {
		return Arrays.stream(values()).filter((s) -> s.name().equals(name.trim().toUpperCase(Locale.ROOT))).findFirst();
	}

}
