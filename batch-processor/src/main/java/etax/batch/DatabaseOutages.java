package etax.batch;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database could not do it now (unreachable, a deadlock or serialization failure that retries did not
 * overcome): nothing was changed, and the same may be tried again. The API answers these 503
 * ({@link ApiExceptionHandler}); what is read or run in the background tries again later.
 */
public final class DatabaseOutages {

	private DatabaseOutages() {
	}

	/**
	 * @param failure what was thrown
	 * @return whether it is the database's outage, not the fault of what was asked
	 */
	public static boolean isOutage(Throwable failure) {
		return failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException
				|| failure instanceof DataAccessResourceFailureException
				|| failure instanceof CannotCreateTransactionException;
	}

}
