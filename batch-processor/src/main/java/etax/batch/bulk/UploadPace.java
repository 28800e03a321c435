package etax.batch.bulk;

import java.time.Duration;
import java.util.function.LongSupplier;

import etax.batch.bulk.BatchRefusedException.Reason;

/**
 * Holds an upload to the published minimum rate: once it has taken {@link #GRACE}, it must have averaged at least the
 * rate since it began, or it is refused. An upload takes its share of the memory of uploads before its bytes arrive,
 * so one that trickles in would refuse others that memory for as long as its sender likes.
 */
final class UploadPace {

	/** How long an upload may take before its rate counts: a slow start, a proxy's buffering. */
	static final Duration GRACE = Duration.ofSeconds(30);

	private final long minBytesPerSecond;

	private final LongSupplier nanoTime;

	private final long start;

	UploadPace(long minBytesPerSecond, LongSupplier nanoTime) {
		this.minBytesPerSecond = minBytesPerSecond;
		this.nanoTime = nanoTime;
		this.start = nanoTime.getAsLong();
	}

	static UploadPace started(long minBytesPerSecond) {
		return new UploadPace(minBytesPerSecond, System::nanoTime);
	}

	/**
	 * @param received the bytes received so far
	 * @throws BatchRefusedException {@code TOO_SLOW} when, past the grace, they average less than the rate
	 */
	void check(long received) {
		long elapsed = this.nanoTime.getAsLong() - this.start;
		if (elapsed <= GRACE.toNanos()) {
			return;
		}
		double seconds = elapsed / 1e9;
		if (received < this.minBytesPerSecond * seconds) {
			throw BatchRefusedException.of(Reason.TOO_SLOW, String.format("An upload must average at least %d bytes "
					+ "a second after its first %d seconds; this one sent %d bytes in %.0f seconds.",
					this.minBytesPerSecond, GRACE.toSeconds(), received, seconds));
		}
	}

}
