package etax.declaration.notice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries: a POST of the notice, signed with the webhook's secret
 * ({@code X-Etax-Signature: t=<epoch seconds>,v1=<hex HMAC-SHA256 of "t.body">}), answered 2xx or retried
 * with doubling delays until the last attempt. Rows are locked with {@code SKIP LOCKED}, so replicas
 * share the work and never send one delivery twice at once.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookRepository webhooks;

	private final TransactionTemplate transactions;

	private final WebhookProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private volatile boolean running;

	private @Nullable Thread thread;

	WebhookDispatcher(WebhookRepository webhooks, TransactionTemplate transactions, WebhookProperties properties,
			Clock clock) {
		this.webhooks = webhooks;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
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
				Integer sent = this.transactions.execute((status) -> dispatchDue());
				if (sent == null || sent == 0) {
					Thread.sleep(this.properties.pollInterval().toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Webhook dispatch round failed reason={}", ex.getMessage());
				sleep(this.properties.pollInterval());
			}
		}
	}

	private int dispatchDue() {
		List<WebhookRepository.Due> due = this.webhooks.lockDue(this.clock.instant(), 20);
		for (WebhookRepository.Due delivery : due) {
			send(delivery);
		}
		return due.size();
	}

	private void send(WebhookRepository.Due delivery) {
		Instant now = this.clock.instant();
		String error;
		try {
			HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(this.properties.timeout())
				.header("Content-Type", "application/json")
				.header(Notices.SIGNATURE_HEADER, signature(delivery.secret(), now, delivery.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				this.webhooks.delivered(delivery.id(), now);
				return;
			}
			error = "HTTP " + response.statusCode();
		}
		catch (java.io.IOException ex) {
			error = ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		int attempts = delivery.attempts() + 1;
		Instant retryAt = (attempts >= this.properties.maxAttempts()) ? null
				: now.plus(this.properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 16)));
		this.webhooks.failed(delivery.id(), error, retryAt);
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
