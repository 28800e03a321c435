package etax.declaration.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Announced on {@value #TOPIC} (key: MST) for each tax an inspection's conclusion assessed, beside the returns'
 * {@code PayableItemCreated}: the ledger (payment-gateway) books it as an obligation of the taxpayer, due on the
 * period's regular deadline. Consumers de-duplicate on {@code payableItemId}.
 */
record TaxAssessed(UUID eventId, String type, int version, Instant occurredAt, UUID payableItemId, UUID inspectionId,
		String decisionNumber, String mst, String chapter, String subItem, String taxPeriod, long amount,
		String currency, LocalDate dueDate, String taxOfficeCode) {

	static final String TOPIC = "etax.payable-items.v1";

	static TaxAssessed of(AssessedTax tax, TaxInspection inspection, TaxInspection.Conclusion conclusion, String chapter,
			String taxOfficeCode) {
		return new TaxAssessed(tax.payableItemId(), "TaxAssessed", 1, conclusion.recordedAt(), tax.payableItemId(),
				inspection.id(), conclusion.decisionNumber(), inspection.mst(), chapter, tax.subItem(), tax.taxPeriod(),
				tax.amount(), "VND", tax.dueDate(), taxOfficeCode);
	}

}
