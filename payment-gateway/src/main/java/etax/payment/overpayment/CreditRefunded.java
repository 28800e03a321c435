package etax.payment.overpayment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An amount of a taxpayer's credit refunded on its request (01/ĐNXLNT) once two officers approved it, on
 * {@code etax.payments.v1} keyed by the MST through the outbox, so that the filing side can show it. The treasury
 * pays the refund order later; a refusal is announced as {@link CreditRefundRefused}.
 *
 * @param eventId the event id
 * @param type always {@value #TYPE}
 * @param version always 1
 * @param occurredAt when the approval was committed
 * @param requestId the request
 * @param mst the taxpayer
 * @param creditId the credit
 * @param subItem the credit's sub-item
 * @param amount whole VND
 * @param refundedOn the day of the refund order
 * @param postingId the refund order's posting id at the treasury
 */
public record CreditRefunded(UUID eventId, String type, int version, Instant occurredAt, UUID requestId, String mst,
		UUID creditId, String subItem, BigDecimal amount, LocalDate refundedOn, UUID postingId) {

	public static final String TYPE = "CreditRefunded";

}
