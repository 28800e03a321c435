package etax.declaration.penalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Announced on {@value #TOPIC} (key: MST) for each fine decided on a return, beside the returns' payable items: the
 * ledger (payment-gateway) books it as an obligation of kind {@code PENALTY}, which bears no late-payment interest and
 * which money no payment line names reaches last. Consumers de-duplicate on {@code payableItemId}.
 */
record PenaltyImposed(UUID eventId, String type, int version, Instant occurredAt, UUID payableItemId, UUID returnId,
		String decisionNumber, String mst, String chapter, String subItem, String taxPeriod, long amount,
		String currency, LocalDate dueDate, String taxOfficeCode) {

	static final String TOPIC = "etax.payable-items.v1";

	static PenaltyImposed of(LateFilingPenalty penalty, String chapter, String taxOfficeCode) {
		return new PenaltyImposed(penalty.payableItemId(), "PenaltyImposed", 1, penalty.recordedAt(),
				penalty.payableItemId(), penalty.returnId(), penalty.decisionNumber(), penalty.mst(), chapter,
				penalty.subItem(), penalty.taxPeriod(), penalty.amount(), "VND", penalty.dueDate(), taxOfficeCode);
	}

}
