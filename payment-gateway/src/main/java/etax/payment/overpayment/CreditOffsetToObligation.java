package etax.payment.overpayment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An amount of a taxpayer's credit offset on its request (01/ĐNXLNT) against an item of its own or of another
 * MST, once two officers approved it, on {@code etax.payments.v1} keyed by the credit's MST through the outbox.
 * The item's taxpayer learns of it as of any allocation ({@code PaymentAllocated}, {@code APPLIED}).
 *
 * @param eventId the event id
 * @param type always {@value #TYPE}
 * @param version always 1
 * @param occurredAt when the approval was committed
 * @param requestId the request
 * @param mst the taxpayer whose credit it was
 * @param creditId the credit
 * @param subItem the credit's sub-item
 * @param amount whole VND
 * @param offsetOn the day it counts as paid on the item: the day of the approval
 * @param payableItemId the item
 * @param obligationMst the item's taxpayer
 * @param outstandingAfter what the item still owes
 * @param settled whether it owes nothing
 */
public record CreditOffsetToObligation(UUID eventId, String type, int version, Instant occurredAt, UUID requestId,
		String mst, UUID creditId, String subItem, BigDecimal amount, LocalDate offsetOn, String payableItemId,
		String obligationMst, BigDecimal outstandingAfter, boolean settled) {

	public static final String TYPE = "CreditOffsetToObligation";

}
