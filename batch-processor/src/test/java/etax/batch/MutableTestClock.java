package etax.batch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The integration tests' clock: it stands still at {@link BatchProcessorIntegrationTest#NOW} unless a
 * test moves it; a test that moves it puts it back when it ends ({@link #reset()}).
 */
public final class MutableTestClock extends Clock {

	private volatile Instant now = BatchProcessorIntegrationTest.NOW;

	public void set(Instant instant) {
		this.now = instant;
	}

	public void reset() {
		this.now = BatchProcessorIntegrationTest.NOW;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
