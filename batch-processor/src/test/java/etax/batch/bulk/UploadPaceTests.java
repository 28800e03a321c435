package etax.batch.bulk;

import java.util.concurrent.atomic.AtomicLong;

import etax.batch.bulk.BatchRefusedException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An upload that trickles in is refused once it has had its grace; one that keeps the rate is not. */
class UploadPaceTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong now = new AtomicLong(5 * SECOND);

	private final UploadPace pace = new UploadPace(16 * 1024, this.now::get);

	@Test
	void aSlowStartIsForgivenWithinTheGrace() {
		this.now.addAndGet(30 * SECOND);

		assertThatNoException().isThrownBy(() -> this.pace.check(1));
	}

	@Test
	void anUploadAveragingTheRateGoesOn() {
		this.now.addAndGet(100 * SECOND);

		assertThatNoException().isThrownBy(() -> this.pace.check(100 * 16 * 1024));
	}

	@Test
	void anUploadBelowTheRateAfterItsGraceIsRefusedSayingWhy() {
		this.now.addAndGet(31 * SECOND);

		BatchRefusedException refusal = catchThrowableOfType(BatchRefusedException.class,
				() -> this.pace.check(31 * 16 * 1024 - 1));

		assertThat(refusal.reason()).isEqualTo(Reason.TOO_SLOW);
		assertThat(refusal).hasMessageContaining("16384 bytes a second", "507903 bytes in 31 seconds");
	}

}
