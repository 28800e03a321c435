package etax.batch.reconciliation.workitems;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A correction request (tra soát, VN-ETAX §5.5) as the reconciliation keeps it: the original voucher, the
 * coding as paid (NOIDUNG_TS) and as it should be (NOIDUNG_DC), the treasury (MA_KBNN).
 *
 * @param correctionId its id, also at the gateway
 * @param requestNumber its number (SO_TS)
 * @param kind RECODE, REVERSE or RECORD (LOAI_TS)
 * @param bankCode the bank
 * @param bankReference the voucher's bank reference (MA_TCHIEU)
 * @param lineNumber the voucher line
 * @param postingId the treasury posting
 * @param treasuryCode the treasury
 * @param paid the coding as paid
 * @param corrected the coding as it should be
 * @param currency the currency
 * @param reason why
 * @param requestedBy the officer who decided
 * @param requestedAt when
 * @param status AWAITING_APPROVAL, RECORDED (approved and recorded at the gateway), REJECTED, WITHDRAWN
 * (the line matched before anyone approved, or the resolution that proposed it was not kept although the gateway
 * may hold the proposal)
 * @param decidedBy who approved or rejected it, the run that withdrew it, or its requester when its resolution was
 * not kept
 * @param decidedAt when
 */
public record CorrectionRequest(UUID correctionId, String requestNumber, ResolutionKind kind, String bankCode,
		String bankReference, @Nullable Integer lineNumber, @Nullable UUID postingId, @Nullable String treasuryCode,
		Coding paid, Coding corrected, @Nullable String currency, String reason, String requestedBy,
		Instant requestedAt, String status, @Nullable String decidedBy, @Nullable Instant decidedAt) {

	/**
	 * @param chapter the budget chapter
	 * @param subItem the sub-item
	 * @param areaCode the area
	 * @param amount the amount
	 */
	public record Coding(@Nullable String chapter, @Nullable String subItem, @Nullable String areaCode,
			@Nullable BigDecimal amount) {

	}

}
