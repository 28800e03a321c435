package etax.batch.bulk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk filings as their filers and officers see them, once received ({@link BatchIntake}): batches and items
 * are read within what the caller may see; a failed item is filed again on its own; a batch is cancelled.
 */
@Service
public class BulkFilings {

	private static final Logger log = LoggerFactory.getLogger(BulkFilings.class);

	private final BatchRepository batches;

	private final ItemRepository items;

	private final OutcomeRepository outcomes;

	private final BatchStatusRepository statuses;

	private final BatchLifecycle lifecycle;

	private final DeclarationApi declarationApi;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final Clock clock;

	BulkFilings(BatchRepository batches, ItemRepository items, OutcomeRepository outcomes,
			BatchStatusRepository statuses, BatchLifecycle lifecycle, DeclarationApi declarationApi,
			TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
		this.batches = batches;
		this.items = items;
		this.outcomes = outcomes;
		this.statuses = statuses;
		this.lifecycle = lifecycle;
		this.declarationApi = declarationApi;
		this.transactions = transactions;
		this.meters = meters;
		this.clock = clock;
	}

	Batch batch(UUID id, Caller caller) {
		return this.batches.find(id, caller).orElseThrow(() -> BatchNotFoundException.forId(id));
	}

	/**
	 * A page of the batches a caller may see, newest first (the officers' console).
	 * @param caller who looks: officers see the batches with an item of their tax office
	 * @param status only batches in this status, when given
	 * @param page from 0
	 * @param size batches per page
	 * @return the page
	 */
	public Page<Batch> batches(Caller caller, @Nullable BatchStatus status, int page, int size) {
		return new Page<>(this.batches.page(caller, status, page, size), this.batches.count(caller, status));
	}

	/**
	 * @param id the batch
	 * @param caller who looks
	 * @return the batch, when the caller may see it
	 */
	public Optional<Batch> find(UUID id, Caller caller) {
		return this.batches.find(id, caller);
	}

	/**
	 * A page of the items of a batch the caller may see: all of them for its filer and national officers,
	 * for an officer only those filed with its tax office (another office's returns do not exist for it).
	 * @throws BatchNotFoundException when the caller may not see the batch
	 */
	public List<BatchItem> items(UUID id, @Nullable ItemStatus status, int page, int size, Caller caller) {
		batch(id, caller);
		return this.items.page(id, status, page, size, caller);
	}

	/**
	 * How many items {@link #items} shows the caller in all its pages.
	 * @throws BatchNotFoundException when the caller may not see the batch
	 */
	public long countItems(UUID id, @Nullable ItemStatus status, Caller caller) {
		batch(id, caller);
		return this.items.count(id, status, caller);
	}

	/**
	 * @param items one page
	 * @param total in all pages
	 * @param <T> what is listed
	 */
	public record Page<T>(List<T> items, long total) {

	}

	/**
	 * Files a failed item again, on its own, with its own idempotency key: if the failure came after it
	 * was filed, it gets its receipt back.
	 * @throws BatchNotFoundException when the caller may not see the batch
	 * @throws BatchItemNotFoundException when the batch has no such item, or none the caller may see
	 * @throws ItemNotRetryableException if the item did not fail
	 * @throws DeclarationApiException if declaration-api cannot file it now
	 */
	public BatchItem retry(UUID id, int itemNo, Caller caller) {
		batch(id, caller);
		BatchItem item = this.items.find(id, itemNo, caller)
			.orElseThrow(() -> BatchItemNotFoundException.forItem(id, itemNo));
		if (item.status() != ItemStatus.FAILED) {
			throw new ItemNotRetryableException(itemNo, item.status());
		}
		PendingItem pending = this.items.content(id, itemNo).orElseThrow();
		List<ItemOutcome> outcomes = this.declarationApi.file(this.batches.filer(id), List.of(pending));
		this.transactions.executeWithoutResult((status) -> this.outcomes.record(id, outcomes, this.clock.instant()));
		log.info("Batch item retried batch={} item={} status={}", id, itemNo, outcomes.get(0).status());
		return this.items.find(id, itemNo).orElseThrow();
	}

	/**
	 * Cancels a batch: its items not filed yet never will be; those being filed at that moment (at most a
	 * chunk per partition) keep the outcome they get. A batch no job is running for ({@code FAILED}) is
	 * cancelled at once, in the same transaction as its items, the others when their job has nothing left to
	 * file; either way the filer gets the batch's notice. Cancelling a cancelled batch again changes nothing.
	 * The filer and national officers cancel any batch they see; an office officer only one whose every item
	 * still to be filed is addressed to its office, since the others' returns are not its to stop.
	 * @return the batch as it is now, and how many items this cancellation stopped
	 * @throws BatchNotCancellableException if it has completed, or has no item left to cancel (all filed:
	 * it completes)
	 * @throws BatchOfOtherOfficesException if the caller is an office officer and items of other offices
	 * are still to be filed
	 */
	public Cancellation cancel(UUID id, Caller caller) {
		Batch batch = batch(id, caller);
		if (batch.status() == BatchStatus.CANCELLED) {
			return new Cancellation(batch, 0);
		}
		Optional<BatchStatusRepository.Cancelled> cancelled = this.transactions.execute((tx) -> {
			if (caller.role() == Role.OFFICER) {
				int outside = this.items.pendingOutside(id, String.valueOf(caller.taxOffice()));
				if (outside > 0) {
					throw BatchOfOtherOfficesException.forBatch(id, outside);
				}
			}
			Optional<BatchStatusRepository.Cancelled> done = this.statuses.cancel(id, caller.subject(),
					this.clock.instant());
			if (done.isPresent() && done.get().status() == BatchStatus.FAILED) {
				// no job runs it to end it: ended here, with its items, so that a failure in between cannot leave
				// them cancelled and the batch FAILED, unannounced, behind an answer that nothing was changed
				this.lifecycle.completed(id);
			}
			return done;
		});
		if (cancelled == null || cancelled.isEmpty()) {
			Batch ended = batch(id, caller);
			if (ended.status() == BatchStatus.CANCELLED) {
				return new Cancellation(ended, 0);
			}
			throw new BatchNotCancellableException(id, ended.status());
		}
		log.info("Batch cancelled batch={} items={} by role={}", id, cancelled.get().items(), caller.role());
		this.meters.counter("etax.batch.bulkfiling.batches", "outcome", "cancelled").increment();
		return new Cancellation(batch(id, caller), cancelled.get().items());
	}

	/**
	 * @param batch the batch as it is after the cancellation
	 * @param itemsCancelled how many of its items the cancellation stopped (none when it was cancelled
	 * already)
	 */
	public record Cancellation(Batch batch, int itemsCancelled) {

	}

}
