package etax.batch.bulk;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class HeartbeatsTests {

	private final ClaimRepository claims = mock(ClaimRepository.class);

	/** Two runs of one batch here at once: the first to end does not stop the other's heartbeat. */
	@Test
	void aBatchHeldTwiceBeatsUntilBothLetGo() {
		Heartbeats heartbeats = new Heartbeats(this.claims);
		UUID batch = UUID.randomUUID();
		heartbeats.hold(batch);
		heartbeats.hold(batch);

		heartbeats.release(batch);
		heartbeats.beat();
		verify(this.claims).heartbeat(Set.of(batch));

		heartbeats.release(batch);
		heartbeats.release(batch);
		assertThat(heartbeats.held()).isZero();
		heartbeats.beat();
		verify(this.claims).heartbeat(Set.of());
	}

}
