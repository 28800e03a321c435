package etax.declaration.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import etax.ids.TimeOrderedIds;

/**
 * Announced on {@value #TOPIC} (key: MST) for every payable item of an accepted return, so the ledger
 * (payment-gateway) books the obligation. Consumers de-duplicate on {@code eventId} or
 * {@code payableItemId}.
 * <p>
 * {@code taxOfficeCode} (the return's {@code maCQTNoiNop}, the office it was filed with) was added to version
 * 1 without a new version: consumers ignore fields they do not know, and read an event without it as one of
 * no office (docs/adr/0022-office-scope-at-the-gateway.md).
 */
record PayableItemCreated(UUID eventId, String type, int version, Instant occurredAt, UUID payableItemId,
		UUID returnId, String transactionCode, String mst, String chapter, String subItem, String taxPeriod,
		long amount, String currency, LocalDate dueDate, String paymentReference, String taxOfficeCode) {

	static final String TOPIC = "etax.payable-items.v1";

	static PayableItemCreated of(PayableItem item, AcceptedReturn accepted) {
		return new PayableItemCreated(TimeOrderedIds.next(), "PayableItemCreated", 1, accepted.acceptedAt(), item.id(),
				accepted.returnId(), accepted.transactionCode(), accepted.mst(), item.chapter(), item.subItem(),
				item.taxPeriod(), item.amount(), "VND", item.dueDate(), item.paymentReference(),
				accepted.taxOfficeCode());
	}

}
