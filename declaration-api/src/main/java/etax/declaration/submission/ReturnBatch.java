package etax.declaration.submission;

import java.util.List;
import java.util.Map;

import etax.access.Role;
import org.jspecify.annotations.Nullable;

/**
 * The batch-of-returns API ({@code POST /api/v1/returns:batch}): how batch-processor files the items of a
 * bulk submission, many per request, each as if its filer had filed it alone.
 */
final class ReturnBatch {

	private ReturnBatch() {
	}

	/**
	 * @param filer the caller who sent the bulk submission, as batch-processor authenticated and recorded it
	 * @param items the returns, in the order they are answered
	 */
	record Request(OnBehalfOf filer, List<Item> items) {

	}

	/**
	 * @param subject the filer's token subject: idempotency keys, webhooks and {@code filed_by} are scoped to it
	 * @param role {@code AGENT} or {@code TVAN}
	 * @param mst the agent's MST; none for a T-VAN
	 */
	record OnBehalfOf(String subject, Role role, @Nullable String mst) {

	}

	/**
	 * @param idempotencyKey the filer's key for this return (batch-processor: batch id and item number)
	 * @param xml the return, byte for byte (base64 in JSON)
	 */
	record Item(String idempotencyKey, byte[] xml) {

	}

	/** @param items one result per item, in the request's order */
	record Response(List<ItemResult> items) {

	}

	/**
	 * What one item got: a receipt, as {@code POST /api/v1/returns} answers 201 (filed now) or 200 (filed
	 * before under this key or with this content), or the problem it would answer.
	 * @param idempotencyKey the item's key
	 * @param status the HTTP status a single filing would have got
	 * @param receipt the receipt and acceptance notice, when received
	 * @param taxOfficeCode the tax office the return was filed with, when received
	 * @param problem the RFC 9457 problem, when not received
	 */
	record ItemResult(String idempotencyKey, int status, @Nullable Receipt receipt, @Nullable String taxOfficeCode,
			@Nullable Map<String, Object> problem) {

		static ItemResult received(String key, ReturnIntake.Filing filing) {
			return new ItemResult(key, filing.replayed() ? 200 : 201, filing.receipt(), filing.taxOfficeCode(), null);
		}

		static ItemResult refused(String key, int status, Map<String, Object> problem) {
			return new ItemResult(key, status, null, null, problem);
		}

	}

}
