package etax.batch.reconciliation.workitems;

/**
 * A resolution that does not fit its work item (a recode without a corrected coding, a reversal of a
 * payment the tax side never recorded, no reason).
 */
public final class InvalidResolutionException extends RuntimeException {

	private InvalidResolutionException(String message) {
		super(message);
	}

	public static InvalidResolutionException of(long id, String rule) {
		return new InvalidResolutionException("Work item " + id + ": " + rule);
	}

}
