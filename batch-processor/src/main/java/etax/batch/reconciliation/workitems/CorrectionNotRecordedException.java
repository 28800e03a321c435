package etax.batch.reconciliation.workitems;

import org.jspecify.annotations.Nullable;

/**
 * The gateway did not record an approved correction request: it refused it, or could not be reached. The
 * approval is not recorded either; approving again sends the same request (same id).
 */
public final class CorrectionNotRecordedException extends RuntimeException {

	private final int gatewayStatus;

	private final @Nullable String gatewayType;

	CorrectionNotRecordedException(String message, int gatewayStatus, @Nullable String gatewayType,
			@Nullable Throwable cause) {
		super(message, cause);
		this.gatewayStatus = gatewayStatus;
		this.gatewayType = gatewayType;
	}

	/** @return the gateway's HTTP status, 0 when it was not reached */
	public int gatewayStatus() {
		return this.gatewayStatus;
	}

	/** @return the gateway's problem type, if it answered with one */
	public @Nullable String gatewayType() {
		return this.gatewayType;
	}

}
