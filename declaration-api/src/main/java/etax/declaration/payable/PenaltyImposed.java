package etax.declaration.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Announced on {@value #TOPIC} (key: MST) for each fine decided, beside the returns' payable items: the ledger
 * (payment-gateway) books it as an obligation of kind {@code PENALTY}, which bears no late-payment interest and which
 * money no payment line names reaches last. A fine is decided on a return filed late ({@code returnId}) or by an
 * inspection's conclusion on tax understated or evaded ({@code inspectionId}). Consumers de-duplicate on
 * {@code payableItemId}.
 */
public record PenaltyImposed(UUID eventId, String type, int version, Instant occurredAt, UUID payableItemId,
		@Nullable UUID returnId, @Nullable UUID inspectionId, String decisionNumber, String mst, String chapter,
		String subItem, String taxPeriod, long amount, String currency, LocalDate dueDate, String taxOfficeCode) {

	public static final String TOPIC = "etax.payable-items.v1";

	/**
	 * @param payableItemId the fine's payable item
	 * @param returnId the return fined for filing late, or null
	 * @param inspectionId the inspection whose conclusion decided the fine, or null
	 * @param decisionNumber the number of the decision that decided it
	 * @param occurredAt when the decision was recorded
	 * @param amount the fine, VND
	 * @param taxPeriod the period the voucher names it by ({@link FineTerms#taxPeriod})
	 * @param dueDate the last day to pay it ({@link FineTerms#dueDate})
	 * @return the announcement
	 */
	public static PenaltyImposed of(UUID payableItemId, @Nullable UUID returnId, @Nullable UUID inspectionId,
			String decisionNumber, Instant occurredAt, String mst, String chapter, String taxOfficeCode, long amount,
			String taxPeriod, LocalDate dueDate) {
		return new PenaltyImposed(payableItemId, "PenaltyImposed", 1, occurredAt, payableItemId, returnId, inspectionId,
				decisionNumber, mst, chapter, FineTerms.SUB_ITEM, taxPeriod, amount, "VND", dueDate, taxOfficeCode);
	}

}
