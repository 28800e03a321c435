package etax.declaration.extension;

import etax.access.FieldRefusal;

/**
 * A grant the law does not allow or the catalog cannot place: an unknown form, a period kind the form is not
 * filed for, a period not written as its kind is or that no return of the form declares (a calendar year named as a
 * date range, a range longer than a fiscal year), a reason not on the list, or a deadline not after the regular one
 * or beyond the cap. Nothing was stored. The field at fault: {@code maTKhai}, {@code periodKind},
 * {@code period}, {@code reason} or {@code deadline}.
 */
public final class InvalidExtensionException extends FieldRefusal {

	InvalidExtensionException(String field, String message) {
		super(field, message);
	}

}
