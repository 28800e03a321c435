package etax.declaration.notice;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A filer's webhooks: registered (an https URL the service may call, {@link WebhookTargets}), listed, removed, their
 * secrets replaced, their deliveries read. {@link Notices} queues what they receive.
 */
@Service
class Webhooks {

	private final WebhookRepository webhooks;

	private final Clock clock;

	private final WebhookTargets targets;

	private final SecureRandom random = new SecureRandom();

	private final int maxPerFiler;

	Webhooks(WebhookRepository webhooks, Clock clock, WebhookProperties properties) {
		this.webhooks = webhooks;
		this.clock = clock;
		this.targets = new WebhookTargets(properties.allowPlainHttpLocalhost());
		this.maxPerFiler = properties.maxPerFiler();
	}

	/**
	 * Registers a webhook of a filer: an https URL the service may call ({@link WebhookTargets}). A filer has one
	 * webhook per URL: its secret is shown once, at registration, so registering the same URL again does not
	 * answer it but names the webhook that exists ({@link WebhookExistsException}). A taxpayer's own webhook also
	 * receives the notices about the taxpayer.
	 * @param filer who registers it
	 * @param url where to send the filer's notices
	 * @return the webhook, with its secret
	 * @throws InvalidWebhookException if the URL is not one the service calls, or the filer has as many webhooks
	 * in use as it may
	 * @throws WebhookExistsException if the filer registered that URL before
	 */
	@Transactional
	Webhook register(Caller filer, String url) {
		this.targets.check(url);
		this.webhooks.lockRegistrations(filer.subject());
		if (this.webhooks.of(filer.subject()).size() >= this.maxPerFiler) {
			throw new InvalidWebhookException("A filer has at most " + this.maxPerFiler + " webhooks in use: remove one "
					+ "it no longer needs first");
		}
		String taxpayer = (filer.role() == Role.TAXPAYER) ? filer.mst() : null;
		Webhook webhook = new Webhook(UUID.randomUUID(), filer.subject(), taxpayer, url, newSecret(), this.clock.instant());
		if (!this.webhooks.insert(webhook)) {
			throw new WebhookExistsException(this.webhooks.idOf(filer.subject(), url).orElseThrow());
		}
		return webhook;
	}

	/** @return the filer's webhooks in use, oldest first, without their secrets */
	List<WebhookView> webhooks(String filer) {
		return this.webhooks.views(filer);
	}

	/**
	 * Removes a webhook of the filer: it receives nothing more, and its pending deliveries are cancelled; its
	 * deliveries stay readable, and its URL may be registered again.
	 * @throws WebhookNotFoundException if the filer has no such webhook in use
	 */
	@Transactional
	void remove(String filer, UUID webhookId) {
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
	Webhook replaceSecret(String filer, UUID webhookId) {
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

	List<WebhookDelivery> deliveries(String filer, UUID webhookId, long before, int size) {
		Webhook webhook = this.webhooks.find(webhookId, filer).orElseThrow(() -> new WebhookNotFoundException(webhookId));
		return this.webhooks.deliveries(webhook.id(), before, size);
	}

}
