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
	 * Sets this thread's clock to an instant until the returned shift is closed.
	 * @param at the instant the request starts at, or {@code null} to keep the real time
	 * @return the shift, to close when the request is done
	 */
	Shift shiftTo(@Nullable Instant at) {
		Duration previous = SHIFT.get();
		if (at != null) {
			SHIFT.set(Duration.between(this.system.instant(), at));
		}
		return () -> restore(previous);
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

	/** This thread's clock set to another time, until closed. */
	interface Shift extends AutoCloseable {

		@Override
		void close();

	}

}
