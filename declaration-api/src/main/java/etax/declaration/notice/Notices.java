package etax.declaration.notice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues notices: in the filing transaction, one delivery per webhook of the filer and one record on
 * {@value #TOPIC}; {@link WebhookDispatcher}, woken by the commit, sends the deliveries. The notices other services
 * publish on that topic reach the webhooks of the filers they concern through {@link #relay(List)}.
 */
@Service
public class Notices {

	static final String TOPIC = "etax.notices.v1";

	static final String SIGNATURE_HEADER = "X-Etax-Signature";

	static final String ACCEPTANCE_NOTICE = "AcceptanceNotice";

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
			UUID eventId = UUID.randomUUID();
			String payload = this.json.writeValueAsString(Map.of("eventId", eventId, "type", ACCEPTANCE_NOTICE,
					"version", 1, "occurredAt", now, "notice", notice.body()));
			for (Webhook webhook : webhooks.getOrDefault(notice.filer(), List.of())) {
				deliveries.add(new WebhookRepository.NewDelivery(webhook.id(), ACCEPTANCE_NOTICE, eventId,
						notice.returnId(), payload));
			}
			this.outbox.append(OutboxMessage.of(TOPIC, notice.mst(), payload));
		}
		enqueue(deliveries, now);
	}

	/**
	 * Queues the notices another service published, in one transaction: each to the webhooks of the filer or the
	 * taxpayer it concerns that were registered by the time it was issued, once per webhook however often it is
	 * relayed.
	 * @param notices the notices
	 */
	@Transactional
	void relay(List<PublishedNotice> notices) {
		if (notices.isEmpty()) {
			return;
		}
		Map<String, List<Webhook>> ofFilers = this.webhooks.ofFilers(
				notices.stream().map(PublishedNotice::filer).filter(Objects::nonNull).distinct().toList());
		Map<String, List<Webhook>> ofTaxpayers = this.webhooks.ofTaxpayers(
				notices.stream().map(PublishedNotice::taxpayer).filter(Objects::nonNull).distinct().toList());
		List<WebhookRepository.NewDelivery> deliveries = new ArrayList<>();
		for (PublishedNotice notice : notices) {
			List<Webhook> recipients = (notice.filer() != null) ? ofFilers.getOrDefault(notice.filer(), List.of())
					: ofTaxpayers.getOrDefault(notice.taxpayer(), List.of());
			for (Webhook webhook : recipients) {
				if (!webhook.createdAt().isAfter(notice.occurredAt())) {
					deliveries.add(new WebhookRepository.NewDelivery(webhook.id(), notice.type(), notice.eventId(), null,
							notice.payload()));
				}
			}
		}
		enqueue(deliveries, this.clock.instant());
	}

	private void enqueue(List<WebhookRepository.NewDelivery> deliveries, Instant now) {
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
	 * A notice another service published on {@value #TOPIC}, for either a filer or a taxpayer.
	 * @param eventId the notice's, the same however often it is published
	 * @param type its type
	 * @param occurredAt when it was issued: webhooks registered later do not receive it
	 * @param filer the subject of the filer it is for (a batch's), or none
	 * @param taxpayer the MST of the taxpayer it is about (its arrears), when it is for no filer
	 * @param payload the record as published, the body of each delivery
	 */
	record PublishedNotice(UUID eventId, String type, Instant occurredAt, @Nullable String filer,
			@Nullable String taxpayer, String payload) {

	}

	/**
	 * Registers a webhook of a filer: an https URL the service may call ({@link WebhookTargets}). A filer has one
	 * webhook per URL: its secret is shown once, at registration, so registering the same URL again does not
	 * answer it but names the webhook that exists ({@link WebhookExistsException}). A taxpayer's own webhook also
	 * receives the notices about the taxpayer.
	 * @param filer who registers it
	 * @param url where to send the filer's notices
	 * @return the webhook, with its secret
	 * @throws InvalidWebhookException if the URL is not one the service calls
	 * @throws WebhookExistsException if the filer registered that URL before
	 */
	@Transactional
	public Webhook register(Caller filer, String url) {
		this.targets.check(url);
		String taxpayer = (filer.role() == Role.TAXPAYER) ? filer.mst() : null;
		Webhook webhook = new Webhook(UUID.randomUUID(), filer.subject(), taxpayer, url, newSecret(), this.clock.instant());
		if (!this.webhooks.insert(webhook)) {
			throw new WebhookExistsException(this.webhooks.idOf(filer.subject(), url).orElseThrow());
		}
		return webhook;
	}

	/** @return the filer's webhooks in use, oldest first, without their secrets */
	public List<WebhookView> webhooks(String filer) {
		return this.webhooks.of(filer).stream().map(WebhookView::of).toList();
	}

	/**
	 * Removes a webhook of the filer: it receives nothing more, and its pending deliveries are cancelled; its
	 * deliveries stay readable, and its URL may be registered again.
	 * @throws WebhookNotFoundException if the filer has no such webhook in use
	 */
	@Transactional
	public void remove(String filer, UUID webhookId) {
		if (!this.webhooks.remove(webhookId, filer, this.clock.instant())) {
			throw new WebhookNotFoundException(webhookId);
		}
	}

	/**
	 * Replaces a webhook's secret, for a filer whose secret was lost or exposed: every delivery from now on, retries
	 * of earlier notices included, is signed with the new one.
	 * @return the webhook with its new secret, shown this once
	 * @throws WebhookNotFoundException if the filer has no such webhook in use
	 */
	@Transactional
	public Webhook replaceSecret(String filer, UUID webhookId) {
		Webhook webhook = this.webhooks.find(webhookId, filer).orElseThrow(() -> new WebhookNotFoundException(webhookId));
		String secret = newSecret();
		if (!this.webhooks.replaceSecret(webhookId, filer, secret)) {
			throw new WebhookNotFoundException(webhookId);
		}
		return new Webhook(webhook.id(), webhook.filer(), webhook.taxpayer(), webhook.url(), secret, webhook.createdAt());
	}

	private String newSecret() {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		return HexFormat.of().formatHex(secret);
	}

	public List<WebhookDelivery> deliveries(String filer, UUID webhookId) {
		Webhook webhook = this.webhooks.find(webhookId, filer).orElseThrow(() -> new WebhookNotFoundException(webhookId));
		return this.webhooks.deliveries(webhook.id());
	}

}
