package etax.declaration.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.declaration.notice.Notices;
import etax.declaration.payable.PayableItem;
import etax.declaration.payable.PayableItems;
import etax.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Writes what a filing group decided ({@link FilingGroup}), in the filing transaction ({@link ReturnFiling}): the
 * returns, the idempotency keys, the events to announce, the payable items of the accepted returns, the lifecycles
 * and the acceptance notices, one statement per table whatever the size of the group.
 */
@Component
class FilingRecords {

	private final ReturnRepository returns;

	private final Idempotency idempotency;

	private final Outbox outbox;

	private final PayableItems payableItems;

	private final ReturnEvents events;

	private final Notices notices;

	FilingRecords(ReturnRepository returns, Idempotency idempotency, Outbox outbox, PayableItems payableItems,
			ReturnEvents events, Notices notices) {
		this.returns = returns;
		this.idempotency = idempotency;
		this.outbox = outbox;
		this.payableItems = payableItems;
		this.events = events;
		this.notices = notices;
	}

	/**
	 * Writes the group's rows.
	 * @param group what it decided
	 * @param outcomes the outcomes of its returns, by position: those decided are set here, with their receipts
	 */
	void write(FilingGroup group, ReturnFiling.Filed[] outcomes) {
		this.returns.insert(group.newReturns());
		this.idempotency.remember(group.keys());
		this.outbox.appendAll(group.messages());
		Map<UUID, List<PayableItem>> items = this.payableItems.createFor(group.acceptedReturns());
		List<ReturnEvents.Entry> lifecycle = new ArrayList<>();
		List<Notices.Notice> notices = new ArrayList<>();
		group.decided().forEach((position, decision) -> {
			StoredReturn stored = decision.stored();
			List<PayableItem> created = items.getOrDefault(stored.id(), List.of());
			lifecycle.addAll(decision.lifecycle(created));
			Receipt receipt = Receipt.of(stored.withPayableItems(created));
			notices.add(new Notices.Notice(decision.filer(), stored.mst(), stored.id(), receipt));
			outcomes[position] = new ReturnFiling.Filed.Received(stored.id(), receipt);
		});
		this.events.append(lifecycle);
		this.notices.issue(notices);
	}

}
