package etax.batch.bulk;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A batch as its filer and officers see it.
 *
 * @param id the batch id
 * @param status where it is
 * @param format how it was uploaded
 * @param items how many returns it holds
 * @param counts its items by outcome
 * @param receivedAt when it was stored
 * @param completedAt when its last item got an outcome
 */
public record Batch(UUID id, BatchStatus status, Format format, int items, Counts counts, Instant receivedAt,
		@Nullable Instant completedAt) {

	/**
	 * @param pending not filed yet
	 * @param received got a receipt (accepted or not)
	 * @param accepted received and accepted
	 * @param notAccepted received and not accepted
	 * @param notReceived refused before a receipt (with findings or a problem)
	 * @param failed unexpected errors, to retry
	 * @param cancelled not filed because the batch was cancelled first
	 */
	public record Counts(int pending, int received, int accepted, int notAccepted, int notReceived, int failed,
			int cancelled) {

	}

}
