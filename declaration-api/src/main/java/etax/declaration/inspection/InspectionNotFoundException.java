package etax.declaration.inspection;

/** No inspection of this id was recorded for the taxpayer, or the caller may not see it. */
public final class InspectionNotFoundException extends RuntimeException {

	InspectionNotFoundException() {
		super("No tax inspection of this id was recorded for this taxpayer");
	}

}
