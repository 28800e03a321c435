package etax.declaration.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: a POST of the notice, signed with the webhook's secret
 * ({@code X-Etax-Signature: t=<epoch seconds>,v1=<hex HMAC-SHA256 of "t.body">}, {@link WebhookSignatures}),
 * answered 2xx or retried with doubling delays until the last attempt ({@link DeliveryOutcomes}). A receiver whose
 * host resolves to an internal address is not called, and the delivery retried as one whose host resolves to nothing,
 * its reason recorded in the same words ({@link WebhookTargets}); the request goes to exactly the address that was
 * checked ({@link WebhookSender}). Every {@link DeliveryRetention#INTERVAL} it also ends the deliveries pending too
 * long and removes those ended long ago ({@link DeliveryRetention}).
 *
 * <p>A delivery is claimed in one short transaction that leases it (its next attempt moved past the
 * request's timeout, {@code SKIP LOCKED}, so replicas share the work), sent without holding a transaction
 * on a sender thread of its own, and its outcome recorded when the answer comes: up to
 * {@code etax.declaration.webhooks.concurrency} requests (and threads) are in flight at once, at most
 * {@code per-webhook} of them to one webhook ({@link InFlightDeliveries}), and a receiver that stops answering pauses
 * its webhook ({@link DeliveryOutcomes}), so a slow or unreachable receiver delays nobody else's notices. A process that
 * dies with deliveries in flight leaves them to be sent again when their lease ends (receivers de-duplicate on
 * {@code eventId}). The commit of a filing wakes the dispatcher ({@link #wake()}); otherwise it looks every poll
 * interval.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookRepository webhooks;

	private final WebhookProperties properties;

	private final Clock clock;

	private final InFlightDeliveries deliveries;

	private final DeliveryRetention retention;

	/** When the deliveries are next ended ({@link DeliveryRetention}): at once after the start. */
	private Instant nextRetention = Instant.MIN;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private @Nullable Thread thread;

	WebhookDispatcher(WebhookRepository webhooks, WebhookProperties properties, Clock clock,
			InFlightDeliveries deliveries, DeliveryRetention retention) {
		this.retention = retention;
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.deliveries = deliveries;
	}

	/** Makes the dispatcher look for due deliveries now: called after a commit that enqueued some. */
	void wake() {
		this.wake.release();
	}

	@Override
	public void start() {
		this.running = true;
		Thread dispatcher = new Thread(this::run, "webhook-dispatcher");
		dispatcher.setDaemon(true);
		this.thread = dispatcher;
		dispatcher.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.deliveries.close();
		Thread dispatcher = this.thread;
		if (dispatcher != null) {
			dispatcher.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try {
				this.deliveries.awaitRoom();
				endOldDeliveries();
				int claimed = dispatchDue();
				if (claimed == 0) {
					this.wake.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					this.wake.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// the class only: a database error's message can quote the row's values
				log.warn("Webhook dispatch round failed reason={}", ex.getClass().getName());
				sleep(this.properties.pollInterval());
			}
		}
	}

	/** Ends the deliveries pending too long and removes those ended long ago, once every interval. */
	private void endOldDeliveries() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextRetention)) {
			return;
		}
		this.nextRetention = now.plus(DeliveryRetention.INTERVAL);
		DeliveryRetention.Ended ended = this.retention.end(now, this.properties.maxAge(), this.properties.retention());
		if (ended.expired() > 0 || ended.removed() > 0) {
			log.info("Webhook deliveries ended expired={} removed={}", ended.expired(), ended.removed());
		}
	}

	/** Claims as many due deliveries as may be in flight, and sends them. */
	private int dispatchDue() {
		Instant now = this.clock.instant();
		// this thread alone takes room: the room can only grow before it is taken
		List<WebhookRepository.Due> due = this.webhooks.claimDue(now, this.deliveries.room(), now.plus(lease()),
				this.deliveries.perWebhook(), this.properties.perWebhook(), this.properties.perFiler());
		for (WebhookRepository.Due delivery : due) {
			// the room it gives back may be a webhook's that has more due
			this.deliveries.send(delivery, this::wake);
		}
		return due.size();
	}

	/** How long a claimed delivery waits before it is due again if its outcome is never recorded. */
	private Duration lease() {
		return this.properties.timeout().multipliedBy(2).plusSeconds(10);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
