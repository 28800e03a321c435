package etax.payment.correction;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A correction request as the officer who decided it proposed it, with their own token: the gateway's proof
 * of who asked, which an approver's request must match (four eyes without trusting the approver's word).
 *
 * @param correctionId the request's id, chosen by the caller
 * @param requestNumber its number (SO_TS)
 * @param kind RECODE, REVERSE or RECORD
 * @param proposedBy the proposing officer: the subject of the token that proposed it
 * @param proposedAt when
 * @param withdrawal its withdrawal, once it is withdrawn: it is then never recorded
 */
public record CorrectionProposal(UUID correctionId, String requestNumber, String kind, String proposedBy,
		Instant proposedAt, @Nullable Withdrawal withdrawal) {

	/**
	 * A proposal taken back before it was recorded.
	 * @param withdrawnBy the subject of the token that withdrew it: the proposer, an approver, or batch-processor
	 * @param reason why
	 * @param withdrawnAt when
	 */
	public record Withdrawal(String withdrawnBy, String reason, Instant withdrawnAt) {

	}

}
