package etax.payment.confirmation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import etax.payment.confirmation.ConfirmationStateRepository.StoredState;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;

import org.springframework.stereotype.Component;

/**
 * The pending and failed reports of a poll judged against the bookings of their keys, recorded by an earlier poll
 * or earlier in this one.
 */
@Component
class UnbookedChecks {

	private final ConfirmationStateRepository confirmations;

	UnbookedChecks(ConfirmationStateRepository confirmations) {
		this.confirmations = confirmations;
	}

	/**
	 * Lets through the pending and failed reports whose key is not booked before them, and those already recorded
	 * with their status (a redelivery, judged a duplicate or a conflict): a report that a debit is pending or failed
	 * after it was booked would be kept apart while the money stays allocated, so it is a conflict; the bank takes a
	 * booked payment back with a reversal. Booked before means recorded by an earlier poll, or by this one from an
	 * entry earlier in it: a report earlier in the poll than its booking is kept apart as in a poll of its own, and the
	 * booking after it is recorded as a new row (ADR 0005, "Booked vs pending").
	 * @param valid the poll's valid confirmations, in its order
	 * @param bookedNow those of them this poll recorded as booked
	 */
	List<ReceivedConfirmation> check(List<ReceivedConfirmation> valid,
			List<ReceivedConfirmation> bookedNow, UUID recordingId, List<Rejection> rejections) {
		List<ReceivedConfirmation> unbooked = valid.stream().filter((r) -> !r.confirmation().status().isBooked()).toList();
		if (unbooked.isEmpty()) {
			return unbooked;
		}
		Set<ConfirmationKey> keys = new HashSet<>();
		unbooked.forEach((r) -> keys.add(r.confirmationKey()));
		Map<ConfirmationKey, StoredState> booked = this.confirmations.states(keys, null);
		if (booked.isEmpty()) {
			return unbooked;
		}
		Map<ReceivedConfirmation, Integer> positions = new IdentityHashMap<>();
		for (int i = 0; i < valid.size(); i++) {
			positions.put(valid.get(i), i);
		}
		Map<ConfirmationKey, Integer> bookedAt = new HashMap<>();
		bookedNow.forEach((r) -> bookedAt.put(r.confirmationKey(), positions.get(r)));
		Map<String, Set<ConfirmationKey>> recorded = new HashMap<>();
		for (BankConfirmation.Status status : List.of(BankConfirmation.Status.PENDING, BankConfirmation.Status.FAILED)) {
			recorded.put(status.name(), this.confirmations.states(booked.keySet(), status.name()).keySet());
		}
		List<ReceivedConfirmation> passed = new ArrayList<>(unbooked.size());
		for (ReceivedConfirmation r : unbooked) {
			StoredState state = booked.get(r.confirmationKey());
			boolean bookedBefore = state != null && (!state.recordingId().equals(recordingId)
					|| bookedAt.getOrDefault(r.confirmationKey(), Integer.MAX_VALUE) < positions.get(r));
			if (bookedBefore && !recorded.get(r.confirmation().status().name()).contains(r.confirmationKey())) {
				rejections.add(Rejection.bookedAlready(r, this.confirmations.rawMessage(r.confirmationKey(), null)));
			}
			else {
				passed.add(r);
			}
		}
		return passed;
	}

}
