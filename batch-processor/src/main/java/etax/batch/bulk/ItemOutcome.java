package etax.batch.bulk;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	/**
	 * @param itemNo the item
	 * @param result its entry in declaration-api's answer: {@code status} and a {@code receipt} or a {@code problem}
	 * @param json to keep the receipt or problem as JSON text
	 * @return the outcome: received (accepted or not), not received, or failed for a 5xx
	 */
	static ItemOutcome of(int itemNo, JsonNode result, JsonMapper json) {
		int status = result.path("status").asInt();
		JsonNode receipt = result.path("receipt");
		if (receipt.isObject()) {
			ItemStatus decided = "ACCEPTED".equals(text(receipt, "status")) ? ItemStatus.ACCEPTED : ItemStatus.NOT_ACCEPTED;
			String returnId = text(receipt, "returnId");
			return new ItemOutcome(itemNo, decided, status, status == 200,
					(returnId != null) ? UUID.fromString(returnId) : null, text(receipt, "transactionCode"),
					text(result, "taxOfficeCode"), json.writeValueAsString(receipt), null);
		}
		return new ItemOutcome(itemNo, (status >= 500) ? ItemStatus.FAILED : ItemStatus.NOT_RECEIVED, status, false, null,
				null, null, null, json.writeValueAsString(result.path("problem")));
	}

	/** An item whose own request failed as a whole. */
	static ItemOutcome failed(int itemNo, int httpStatus, String problem) {
		return new ItemOutcome(itemNo, ItemStatus.FAILED, httpStatus, false, null, null, null, null, problem);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

}
