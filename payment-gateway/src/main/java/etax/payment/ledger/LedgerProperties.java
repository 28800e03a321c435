package etax.payment.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ledger ({@code etax.payment.ledger.*}; the nightly offsets' cron is read by
 * {@link DueOffsets} itself).
 *
 * @param unbookedItemWait how long a payment line's credit waits for the payable item it names, counted from the
 * payment's recording, before it is held for an officer when that item is still not booked (a typing error in the
 * id, an item of another system: ADR 0006, "Credits waiting for an item never booked"). Until then it waits as
 * before, since items and payments arrive on different topics in no set order; from then on officers list it and
 * may release it to the payer. 30 days by default. An item that arrives before the release is paid by it as ever
 */
@Validated
@ConfigurationProperties("etax.payment.ledger")
record LedgerProperties(@DefaultValue("30d") Duration unbookedItemWait) {

	LedgerProperties {
		if (unbookedItemWait.isNegative()) {
			throw new IllegalArgumentException("etax.payment.ledger.unbooked-item-wait must not be negative");
		}
	}

	/**
	 * The latest recording time of a credit that has waited long enough for its item, now.
	 * @param clock the clock
	 * @return a credit recorded at or before it, whose item is not booked, is held for an officer
	 */
	Instant unbookedItemCutoff(Clock clock) {
		return clock.instant().minus(this.unbookedItemWait);
	}

}
