package etax.declaration.notice;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ends what webhook deliveries would otherwise keep for ever, a bounded number of rows at a time
 * ({@link WebhookDispatcher} runs it every {@link #INTERVAL}): a delivery still pending after
 * {@code etax.declaration.webhooks.max-age} fails (its receiver has not answered for that long: each pause of its
 * webhook moved it, and a filer that keeps filing to a receiver gone for good queued more than its retries could
 * ever end), and a delivery that ended more than {@code retention} ago is removed with the notice it carried (the
 * filer reads its returns' receipts from the API). Replicas share the work: rows locked by another are skipped.
 */
@Repository
class DeliveryRetention {

	/** How often the dispatcher ends deliveries. */
	static final Duration INTERVAL = Duration.ofMinutes(10);

	/** The most rows one statement ends or removes: a run that finds more leaves the rest to the next. */
	static final int BATCH = 10_000;

	private final JdbcClient jdbc;

	DeliveryRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return how many deliveries failed for their age and how many ended ones were removed
	 */
	Ended end(Instant now, Duration maxAge, Duration retention) {
		int expired = this.jdbc.sql("""
				UPDATE filing.webhook_delivery SET status = 'FAILED', leased_until = NULL,
				    last_error = 'Not delivered within ' || ? || ': the receiver did not take it'
				WHERE id IN (SELECT id FROM filing.webhook_delivery
				    WHERE status = 'PENDING' AND created_at < ? AND (leased_until IS NULL OR leased_until <= ?)
				    LIMIT ? FOR UPDATE SKIP LOCKED)
				""")
			.params(inWords(maxAge), Timestamp.from(now.minus(maxAge)), Timestamp.from(now), BATCH)
			.update();
		int removed = this.jdbc.sql("""
				DELETE FROM filing.webhook_delivery
				WHERE id IN (SELECT id FROM filing.webhook_delivery WHERE status <> 'PENDING' AND created_at < ?
				    LIMIT ? FOR UPDATE SKIP LOCKED)
				""")
			.params(Timestamp.from(now.minus(retention)), BATCH)
			.update();
		return new Ended(expired, removed);
	}

	/** An age in whole days, or hours under a day, or minutes under an hour. */
	static String inWords(Duration age) {
		if (age.toDays() >= 1) {
			return age.toDays() + ((age.toDays() == 1) ? " day" : " days");
		}
		return (age.toHours() >= 1) ? age.toHours() + " hours" : age.toMinutes() + " minutes";
	}

	/**
	 * @param expired deliveries failed for their age
	 * @param removed ended deliveries removed
	 */
	record Ended(int expired, int removed) {

	}

}
