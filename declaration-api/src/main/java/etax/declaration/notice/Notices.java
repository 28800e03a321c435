package etax.declaration.notice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues notices: in the filing transaction, one delivery per webhook of the filer and one record on
 * {@value #TOPIC}; {@link WebhookDispatcher}, woken by the commit, sends the deliveries.
 */
@Service
public class Notices {

	static final String TOPIC = "etax.notices.v1";

	static final String SIGNATURE_HEADER = "X-Etax-Signature";

	private final WebhookRepository webhooks;

	private final Outbox outbox;

	private final JsonMapper json;

	private final Clock clock;

	private final WebhookProperties properties;

	private final WebhookDispatcher dispatcher;

	private final SecureRandom random = new SecureRandom();

	private final WebhookTargets targets;

	Notices(WebhookRepository webhooks, Outbox outbox, JsonMapper json, Clock clock, WebhookProperties properties,
			WebhookDispatcher dispatcher) {
		this.webhooks = webhooks;
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.dispatcher = dispatcher;
		this.targets = new WebhookTargets(properties.allowPlainHttpLocalhost());
	}

	/**
	 * Issues notices about returns, in the caller's transaction: one delivery per notice and webhook of
	 * the filer of its return, and one record per notice on {@value #TOPIC}.
	 * @param notices the notices
	 */
	public void issue(List<Notice> notices) {
		if (notices.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		Map<String, List<Webhook>> webhooks = this.webhooks.ofFilers(notices.stream().map(Notice::filer).distinct().toList());
		List<WebhookRepository.NewDelivery> deliveries = new ArrayList<>();
		for (Notice notice : notices) {
			String payload = this.json.writeValueAsString(Map.of("eventId", UUID.randomUUID(), "type",
					"AcceptanceNotice", "version", 1, "occurredAt", now, "notice", notice.body()));
			for (Webhook webhook : webhooks.getOrDefault(notice.filer(), List.of())) {
				deliveries.add(new WebhookRepository.NewDelivery(webhook.id(), notice.returnId(), payload));
			}
			this.outbox.append(OutboxMessage.of(TOPIC, notice.mst(), payload));
		}
		this.webhooks.enqueue(deliveries, now);
		if (!deliveries.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Notices.this.dispatcher.wake();
				}
			});
		}
	}

	/**
	 * A notice to issue.
	 * @param filer who filed the return: whose webhooks receive the notice
	 * @param mst the taxpayer, the record key on Kafka
	 * @param returnId the return
	 * @param body the notice (the receipt and acceptance decision)
	 */
	public record Notice(String filer, String mst, UUID returnId, Object body) {

	}

	/**
	 * Registers a webhook of a filer: an https URL the service may call ({@link WebhookTargets}). A filer has one
	 * webhook per URL: its secret is shown once, at registration, so registering the same URL again does not
	 * answer it but names the webhook that exists ({@link WebhookExistsException}).
	 * @param filer who registers it
	 * @param url where to send the filer's notices
	 * @return the webhook, with its secret
	 * @throws InvalidWebhookException if the URL is not one the service calls
	 * @throws WebhookExistsException if the filer registered that URL before
	 */
	@Transactional
	public Webhook register(String filer, String url) {
		this.targets.check(url);
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		Webhook webhook = new Webhook(UUID.randomUUID(), filer, url, HexFormat.of().formatHex(secret), this.clock.instant());
		if (!this.webhooks.insert(webhook)) {
			throw new WebhookExistsException(this.webhooks.idOf(filer, url).orElseThrow());
		}
		return webhook;
	}

	public List<WebhookDelivery> deliveries(String filer, UUID webhookId) {
		Webhook webhook = this.webhooks.find(webhookId, filer).orElseThrow(() -> new WebhookNotFoundException(webhookId));
		return this.webhooks.deliveries(webhook.id());
	}

}
