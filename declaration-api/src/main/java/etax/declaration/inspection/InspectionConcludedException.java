package etax.declaration.inspection;

import java.time.LocalDate;

/**
 * The inspection's conclusion was recorded before: an inspection has one, which is never changed. Nothing was
 * stored.
 */
public final class InspectionConcludedException extends RuntimeException {

	private final LocalDate concludedOn;

	InspectionConcludedException(LocalDate concludedOn) {
		super("The conclusion of this inspection was recorded before, concluded on " + concludedOn
				+ "; it is not changed");
		this.concludedOn = concludedOn;
	}

	/**
	 * @return the day of the conclusion recorded before
	 */
	public LocalDate concludedOn() {
		return this.concludedOn;
	}

}
