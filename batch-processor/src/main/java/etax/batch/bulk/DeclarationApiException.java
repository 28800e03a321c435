package etax.batch.bulk;

/**
 * declaration-api cannot file items now (unreachable, unavailable after retries, or refusing this
 * service's requests): the chunk fails and the job is left for a restart; no item is marked failed for it.
 */
public class DeclarationApiException extends RuntimeException {

	DeclarationApiException(String message) {
		super(message);
	}

}
