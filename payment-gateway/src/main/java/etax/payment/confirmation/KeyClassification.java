package etax.payment.confirmation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.payment.confirmation.ConfirmationStateRepository.StoredState;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Records a poll's confirmations of one kind (booked, pending or failed) once per key and tells which of them this
 * poll recorded: the database, not the poll, decides what is new, so two polls with the same key (a redelivery,
 * another instance) record it once.
 */
@Component
class KeyClassification {

	private final ConfirmationRepository confirmations;

	private final ConfirmationStateRepository states;

	KeyClassification(ConfirmationRepository confirmations, ConfirmationStateRepository states) {
		this.confirmations = confirmations;
		this.states = states;
	}

	/**
	 * Inserts the first of each key in the poll, then judges every received confirmation against what the
	 * database holds under its key, whoever put it there: recorded by this poll, a duplicate, or a conflict.
	 */
	Classified classify(List<ReceivedConfirmation> received, UUID recordingId, @Nullable String unbookedStatus,
			List<Rejection> rejections) {
		if (received.isEmpty()) {
			return new Classified(List.of(), 0);
		}
		Map<ConfirmationKey, ReceivedConfirmation> firsts = new LinkedHashMap<>();
		received.forEach((r) -> firsts.putIfAbsent(r.confirmationKey(), r));
		List<ReceivedConfirmation> inKeyOrder = firsts.values()
			.stream()
			.sorted(Comparator.comparing(ReceivedConfirmation::confirmationKey))
			.toList();
		this.confirmations.insertAll(inKeyOrder, recordingId, unbookedStatus == null);
		Map<ConfirmationKey, StoredState> states = this.states.states(firsts.keySet(), unbookedStatus);
		List<ReceivedConfirmation> recorded = new ArrayList<>();
		int duplicates = 0;
		for (ReceivedConfirmation r : received) {
			StoredState state = states.get(r.confirmationKey());
			if (state == null) {
				// not inserted, and nothing under its key: a reversal whose payment another poll (another
				// instance) reversed at the same time, after this one checked it (index confirmation_reversal)
				rejections.add(Rejection.of(r, RejectionReason.INVALID_REVERSAL, "the payment is already reversed: "
						+ "another reversal of it was recorded at the same time"));
				continue;
			}
			if (firsts.get(r.confirmationKey()) == r && state.recordingId().equals(recordingId)) {
				recorded.add(r);
			}
			else if (state.contentHash().equals(r.contentHash())) {
				duplicates++;
			}
			else {
				rejections.add(Rejection.conflict(r, this.states.rawMessage(r.confirmationKey(), unbookedStatus)));
			}
		}
		return new Classified(recorded, duplicates);
	}

	/**
	 * What one classification recorded.
	 * @param recorded the confirmations this poll recorded
	 * @param duplicates how many were recorded already with the same content
	 */
	record Classified(List<ReceivedConfirmation> recorded, int duplicates) {

	}

}
