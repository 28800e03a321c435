package etax.declaration.submission;

import java.time.Instant;
import java.util.UUID;

import etax.ids.TimeOrderedIds;

/**
 * Announced on {@code etax.declarations.v1} (key: MST) when an accepted supplement supersedes the return
 * in force for its period. The superseded return itself is not changed.
 */
record ReturnSuperseded(UUID eventId, String type, int version, Instant occurredAt, UUID returnId,
		String transactionCode, UUID supersededBy, String supersedingTransactionCode, String mst, String formCode) {

	static ReturnSuperseded of(UUID returnId, String transactionCode, StoredReturn by, Instant at) {
		return new ReturnSuperseded(TimeOrderedIds.next(), "ReturnSuperseded", 1, at, returnId, transactionCode,
				by.id(), by.transactionCode(), by.mst(), by.formCode());
	}

}
