package etax.batch.bulk;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One item of a batch and what it got.
 *
 * @param itemNo its number, from 1, in upload order
 * @param name its zip entry name; none in a bundle
 * @param status its outcome
 * @param transactionCode the receipt's transaction code, when received
 * @param returnId the stored return, when received
 * @param replayed whether the receipt is that of an earlier filing of the same return
 * @param findings every finding of the acceptance notice, when received
 * @param problem the RFC 9457 problem, when not received or failed
 * @param attempts how often it was filed (more than once after a retry or a restart)
 * @param decidedAt when it got its outcome
 */
public record BatchItem(int itemNo, @Nullable String name, ItemStatus status, @Nullable String transactionCode,
		@Nullable UUID returnId, @Nullable Boolean replayed, @Nullable JsonNode findings, @Nullable JsonNode problem,
		int attempts, @Nullable Instant decidedAt) {

}
