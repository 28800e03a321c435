package etax.access;

/**
 * A request refused because of one of its fields, which the problem answered names ({@code field}) beside the reason
 * in words. Nothing was stored. Each feature says what it refuses in a subclass of its own, which its service answers
 * as a 400 problem of a type of its own with the property {@code field}.
 */
public abstract class FieldRefusal extends RuntimeException {

	private final String field;

	protected FieldRefusal(String field, String message) {
		super(message);
		this.field = field;
	}

	/** @return the field of the request at fault, e.g. {@code amount} or {@code assessedTax[0].subItem} */
	public String field() {
		return this.field;
	}

}
