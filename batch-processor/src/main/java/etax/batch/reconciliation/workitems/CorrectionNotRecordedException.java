package etax.batch.reconciliation.workitems;

import org.jspecify.annotations.Nullable;

/**
 * The gateway did not take a correction request, proposed or approved: it refused it, or its answer did not
 * come. The resolution or approval is not recorded here either; approving again sends the same request (same
 * id). When the answer did not come the gateway may hold it all the same ({@link #gatewayMayHoldIt()}).
 */
public final class CorrectionNotRecordedException extends RuntimeException {

	private final int gatewayStatus;

	private final @Nullable String gatewayType;

	private final boolean gatewayMayHoldIt;

	CorrectionNotRecordedException(String message, int gatewayStatus, @Nullable String gatewayType,
			boolean gatewayMayHoldIt, @Nullable Throwable cause) {
		super(message, cause);
		this.gatewayStatus = gatewayStatus;
		this.gatewayType = gatewayType;
		this.gatewayMayHoldIt = gatewayMayHoldIt;
	}

	/** @return the gateway's HTTP status, 0 when it was not reached */
	public int gatewayStatus() {
		return this.gatewayStatus;
	}

	/**
	 * @return whether the gateway may have taken it although it did not say so: its answer was lost (a read
	 * timeout, a connection dropped) or was a 5xx (a proxy's, or the gateway's own after it committed); false when
	 * it refused it (4xx) or was never reached
	 */
	public boolean gatewayMayHoldIt() {
		return this.gatewayMayHoldIt;
	}

	/** @return the gateway's problem type, if it answered with one */
	public @Nullable String gatewayType() {
		return this.gatewayType;
	}

}
