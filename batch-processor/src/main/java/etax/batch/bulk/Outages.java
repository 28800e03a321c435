package etax.batch.bulk;

import java.util.List;

import etax.batch.DatabaseOutages;

/** Whether a run failed for an outage alone, nothing about its batch at fault. */
final class Outages {

	private Outages() {
	}

	/**
	 * @param failures what a run failed with
	 * @return whether there is a failure and each is, or is caused by, an outage: declaration-api down or
	 * unreachable, this service stopping ({@link DeclarationApiException#isOutage()}), or the database's
	 * ({@link DatabaseOutages})
	 */
	static boolean only(List<Throwable> failures) {
		return !failures.isEmpty() && failures.stream().allMatch(Outages::outage);
	}

	private static boolean outage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if ((cause instanceof DeclarationApiException api && api.isOutage()) || DatabaseOutages.isOutage(cause)) {
				return true;
			}
		}
		return false;
	}

}
