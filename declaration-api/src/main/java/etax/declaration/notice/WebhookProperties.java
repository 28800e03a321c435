package etax.declaration.notice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of push notices ({@code etax.declaration.webhooks.*}).
 *
 * @param allowPlainHttpLocalhost accept receivers on this machine's loopback ({@code localhost},
 * {@code 127.0.0.1}), over {@code http} too (local runs, tests and benchmarks only); otherwise only {@code https},
 * and never a loopback, private or link-local address ({@link WebhookTargets})
 * @param firstRetry the delay before the first retry; each later one doubles it, up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest delay between two attempts
 * @param maxAttempts attempts before a delivery is given up as failed: by default about a day of them, so that a
 * receiver down for a night's maintenance still gets its notices
 * @param timeout how long one attempt may take
 * @param pollInterval how often due deliveries are looked for when no filing wakes the dispatcher
 * @param concurrency how many deliveries may be in flight at once
 * @param perWebhook how many of them may go to one webhook, in each replica: a receiver slow to answer a batch's
 * notices holds that many places, not all
 * @param maxPerFiler how many webhooks one filer may have in use: each is a place among those in flight that a
 * receiver slow to answer holds for up to the timeout
 * @param perFiler how many deliveries in flight may go to one filer's webhooks together, in each replica: each notice
 * is due to each of a filer's webhooks, so without it a filer with a few would hold every place with one batch
 * @param maxAge how long a delivery may stay pending (its receiver down, its webhook paused) before it fails
 * @param retention how long an ended delivery (delivered, failed, cancelled) is kept, with the notice it carried
 */
@ConfigurationProperties("etax.declaration.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPlainHttpLocalhost, @DefaultValue("2s") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetryDelay, @DefaultValue("35") int maxAttempts, @DefaultValue("5s") Duration timeout,
		@DefaultValue("500ms") Duration pollInterval, @DefaultValue("32") int concurrency,
		@DefaultValue("8") int perWebhook, @DefaultValue("10") int maxPerFiler, @DefaultValue("8") int perFiler,
		@DefaultValue("7d") Duration maxAge, @DefaultValue("30d") Duration retention) {

}
