package etax.batch.bulk;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Files a chunk of items through declaration-api and records each outcome, in the chunk's transaction.
 * The items still {@code PENDING} are locked first (a cancellation of the batch waits for them); those
 * cancelled since they were read are not filed.
 * Idempotent: every item carries its own idempotency key, so a chunk written again (after a crash before
 * its commit, or a restart) gets the receipts it got the first time and files nothing twice. It never
 * throws for an item: refusals and unexpected errors are outcomes; only an outage of declaration-api
 * ({@link DeclarationApiException}) or of the database fails the chunk, so the step has no skips to hide
 * anything and no chunk scanning re-runs it item by item.
 */
class BulkFilingWriter implements ItemWriter<PendingItem> {

	private final UUID batchId;

	private final DeclarationApi declarationApi;

	private final BatchRepository batches;

	private final OutcomeRepository outcomes;

	private final MeterRegistry meters;

	private final Clock clock;

	private @Nullable Filer filer;

	BulkFilingWriter(UUID batchId, DeclarationApi declarationApi, BatchRepository batches, OutcomeRepository outcomes,
			MeterRegistry meters, Clock clock) {
		this.batchId = batchId;
		this.declarationApi = declarationApi;
		this.batches = batches;
		this.outcomes = outcomes;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends PendingItem> chunk) {
		Filer of = this.filer;
		if (of == null) {
			of = this.batches.filer(this.batchId);
			this.filer = of;
		}
		Set<Integer> pending = this.outcomes.lockPending(this.batchId,
				chunk.getItems().stream().map(PendingItem::itemNo).toList());
		List<PendingItem> items = chunk.getItems()
			.stream()
			.filter((item) -> pending.contains(item.itemNo()))
			.map(PendingItem.class::cast)
			.toList();
		if (items.isEmpty()) {
			return;
		}
		List<ItemOutcome> outcomes = this.declarationApi.file(of, items);
		this.outcomes.record(this.batchId, outcomes, this.clock.instant());
		for (ItemOutcome outcome : outcomes) {
			String tag = outcome.status().name().toLowerCase(Locale.ROOT);
			this.meters.counter("etax.batch.bulkfiling.items", "outcome", tag).increment();
		}
	}

}
