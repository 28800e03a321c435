package etax.declaration.penalty;

import etax.access.FieldRefusal;

/**
 * A fine that cannot be decided as recorded: on a return not filed late, not accepted or not an original, outside the
 * band of its days late, or decided on a day that cannot be. Nothing was stored. The field at fault:
 * {@code returnId}, {@code amount} or {@code decidedOn}.
 */
public final class InvalidPenaltyException extends FieldRefusal {

	InvalidPenaltyException(String field, String message) {
		super(field, message);
	}

}
