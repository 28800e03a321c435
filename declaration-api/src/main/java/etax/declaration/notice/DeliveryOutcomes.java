package etax.declaration.notice;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Records what became of an attempt to deliver a notice ({@link WebhookDispatcher}): answered 2xx, it is delivered;
 * otherwise it is retried with doubling delays until the last attempt, its reason recorded in words. A delivery not
 * sent because the receiver's name resolves to an internal address ({@link DeliveryErrors#refusal}) is retried like
 * one whose name resolves to nothing, with the same words: failed at once, it would tell the filer which of the
 * names it registers the service's resolver knows. An attempt that gets no answer (or a 5xx, 408 or 429) also
 * pauses its webhook, each time for twice as long, and the receiver's next
 * answer resumes it ({@link WebhookRepository#pause}): a receiver that is down holds no places among the deliveries
 * in flight while it is paused, and its deliveries wait out of the other webhooks' way. The time from
 * a notice's filing to its delivery is the timer {@value #LATENCY} (tag {@code attempt}: {@code first} or
 * {@code retry}), the target README.md publishes.
 */
@Component
class DeliveryOutcomes {

	static final String LATENCY = "etax.webhooks.delivery.latency";

	private final WebhookRepository webhooks;

	private final WebhookProperties properties;

	private final Clock clock;

	private final Timer firstAttempt;

	private final Timer retried;

	DeliveryOutcomes(WebhookRepository webhooks, WebhookProperties properties, Clock clock, MeterRegistry meters) {
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.firstAttempt = latency(meters, "first");
		this.retried = latency(meters, "retry");
	}

	private static Timer latency(MeterRegistry meters, String attempt) {
		return Timer.builder(LATENCY)
			.description("From a return's filing to the delivery of its notice to a webhook")
			.tag("attempt", attempt)
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	/**
	 * Records an attempt's outcome.
	 * @param delivery the delivery attempted
	 * @param status the receiver's HTTP status, if it answered
	 * @param failure why it did not, otherwise
	 */
	void record(WebhookRepository.Due delivery, @Nullable Integer status, @Nullable Throwable failure) {
		Instant now = this.clock.instant();
		if (status != null && status / 100 == 2) {
			this.webhooks.delivered(delivery.id(), now);
			this.webhooks.resume(delivery.webhookId(), now);
			((delivery.attempts() == 0) ? this.firstAttempt : this.retried)
				.record(Duration.between(delivery.createdAt(), now).abs());
			return;
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		String error = (status != null) ? "HTTP " + status + " from the receiver"
				: DeliveryErrors.describe(cause, URI.create(delivery.url()), this.properties.timeout());
		int attempts = delivery.attempts() + 1;
		Instant retryAt = (attempts >= this.properties.maxAttempts()) ? null
				: now.plus(retryDelay(this.properties.firstRetry(), this.properties.maxRetryDelay(), attempts));
		if (receiverDown(status)) {
			// paused first: the retry is due at the pause's end if that is later
			this.webhooks.pause(delivery.webhookId(), now, this.properties.firstRetry(), this.properties.maxRetryDelay());
		}
		else {
			this.webhooks.resume(delivery.webhookId(), now);
		}
		this.webhooks.failed(delivery.id(), error, retryAt);
	}

	/**
	 * Whether an attempt's outcome says the receiver is down or overloaded, rather than that it refuses this notice:
	 * no answer at all, a 5xx, 408 or 429. Another 4xx is the notice's own, and the receiver is up.
	 */
	static boolean receiverDown(@Nullable Integer status) {
		return status == null || status >= 500 || status == 408 || status == 429;
	}

	/**
	 * The delay after a delivery's attempt that failed: doubling from the first retry's, up to the longest.
	 * @param attempts the attempts made, the failed one among them
	 */
	static Duration retryDelay(Duration first, Duration longest, int attempts) {
		Duration doubled = first.multipliedBy(1L << Math.min(attempts - 1, 30));
		return (doubled.compareTo(longest) > 0) ? longest : doubled;
	}

}
