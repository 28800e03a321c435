package etax.payment.overpayment;

import java.util.UUID;

/**
 * No overpayment request of this taxpayer has this id that the caller may read: none at all, another taxpayer's,
 * or another office's. All read alike.
 */
public final class OverpaymentRequestNotFoundException extends RuntimeException {

	private OverpaymentRequestNotFoundException(String message) {
		super(message);
	}

	static OverpaymentRequestNotFoundException forId(UUID id) {
		return new OverpaymentRequestNotFoundException("No overpayment request of this taxpayer has id " + id);
	}

}
