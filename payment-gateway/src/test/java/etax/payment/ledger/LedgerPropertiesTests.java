package etax.payment.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The wait for an item never booked: counted back from now, never negative. */
class LedgerPropertiesTests {

	@Test
	void holdsCreditsRecordedAtLeastTheWaitAgo() {
		LedgerProperties properties = new LedgerProperties(Duration.ofDays(30));
		Clock clock = Clock.fixed(Instant.parse("2026-05-20T01:00:00Z"), ZoneOffset.UTC);

		assertThat(properties.unbookedItemCutoff(clock)).isEqualTo(Instant.parse("2026-04-20T01:00:00Z"));
	}

	@Test
	void refusesANegativeWait() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LedgerProperties(Duration.ofDays(-1)))
			.withMessageContaining("unbooked-item-wait");
	}

}
