package etax.payment.correction;

import java.time.Instant;
import java.util.UUID;

/**
 * A correction request as recorded.
 *
 * @param correctionId the request's id
 * @param requestNumber its number (SO_TS)
 * @param kind RECODE, REVERSE or RECORD
 * @param recordedAt when the gateway recorded it
 * @param approvedBy the officer who approved it
 * @param requestedBy the officer who decided and proposed it, as their own token proved
 */
public record RecordedCorrection(UUID correctionId, String requestNumber, String kind, Instant recordedAt,
		String approvedBy, String requestedBy) {

}
