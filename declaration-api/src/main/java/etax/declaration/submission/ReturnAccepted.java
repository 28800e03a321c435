package etax.declaration.submission;

import java.time.Instant;
import java.util.UUID;

import etax.ids.TimeOrderedIds;

/**
 * Announced on {@code etax.declarations.v1} (key: MST) once an accepted return is committed. Consumers
 * de-duplicate on {@code eventId}.
 */
record ReturnAccepted(UUID eventId, String type, int version, Instant occurredAt, UUID returnId,
		String transactionCode, String mst, String formCode, String maTKhai, String formVersion, String filingType,
		int submissionNumber, StoredReturn.Period period, String taxOfficeCode, Instant receivedAt) {

	static final String TOPIC = "etax.declarations.v1";

	static ReturnAccepted of(StoredReturn stored, Instant now) {
		return new ReturnAccepted(TimeOrderedIds.next(), "ReturnAccepted", 1, now, stored.id(),
				stored.transactionCode(), stored.mst(), stored.formCode(), stored.maTKhai(), stored.formVersion(),
				stored.filingType(), stored.submissionNumber(), stored.period(), stored.taxOfficeCode(),
				stored.receivedAt());
	}

}
