package etax.payment.overpayment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The treasury refused a refund order ({@link CreditRefunded}): the amount is the taxpayer's credit again, on
 * {@code etax.payments.v1} keyed by the MST through the outbox.
 *
 * @param eventId the event id
 * @param type always {@value #TYPE}
 * @param version always 1
 * @param occurredAt when the refusal was recorded
 * @param requestId the request
 * @param mst the taxpayer
 * @param creditId the credit the amount is back on
 * @param amount whole VND
 * @param postingId the refund order's posting id
 * @param reason why, as the treasury said; null if it gave no reason
 */
public record CreditRefundRefused(UUID eventId, String type, int version, Instant occurredAt, UUID requestId,
		String mst, UUID creditId, BigDecimal amount, UUID postingId, @Nullable String reason) {

	public static final String TYPE = "CreditRefundRefused";

}
