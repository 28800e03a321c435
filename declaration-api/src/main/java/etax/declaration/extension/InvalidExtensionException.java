package etax.declaration.extension;

/**
 * A grant the law does not allow or the catalog cannot place: an unknown form, a period kind the form is not
 * filed for, a period not written as its kind is, a reason not on the list, or a deadline not after the regular
 * one or beyond the cap. Nothing was stored.
 */
public final class InvalidExtensionException extends RuntimeException {

	private final String field;

	InvalidExtensionException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * @return the field of the grant at fault: {@code maTKhai}, {@code periodKind}, {@code period},
	 * {@code reason} or {@code deadline}
	 */
	public String field() {
		return this.field;
	}

}
