package etax.batch.bulk;

/**
 * declaration-api cannot file items now (unreachable, unavailable after retries, or refusing this
 * service's requests): the chunk fails and the job is left for a restart; no item is marked failed for it.
 */
public class DeclarationApiException extends RuntimeException {

	private final boolean outage;

	DeclarationApiException(String message) {
		this(message, false);
	}

	private DeclarationApiException(String message, boolean outage) {
		super(message);
		this.outage = outage;
	}

	/** declaration-api is down or unreachable, or this service is stopping: nothing about the batch is at fault. */
	static DeclarationApiException outage(String message) {
		return new DeclarationApiException(message, true);
	}

	/**
	 * Whether it is an outage ({@link #outage(String)}) rather than a refusal or an answer this service cannot read,
	 * which a run after it would meet again.
	 */
	public boolean isOutage() {
		return this.outage;
	}

}
