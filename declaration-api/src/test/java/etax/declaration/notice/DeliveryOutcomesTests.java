package etax.declaration.notice;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A receiver down for a night still gets its notices: retries double up to an hour apart, for about a day. */
class DeliveryOutcomesTests {

	@Test
	void retriesDoubleUpToAnHourApartForAboutADayByDefault() {
		Duration first = Duration.ofSeconds(2);
		Duration longest = Duration.ofHours(1);

		assertThat(DeliveryOutcomes.retryDelay(first, longest, 1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(DeliveryOutcomes.retryDelay(first, longest, 11)).isEqualTo(Duration.ofSeconds(2048));
		assertThat(DeliveryOutcomes.retryDelay(first, longest, 12)).isEqualTo(longest);
		assertThat(DeliveryOutcomes.retryDelay(first, longest, 1_000)).isEqualTo(longest);
		// the 35 attempts of the default: 34 waits between them
		Duration total = IntStream.rangeClosed(1, 34)
			.mapToObj((attempts) -> DeliveryOutcomes.retryDelay(first, longest, attempts))
			.reduce(Duration.ZERO, Duration::plus);
		assertThat(total).isBetween(Duration.ofHours(23), Duration.ofHours(25));
	}

	@Test
	void aReceiverIsDownWhenItGivesNoAnswerA5xxA408OrA429AndUpWhenItRefusesOneNotice() {
		assertThat(DeliveryOutcomes.receiverDown(null)).isTrue();
		assertThat(DeliveryOutcomes.receiverDown(503)).isTrue();
		assertThat(DeliveryOutcomes.receiverDown(500)).isTrue();
		assertThat(DeliveryOutcomes.receiverDown(429)).isTrue();
		assertThat(DeliveryOutcomes.receiverDown(408)).isTrue();
		assertThat(DeliveryOutcomes.receiverDown(400)).isFalse();
		assertThat(DeliveryOutcomes.receiverDown(410)).isFalse();
		assertThat(DeliveryOutcomes.receiverDown(302)).isFalse();
	}

}
