package etax.payment.confirmation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import etax.payment.confirmation.ReversiblePaymentRepository.Reversible;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The reversals of a poll judged in its order, by the rule of {@link Reversals}: the poll's own payments and
 * reversals count as well as the recorded ones.
 */
@Component
class ReversalChecks {

	private final ReversiblePaymentRepository payments;

	ReversalChecks(ReversiblePaymentRepository payments) {
		this.payments = payments;
	}

	/**
	 * Lets through the reversals that name a payment of the same payer and total recorded before them (stored, or
	 * earlier in this poll: the ledger allocates the poll in its order), not reversed yet (by another reference,
	 * or earlier in this poll); a reversal already recorded under its own key passes, to be judged a duplicate or a
	 * conflict.
	 */
	List<ReceivedConfirmation> check(List<ReceivedConfirmation> booked, List<Rejection> rejections) {
		List<@Nullable Reversible> found = Reversals.namedPayments(
				booked.stream().map(ReceivedConfirmation::confirmation).toList(), this.payments);
		Map<ConfirmationKey, String> reversedInPoll = new LinkedHashMap<>();
		List<ReceivedConfirmation> passed = new ArrayList<>();
		for (int i = 0; i < booked.size(); i++) {
			ReceivedConfirmation received = booked.get(i);
			BankConfirmation c = received.confirmation();
			if (c.reversalOf() == null) {
				passed.add(received);
				continue;
			}
			ConfirmationKey original = new ConfirmationKey(c.bankCode(), c.reversalOf());
			Reversible payment = found.get(i);
			String problem = Reversals.problem(c, payment);
			if (problem == null && !reversedInPoll.getOrDefault(original, c.bankReference()).equals(c.bankReference())) {
				problem = "the payment is already reversed";
			}
			if (problem != null) {
				rejections.add(Rejection.of(received, RejectionReason.INVALID_REVERSAL, problem));
			}
			else {
				reversedInPoll.put(original, c.bankReference());
				passed.add(received);
			}
		}
		return passed;
	}

}
