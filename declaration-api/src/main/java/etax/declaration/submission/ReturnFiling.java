package etax.declaration.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import etax.declaration.notice.Notices;
import etax.declaration.payable.AcceptedReturn;
import etax.declaration.payable.PayableItem;
import etax.declaration.payable.PayableItems;
import etax.declaration.taxpayer.Taxpayer;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filing transaction: replays an earlier filing of the same key or content, or decides the return
 * against its chain, stores it with its lifecycle, payable items, events and notices. Everything commits
 * together or not at all.
 */
@Component
class ReturnFiling {

	private final Idempotency idempotency;

	private final ReturnChains chains;

	private final ReturnRepository returns;

	private final ReturnEvents events;

	private final TransactionCodes transactionCodes;

	private final PayableItems payableItems;

	private final Outbox outbox;

	private final Notices notices;

	ReturnFiling(Idempotency idempotency, ReturnChains chains, ReturnRepository returns, ReturnEvents events,
			TransactionCodes transactionCodes, PayableItems payableItems, Outbox outbox, Notices notices) {
		this.idempotency = idempotency;
		this.chains = chains;
		this.returns = returns;
		this.events = events;
		this.transactionCodes = transactionCodes;
		this.payableItems = payableItems;
		this.outbox = outbox;
		this.notices = notices;
	}

	@Transactional
	Filed file(ReturnDocument document, List<Finding> findings, Optional<Taxpayer> taxpayer, String filer,
			@Nullable String idempotencyKey, Instant receivedAt) {
		String chainKey = ReturnChains.keyOf(document);
		Optional<Idempotency.Earlier> earlier = this.idempotency.lockAndFind(filer, idempotencyKey, document.sha256(),
				taxpayer.isPresent() ? ReturnChains.lockName(chainKey) : null);
		if (earlier.isPresent()) {
			if (!earlier.get().sameContent()) {
				throw new IdempotencyConflictException(earlier.get().returnId());
			}
			return new Filed(earlier.get().returnId(), null);
		}
		List<Finding> all = new ArrayList<>(findings);
		List<ReturnChains.Member> accepted = List.of();
		if (taxpayer.isPresent()) {
			accepted = this.chains.accepted(chainKey);
			all.addAll(this.chains.check(document, accepted));
		}
		ReturnStatus status = all.stream().anyMatch((finding) -> finding.severity() != Severity.WARNING)
				? ReturnStatus.NOT_ACCEPTED : ReturnStatus.ACCEPTED;
		StoredReturn stored = stored(document, all, status, receivedAt, this.transactionCodes.next(receivedAt));
		this.returns.insert(stored, document, chainKey, filer);
		this.idempotency.remember(filer, idempotencyKey, document.sha256(), stored.id(), receivedAt);
		List<ReturnEvents.Entry> lifecycle = new ArrayList<>();
		lifecycle.add(new ReturnEvents.Entry(stored.id(), "RECEIVED", Map.of("transactionCode", stored.transactionCode())));
		lifecycle.add(new ReturnEvents.Entry(stored.id(), status.name(), Map.of("findings", all.size())));
		List<PayableItem> items = (status == ReturnStatus.ACCEPTED) ? accept(stored, document, taxpayer.orElseThrow(),
				ReturnChains.current(accepted), receivedAt, lifecycle) : List.of();
		this.events.append(receivedAt, lifecycle);
		Receipt receipt = Receipt.of(stored.withPayableItems(items));
		this.notices.issue(filer, stored.mst(), stored.id(), receipt);
		return new Filed(stored.id(), receipt);
	}

	private List<PayableItem> accept(StoredReturn stored, ReturnDocument document, Taxpayer taxpayer,
			Optional<ReturnChains.Member> superseded, Instant at, List<ReturnEvents.Entry> lifecycle) {
		List<OutboxMessage> messages = new ArrayList<>();
		messages.add(OutboxMessage.of(ReturnAccepted.TOPIC, stored.mst(), ReturnAccepted.of(stored, at)));
		superseded.ifPresent((previous) -> {
			lifecycle.add(new ReturnEvents.Entry(previous.id(), "SUPERSEDED",
					Map.of("by", stored.id().toString(), "transactionCode", stored.transactionCode())));
			messages.add(OutboxMessage.of(ReturnAccepted.TOPIC, stored.mst(),
					ReturnSuperseded.of(previous.id(), previous.transactionCode(), stored, at)));
		});
		this.outbox.appendAll(messages);
		List<PayableItem> items = this.payableItems.createFor(new AcceptedReturn(stored.id(), stored.transactionCode(),
				stored.mst(), taxpayer.chapter(), document.header().period(), document.form().payableIndicators(),
				document.indicators(), superseded.map(ReturnChains.Member::indicators).orElse(Map.of()), at));
		if (!items.isEmpty()) {
			lifecycle.add(new ReturnEvents.Entry(stored.id(), "PAYABLE_ITEMS_CREATED", Map.of("count", items.size())));
		}
		return items;
	}

	private static StoredReturn stored(ReturnDocument document, List<Finding> findings, ReturnStatus status,
			Instant receivedAt, String transactionCode) {
		ReturnHeader header = document.header();
		return new StoredReturn(UUID.randomUUID(), transactionCode, status, receivedAt, header.mst(),
				header.formCode(), header.maTKhai(), header.version(), header.filingType(), header.submissionNumber(),
				new StoredReturn.Period(header.period().kind(), header.period().value(), header.period().from(),
						header.period().to()),
				header.taxOfficeCode(), document.sha256(), findings, List.of());
	}

	/**
	 * The outcome of the filing transaction.
	 * @param returnId the return filed now, or filed before for the same key or content
	 * @param receipt the receipt of a return filed now; {@code null} when it was filed before
	 */
	record Filed(UUID returnId, @Nullable Receipt receipt) {

		boolean replayed() {
			return this.receipt == null;
		}

	}

}
