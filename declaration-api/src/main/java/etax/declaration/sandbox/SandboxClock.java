package etax.declaration.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The service's clock in the sandbox: the system clock, except on a thread serving a request that asked
 * for another time ({@link SandboxScenarios#RECEIVED_AT}). That request sees time run from the instant it
 * asked for, at the normal pace: its postmark, deadlines, "not in the future" and the dates it stores all
 * follow. Other requests are not affected.
 */
final class SandboxClock extends Clock {

	private static final ThreadLocal<Duration> SHIFT = new ThreadLocal<>();

	private final Clock system;

	SandboxClock(Clock system) {
		this.system = Objects.requireNonNull(system, "system");
	}

	/**
	 * Runs the rest of a request on this thread with the clock set to an instant.
	 * @param at the instant the request starts at
	 * @param request the request's work
	 */
	void runAt(Instant at, Work request) throws Exception {
		Duration previous = SHIFT.get();
		SHIFT.set(Duration.between(this.system.instant(), at));
		try {
			request.run();
		}
		finally {
			restore(previous);
		}
	}

	private static void restore(@Nullable Duration previous) {
		if (previous == null) {
			SHIFT.remove();
		}
		else {
			SHIFT.set(previous);
		}
	}

	@Override
	public Instant instant() {
		Duration shift = SHIFT.get();
		return (shift != null) ? this.system.instant().plus(shift) : this.system.instant();
	}

	@Override
	public ZoneId getZone() {
		return this.system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new SandboxClock(this.system.withZone(zone));
	}

	/** A request's work, which may throw what a servlet filter chain throws. */
	interface Work {

		void run() throws Exception;

	}

}
