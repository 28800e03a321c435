package etax.declaration.submission;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

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
				|| failure instanceof CannotCreateTransactionException || failure instanceof TransactionSystemException
				|| failure instanceof RecoverableDataAccessException || failure instanceof Stopping;
	}

	/**
	 * Whether a failure leaves it unknown if the transaction committed: the connection broke, or the commit failed.
	 * Filing the returns again one by one could store a second time what the database did take.
	 * @param failure what filing threw
	 * @return whether the outcome is unknown
	 */
	static boolean outcomeUnknown(RuntimeException failure) {
		return failure instanceof DataAccessResourceFailureException || failure instanceof TransactionSystemException
				|| failure instanceof RecoverableDataAccessException;
	}

	/** The filing service is stopping: the return was not queued. */
	public static final class Stopping extends RuntimeException {

		Stopping() {
			super("The filing service is not running");
		}

	}

}
