package etax.batch.console.batches;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** How long a batch or a job execution took, as people read it. */
final class Durations {

	private Durations() {
	}

	/**
	 * @param start when it started
	 * @param end when it ended, null while it runs
	 * @return how long, as 1h 02m 03s
	 */
	static String between(@Nullable Instant start, @Nullable Instant end) {
		if (start == null || end == null) {
			return "";
		}
		Duration taken = Duration.between(start, end);
		if (taken.toHours() > 0) {
			return String.format("%dh %02dm %02ds", taken.toHours(), taken.toMinutesPart(), taken.toSecondsPart());
		}
		return (taken.toMinutes() > 0) ? String.format("%dm %02ds", taken.toMinutes(), taken.toSecondsPart())
				: String.format("%d.%03ds", taken.toSeconds(), taken.toMillisPart());
	}

}
