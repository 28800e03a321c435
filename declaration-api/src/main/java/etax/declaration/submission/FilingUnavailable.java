package etax.declaration.submission;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A filing that could not be decided now, for no fault of the return: the database unreachable or a transaction
 * that may succeed if tried again, or the service stopping. Answered 503 {@code temporarily-unavailable}, alone
 * or as an item of a batch: filed again with the same idempotency key, it is decided once.
 */
public final class FilingUnavailable {

	private FilingUnavailable() {
	}

	/**
	 * @param failure what filing threw
	 * @return whether it is an outage rather than a refusal or a defect
	 */
	public static boolean is(RuntimeException failure) {
		return failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
				|| failure instanceof CannotCreateTransactionException || failure instanceof Stopping;
	}

	/** The filing service is stopping: the return was not queued. */
	public static final class Stopping extends RuntimeException {

		Stopping() {
			super("The filing service is not running");
		}

	}

}
