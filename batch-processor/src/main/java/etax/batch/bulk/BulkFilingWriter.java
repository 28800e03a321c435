package etax.batch.bulk;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Files a chunk of items through declaration-api and records each outcome, in the chunk's transaction, a
 * request's worth at a time: its returns read as it is sent, its outcomes recorded as soon as it is answered.
 * The items still {@code PENDING} are locked first (a cancellation of the batch waits for them); those
 * cancelled since they were read are not filed.
 * Idempotent: every item carries its own idempotency key, so a chunk written again (after a crash before
 * its commit, or a restart) gets the receipts it got the first time and files nothing twice. It never
 * throws for an item: refusals and unexpected errors are outcomes; only an outage of declaration-api
 * ({@link DeclarationApiException}) or of the database fails the chunk, so the step has no skips to hide
 * anything and no chunk scanning re-runs it item by item.
 */
class BulkFilingWriter implements ItemWriter<ItemToFile> {

	private final UUID batchId;

	private final DeclarationApi declarationApi;

	private final BatchRepository batches;

	private final ItemRepository items;

	private final OutcomeRepository outcomes;

	private final MeterRegistry meters;

	private final Clock clock;

	private @Nullable Filer filer;

	BulkFilingWriter(UUID batchId, DeclarationApi declarationApi, BatchRepository batches, ItemRepository items,
			OutcomeRepository outcomes, MeterRegistry meters, Clock clock) {
		this.batchId = batchId;
		this.declarationApi = declarationApi;
		this.batches = batches;
		this.items = items;
		this.outcomes = outcomes;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends ItemToFile> chunk) {
		Filer of = this.filer;
		if (of == null) {
			of = this.batches.filer(this.batchId);
			this.filer = of;
		}
		Set<Integer> pending = this.outcomes.lockPending(this.batchId,
				chunk.getItems().stream().map(ItemToFile::itemNo).toList());
		List<ItemToFile> toFile = chunk.getItems()
			.stream()
			.filter((item) -> pending.contains(item.itemNo()))
			.map(ItemToFile.class::cast)
			.toList();
		// a request's returns at a time, read as they are sent, and its outcomes recorded before the next is sent:
		// a thread holds one request's returns and one answer (receipts with their findings), never a chunk's; the
		// batch counts them once, at the chunk's end, as its row is locked until the chunk commits
		Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
		Map<ItemStatus, Integer> filed = new EnumMap<>(ItemStatus.class);
		for (List<ItemToFile> request : this.declarationApi.requests(toFile, ItemToFile::length)) {
			List<PendingItem> loaded = this.items.contents(this.batchId,
					request.stream().map(ItemToFile::itemNo).toList());
			if (loaded.size() != request.size()) {
				// locked PENDING, so kept: an item without its return is no outcome to record, and fails the chunk
				throw new IllegalStateException("Batch " + this.batchId + ": " + (request.size() - loaded.size())
						+ " pending items of a chunk have no return stored");
			}
			List<ItemOutcome> outcomes = this.declarationApi.file(of, loaded);
			if (!outcomes.isEmpty()) {
				this.outcomes.recordItems(this.batchId, outcomes, this.clock.instant())
					.forEach((status, n) -> counts.merge(status, n, Integer::sum));
				outcomes.forEach((outcome) -> filed.merge(outcome.status(), 1, Integer::sum));
			}
		}
		this.outcomes.count(this.batchId, counts);
		filed.forEach((status, n) -> this.meters
			.counter("etax.batch.bulkfiling.items", "outcome", status.name().toLowerCase(Locale.ROOT))
			.increment(n));
	}

}
