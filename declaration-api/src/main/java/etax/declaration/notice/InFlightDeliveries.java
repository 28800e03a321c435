package etax.declaration.notice;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The webhook requests in flight: each claimed delivery is signed ({@link WebhookSignatures}) and sent without
 * holding a transaction on a sender thread of its own, and its outcome recorded when the answer comes
 * ({@link DeliveryOutcomes}). Up to {@code etax.declaration.webhooks.concurrency} requests (and threads) are in
 * flight at once, at most {@code per-webhook} of them to one webhook, so a slow or unreachable receiver delays nobody
 * else's notices; {@link WebhookDispatcher} claims no more deliveries than there is room for.
 */
@Component
class InFlightDeliveries {

	private static final Logger log = LoggerFactory.getLogger(InFlightDeliveries.class);

	private final Clock clock;

	private final WebhookSender sender;

	private final DeliveryOutcomes outcomes;

	/** Resolves receivers' hosts and sends; at most as many threads as deliveries in flight. */
	private final ExecutorService senders;

	private final Semaphore inFlight;

	/** How many deliveries to each webhook are in flight: none is listed with none. */
	private final ConcurrentMap<UUID, Integer> perWebhook = new ConcurrentHashMap<>();

	/**
	 * @param resolver resolves receivers' hosts: a bean of {@link HostResolver} if there is one, else the
	 * system's resolver
	 */
	InFlightDeliveries(WebhookProperties properties, Clock clock, DeliveryOutcomes outcomes,
			ObjectProvider<HostResolver> resolver) {
		this.clock = clock;
		this.outcomes = outcomes;
		this.sender = new WebhookSender(
				new WebhookTargets(properties.allowPlainHttpLocalhost(), resolver.getIfAvailable(() -> HostResolver.SYSTEM)),
				properties.timeout(), properties.concurrency());
		this.senders = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "webhook-sender");
			thread.setDaemon(true);
			return thread;
		});
		this.inFlight = new Semaphore(properties.concurrency());
	}

	/** Waits for room for one request at least. */
	void awaitRoom() throws InterruptedException {
		this.inFlight.acquire();
		this.inFlight.release();
	}

	/** How many more requests may be in flight now; only the dispatcher's sending takes room. */
	int room() {
		return this.inFlight.availablePermits();
	}

	/** How many deliveries to each webhook are in flight now. */
	Map<UUID, Integer> perWebhook() {
		return Map.copyOf(this.perWebhook);
	}

	/**
	 * Sends off the caller's thread (a slow resolver or receiver must not hold up other deliveries), taking room for
	 * the request until its outcome is recorded: the sender resolves the webhook's host, refuses it if it resolves
	 * to an internal address ({@link WebhookTargets}), else posts to the addresses it checked.
	 * @param done run once the outcome is recorded and the room given back
	 */
	void send(WebhookRepository.Due delivery, Runnable done) {
		this.inFlight.acquireUninterruptibly();
		this.perWebhook.merge(delivery.webhookId(), 1, Integer::sum);
		Instant now = this.clock.instant();
		URI target = URI.create(delivery.url());
		Map<String, String> headers = Map.of(Notices.SIGNATURE_HEADER,
				WebhookSignatures.sign(delivery.secret(), now, delivery.payload()));
		CompletableFuture.supplyAsync(() -> {
			try {
				return this.sender.post(target, headers, delivery.payload());
			}
			catch (IOException ex) {
				throw new CompletionException(ex);
			}
		}, this.senders).whenComplete((status, failure) -> {
			try {
				this.outcomes.record(delivery, (failure == null) ? status : null, failure);
			}
			catch (RuntimeException ex) {
				// the class only: a database error's message can quote the row's values
				log.warn("Webhook delivery outcome not recorded delivery={} reason={}", delivery.id(),
						ex.getClass().getName());
			}
			finally {
				this.perWebhook.computeIfPresent(delivery.webhookId(), (webhook, n) -> (n > 1) ? n - 1 : null);
				this.inFlight.release();
				done.run();
			}
		});
	}

	/** Starts no more requests, and closes the sender's connections. */
	void close() {
		this.senders.shutdown();
		try {
			this.sender.close();
		}
		catch (IOException ex) {
			log.warn("Webhook sender not closed reason={}", ex.getClass().getName());
		}
	}

}
