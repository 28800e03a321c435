package etax.payment.confirmation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import etax.payment.confirmation.ReversiblePaymentRepository.Reversible;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * The reversals of a poll judged in its order, by the rule of {@link Reversals}: the poll's own payments and
 * reversals count as well as the recorded ones. A reversal judged against a payment of the poll stands only if the
 * poll records that payment ({@link #requireRecorded}).
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
	Checked check(List<ReceivedConfirmation> booked, List<Rejection> rejections) {
		List<BankConfirmation> confirmations = booked.stream().map(ReceivedConfirmation::confirmation).toList();
		List<ConfirmationKey> originals = Reversals.originals(confirmations);
		this.payments.lock(originals);
		Map<ConfirmationKey, Reversible> stored = this.payments.reversible(originals);
		List<@Nullable Reversible> found = Reversals.namedPayments(confirmations, stored);
		Map<ConfirmationKey, String> reversedInPoll = new LinkedHashMap<>();
		Set<ConfirmationKey> paymentsOfThePoll = new HashSet<>();
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
				if (!stored.containsKey(original)) {
					paymentsOfThePoll.add(original);
				}
				passed.add(received);
			}
		}
		return new Checked(passed, paymentsOfThePoll);
	}

	/**
	 * Fails the poll when it recorded a reversal judged against a payment of the poll that the poll did not record:
	 * another instance recorded that key between the check and the insert, with this content or another (a conflict,
	 * maybe of another payer), and the ledger would take back what that payment paid. Tried again, the poll finds
	 * the payment stored and judges the reversal against it.
	 * @param checked what {@link #check} let through
	 * @param recorded the booked confirmations the poll recorded
	 * @throws ConcurrencyFailureException if such a reversal was recorded
	 */
	void requireRecorded(Checked checked, List<ReceivedConfirmation> recorded) {
		if (checked.paymentsOfThePoll().isEmpty()) {
			return;
		}
		Set<ConfirmationKey> recordedKeys = new HashSet<>();
		recorded.forEach((r) -> recordedKeys.add(r.confirmationKey()));
		for (ReceivedConfirmation r : recorded) {
			String reversalOf = r.confirmation().reversalOf();
			ConfirmationKey original = (reversalOf != null) ? new ConfirmationKey(r.confirmation().bankCode(), reversalOf)
					: null;
			if (original != null && checked.paymentsOfThePoll().contains(original) && !recordedKeys.contains(original)) {
				throw new ConcurrencyFailureException("A reversal was judged against a payment of its poll that "
						+ "another poll recorded first; the poll is recorded again, the reversal judged against the "
						+ "payment stored");
			}
		}
	}

	/**
	 * The booked confirmations a check let through.
	 * @param passed the payments, and the reversals that may be recorded, in the poll's order
	 * @param paymentsOfThePoll the payments, not stored when checked, that reversals among them were judged against
	 */
	record Checked(List<ReceivedConfirmation> passed, Set<ConfirmationKey> paymentsOfThePoll) {

	}

}
