package etax.payment.confirmation;

import etax.payment.confirmation.ConfirmationRepository.Reversible;
import org.jspecify.annotations.Nullable;

/**
 * What a reversal must name: a recorded payment (status DEBITED) of its bank, of the same payer, currency
 * and total, not reversed by another reference. One rule for the listener, which also knows the payments
 * earlier in its poll, and for the HTTP intake and re-drive, which refuse at once what they can check.
 */
final class Reversals {

	private Reversals() {
	}

	/**
	 * @param reversal a confirmation with status REVERSED
	 * @param payment what is recorded under the key it names, or null if nothing is
	 * @return the broken rule in words (no personal data), or null if the reversal may be recorded
	 */
	static @Nullable String problem(BankConfirmation reversal, @Nullable Reversible payment) {
		if (payment == null || !payment.status().equals(BankConfirmation.Status.DEBITED.name())) {
			return "reversalOf names no recorded payment of this bank";
		}
		if (!payment.payerMst().equals(reversal.payer().value()) || !payment.currency().equals(reversal.currency())
				|| payment.amount().compareTo(reversal.amount()) != 0) {
			return "a reversal has the payer, currency and total of the payment it reverses";
		}
		if (payment.reversedBy() != null && !payment.reversedBy().equals(reversal.bankReference())) {
			return "the payment is already reversed";
		}
		return null;
	}

}
