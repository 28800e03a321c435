package etax.payment.correction;

import java.util.UUID;

/**
 * No correction request has this id.
 */
public final class CorrectionNotFoundException extends RuntimeException {

	private CorrectionNotFoundException(String message) {
		super(message);
	}

	public static CorrectionNotFoundException forId(UUID id) {
		return new CorrectionNotFoundException("No correction request has id " + id);
	}

}
