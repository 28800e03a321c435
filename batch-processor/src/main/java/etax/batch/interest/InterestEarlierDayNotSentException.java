package etax.batch.interest;

import java.time.LocalDate;

/**
 * A day was not assessed because an earlier day's assessments are recorded but not sent, and its run, tried
 * again first, did not complete (it failed again, or is running). Days are sent in order, so that nothing
 * assessed is left behind a later day (docs/adr/0011-interest-assessment.md, "Publication").
 */
public class InterestEarlierDayNotSentException extends RuntimeException {

	private final LocalDate earlierDay;

	private InterestEarlierDayNotSentException(LocalDate earlierDay, String message, Throwable cause) {
		super(message, cause);
		this.earlierDay = earlierDay;
	}

	private InterestEarlierDayNotSentException(LocalDate earlierDay, String message) {
		super(message);
		this.earlierDay = earlierDay;
	}

	/**
	 * @param day the day asked for
	 * @param earlierDay the day not sent
	 * @param executionId its run, tried again
	 * @param status how that run ended
	 * @return the exception
	 */
	static InterestEarlierDayNotSentException ended(LocalDate day, LocalDate earlierDay, long executionId,
			String status) {
		return new InterestEarlierDayNotSentException(earlierDay, "The interest assessed for " + earlierDay
				+ " is not sent yet: its run, tried again first (execution " + executionId + "), ended " + status
				+ ". " + day + " is assessed once it completes.");
	}

	/**
	 * @param day the day asked for
	 * @param earlierDay the day not sent
	 * @param cause why its run could not be tried again (running, not restartable)
	 * @return the exception
	 */
	static InterestEarlierDayNotSentException notRun(LocalDate day, LocalDate earlierDay, RuntimeException cause) {
		return new InterestEarlierDayNotSentException(earlierDay, "The interest assessed for " + earlierDay
				+ " is not sent yet and its run could not be tried again (" + cause.getMessage() + "). " + day
				+ " is assessed once it completes.", cause);
	}

	/** @return the earlier day whose assessments are not sent */
	public LocalDate earlierDay() {
		return this.earlierDay;
	}

}
