package etax.declaration.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import etax.ids.TaxpayerId;
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

	private final WebhookDispatcher dispatcher;

	Notices(WebhookRepository webhooks, Outbox outbox, JsonMapper json, Clock clock, WebhookDispatcher dispatcher) {
		this.webhooks = webhooks;
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
		this.dispatcher = dispatcher;
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
		Map<String, List<Webhook>> ofFilers = this.webhooks.ofFilers(
				notices.stream().map(PublishedNotice::filer).filter(Objects::nonNull).distinct().toList());
		// a branch's notices reach its head office's webhooks too: a head office's token acts for its branches
		Map<String, List<Webhook>> ofTaxpayers = this.webhooks.ofTaxpayers(notices.stream()
			.map(PublishedNotice::taxpayer)
			.filter(Objects::nonNull)
			.flatMap((mst) -> Stream.of(mst, headOffice(mst)))
			.distinct()
			.toList());
		List<WebhookRepository.NewDelivery> deliveries = new ArrayList<>();
		for (PublishedNotice notice : notices) {
			List<Webhook> recipients = (notice.filer() != null) ? ofFilers.getOrDefault(notice.filer(), List.of())
					: ofTaxpayer(ofTaxpayers, Objects.requireNonNull(notice.taxpayer()));
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

	/** The webhooks a taxpayer registered for itself and, for a branch, those its head office registered. */
	private static List<Webhook> ofTaxpayer(Map<String, List<Webhook>> ofTaxpayers, String mst) {
		String head = headOffice(mst);
		List<Webhook> own = ofTaxpayers.getOrDefault(mst, List.of());
		return head.equals(mst) ? own
				: Stream.concat(own.stream(), ofTaxpayers.getOrDefault(head, List.of()).stream()).toList();
	}

	/** A branch's head office ({@link TaxpayerId#headOffice}); any other MST, or text that is none, is its own. */
	private static String headOffice(String mst) {
		return TaxpayerId.isValid(mst) ? new TaxpayerId(mst).headOffice().value() : mst;
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

}
