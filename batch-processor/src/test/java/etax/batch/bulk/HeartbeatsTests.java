package etax.batch.bulk;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
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

	/** A run failed for a database outage: its attempt is taken off once the database answers again. */
	@Test
	void aRunNotCountedWhileTheDatabaseIsDownIsTakenOffWithALaterBeat() {
		Heartbeats heartbeats = new Heartbeats(this.claims);
		UUID batch = UUID.randomUUID();
		doThrow(new CannotGetJdbcConnectionException("down")).doNothing().when(this.claims).notAnAttempt(batch, 1);

		assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
			.isThrownBy(() -> heartbeats.notAnAttempt(batch));
		heartbeats.beat();
		heartbeats.beat();

		verify(this.claims, times(2)).notAnAttempt(batch, 1);
	}

}
