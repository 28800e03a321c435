package etax.batch.interest;

import java.time.LocalDate;

/**
 * No run has completed for the day asked for.
 */
public class InterestRunNotFoundException extends RuntimeException {

	private InterestRunNotFoundException(String message) {
		super(message);
	}

	public static InterestRunNotFoundException forDay(LocalDate day) {
		return new InterestRunNotFoundException("No completed interest assessment for " + day);
	}

}
