package etax.batch.bulk;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What declaration-api answered for one item.
 *
 * @param itemNo the item
 * @param status its status from the answer
 * @param httpStatus the status a single filing would have got (201, 200 replayed, 4xx, 500)
 * @param replayed whether the receipt is the one of an earlier filing of the same key or content
 * @param returnId the stored return, when received
 * @param transactionCode its transaction code, when received
 * @param taxOfficeCode the tax office it was filed with, when received
 * @param receipt the receipt and acceptance notice as JSON, when received
 * @param problem the RFC 9457 problem as JSON, when not received or failed
 */
record ItemOutcome(int itemNo, ItemStatus status, int httpStatus, boolean replayed, @Nullable UUID returnId,
		@Nullable String transactionCode, @Nullable String taxOfficeCode, @Nullable String receipt,
		@Nullable String problem) {

}
