package etax.declaration.inspection;

/**
 * An inspection or conclusion that cannot have happened as recorded: periods that end before they start, a
 * decision announced or concluded after today, a conclusion before the announcement, an unknown tax type or
 * kind. Nothing was stored.
 */
public final class InvalidInspectionException extends RuntimeException {

	private final String field;

	InvalidInspectionException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * @return the field of the request at fault: {@code kind}, {@code periodTo}, {@code taxTypes},
	 * {@code announcedOn} or {@code concludedOn}
	 */
	public String field() {
		return this.field;
	}

}
