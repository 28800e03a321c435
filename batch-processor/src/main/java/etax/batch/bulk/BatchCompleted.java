package etax.batch.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The push notice that a batch is done (completed or cancelled), on {@value #TOPIC} keyed by the filer's MST (a T-VAN: its subject),
 * beside the receipts and acceptance notices declaration-api sends there for each item. The event id is
 * derived from the batch id, so a notice sent twice (the outbox delivers at least once) is recognisably
 * the same one.
 *
 * @param eventId the same for every delivery of this notice
 * @param type {@code BatchCompleted}
 * @param version 1
 * @param occurredAt when the last item got its outcome
 * @param batchId the batch
 * @param status {@code COMPLETED}, or {@code CANCELLED} when its filer cancelled it first
 * @param filer the subject of the filer who uploaded it
 * @param items how many returns it holds
 * @param counts its items by outcome
 * @param href where its items are listed
 */
record BatchCompleted(UUID eventId, String type, int version, Instant occurredAt, UUID batchId, BatchStatus status,
		String filer, int items, Batch.Counts counts, String href) {

	static final String TOPIC = "etax.notices.v1";

	static BatchCompleted of(Batch batch, Filer filer, Instant at) {
		UUID eventId = UUID.nameUUIDFromBytes(("BatchCompleted:" + batch.id()).getBytes(StandardCharsets.UTF_8));
		return new BatchCompleted(eventId, "BatchCompleted", 1, at, batch.id(), batch.status(), filer.subject(),
				batch.items(),
				batch.counts(), "/api/v1/batches/" + batch.id() + "/items");
	}

}
