package etax.declaration.inspection;

/**
 * The taxpayer has an inspection announced by the decision number, with other kind, periods, taxes or day: a
 * decision announces one inspection, which is never changed. Nothing was stored.
 */
public final class InspectionConflictException extends RuntimeException {

	InspectionConflictException() {
		super("The taxpayer has an inspection of this decision number announced otherwise (kind, periods, tax types or "
				+ "day); an inspection is never changed");
	}

}
