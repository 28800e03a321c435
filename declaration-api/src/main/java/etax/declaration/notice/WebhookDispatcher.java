package etax.declaration.notice;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: a POST of the notice, signed with the webhook's secret
 * ({@code X-Etax-Signature: t=<epoch seconds>,v1=<hex HMAC-SHA256 of "t.body">}), answered 2xx or retried
 * with doubling delays until the last attempt. A receiver whose host resolves to an internal address is
 * not called and the delivery fails at once, its reason recorded in words ({@link WebhookTargets}); the
 * request goes to exactly the address that was checked ({@link WebhookSender}).
 *
 * <p>A delivery is claimed in one short statement that leases it (its next attempt moved past the
 * request's timeout, {@code SKIP LOCKED}, so replicas share the work), sent without holding a transaction
 * on a sender thread of its own, and its outcome recorded when the answer comes: up to
 * {@code etax.declaration.webhooks.concurrency} requests (and threads) are in flight at once, so a slow or
 * unreachable receiver delays nobody else's notices. A process that dies with deliveries in flight leaves them to be
 * sent again when their lease ends (receivers de-duplicate on {@code eventId}). The commit of a filing
 * wakes the dispatcher ({@link #wake()}); otherwise it looks every poll interval. The time from a notice's
 * filing to its delivery is the timer {@value #LATENCY} (tag {@code attempt}: {@code first} or
 * {@code retry}), the target README.md publishes.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	static final String LATENCY = "etax.webhooks.delivery.latency";

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookRepository webhooks;

	private final WebhookProperties properties;

	private final Clock clock;

	private final WebhookSender sender;

	/** Resolves receivers' hosts and sends; at most as many threads as deliveries in flight. */
	private final ExecutorService senders;

	private final Semaphore inFlight;

	private final Semaphore wake = new Semaphore(0);

	private final Timer firstAttempt;

	private final Timer retried;

	private volatile boolean running;

	private @Nullable Thread thread;

	/**
	 * @param resolver resolves receivers' hosts: a bean of {@link HostResolver} if there is one, else the
	 * system's resolver
	 */
	WebhookDispatcher(WebhookRepository webhooks, WebhookProperties properties, Clock clock, MeterRegistry meters,
			ObjectProvider<HostResolver> resolver) {
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.sender = new WebhookSender(
				new WebhookTargets(properties.allowPlainHttpLocalhost(), resolver.getIfAvailable(() -> HostResolver.SYSTEM)),
				properties.timeout(), properties.concurrency());
		this.senders = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "webhook-sender");
			thread.setDaemon(true);
			return thread;
		});
		this.inFlight = new Semaphore(properties.concurrency());
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
		this.senders.shutdown();
		try {
			this.sender.close();
		}
		catch (IOException ex) {
			log.warn("Webhook sender not closed reason={}", ex.getClass().getName());
		}
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
				// wait for room for one request at least
				this.inFlight.acquire();
				this.inFlight.release();
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

	/** Claims as many due deliveries as may be in flight, and sends them. */
	private int dispatchDue() {
		Instant now = this.clock.instant();
		// this thread alone takes permits: the room can only grow before they are taken
		List<WebhookRepository.Due> due = this.webhooks.claimDue(now, this.inFlight.availablePermits(), now.plus(lease()));
		for (WebhookRepository.Due delivery : due) {
			this.inFlight.acquireUninterruptibly();
			send(delivery);
		}
		return due.size();
	}

	/**
	 * Sends off this thread (a slow resolver or receiver must not hold up other deliveries): the sender
	 * resolves the webhook's host, refuses it if it resolves to an internal address ({@link WebhookTargets}),
	 * else posts to the addresses it checked.
	 */
	private void send(WebhookRepository.Due delivery) {
		Instant now = this.clock.instant();
		URI target = URI.create(delivery.url());
		Map<String, String> headers = Map.of(Notices.SIGNATURE_HEADER, signature(delivery.secret(), now, delivery.payload()));
		CompletableFuture.supplyAsync(() -> {
			try {
				return this.sender.post(target, headers, delivery.payload());
			}
			catch (IOException ex) {
				throw new CompletionException(ex);
			}
		}, this.senders).whenComplete((status, failure) -> {
			try {
				record(delivery, (failure == null) ? status : null, failure);
			}
			catch (RuntimeException ex) {
				// the class only: a database error's message can quote the row's values
				log.warn("Webhook delivery outcome not recorded delivery={} reason={}", delivery.id(),
						ex.getClass().getName());
			}
			finally {
				this.inFlight.release();
			}
		});
	}

	private void record(WebhookRepository.Due delivery, @Nullable Integer status, @Nullable Throwable failure) {
		Instant now = this.clock.instant();
		if (status != null && status / 100 == 2) {
			this.webhooks.delivered(delivery.id(), now);
			((delivery.attempts() == 0) ? this.firstAttempt : this.retried)
				.record(Duration.between(delivery.createdAt(), now).abs());
			return;
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (DeliveryErrors.refusal(cause) != null) {
			// never retried: the address is not one to call, however often asked
			this.webhooks.failed(delivery.id(), DeliveryErrors.describe(cause, URI.create(delivery.url()),
					this.properties.timeout()), null);
			return;
		}
		String error = (status != null) ? "HTTP " + status + " from the receiver"
				: DeliveryErrors.describe(cause, URI.create(delivery.url()), this.properties.timeout());
		int attempts = delivery.attempts() + 1;
		Instant retryAt = (attempts >= this.properties.maxAttempts()) ? null
				: now.plus(this.properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 16)));
		this.webhooks.failed(delivery.id(), error, retryAt);
	}

	/** How long a claimed delivery waits before it is due again if its outcome is never recorded. */
	private Duration lease() {
		return this.properties.timeout().multipliedBy(2).plusSeconds(10);
	}

	static String signature(String secret, Instant at, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256"));
			String timestamp = String.valueOf(at.getEpochSecond());
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
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
