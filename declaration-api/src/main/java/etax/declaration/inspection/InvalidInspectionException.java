package etax.declaration.inspection;

import etax.access.FieldRefusal;

/**
 * An inspection or conclusion that cannot have happened as recorded: periods that end before they start, a
 * decision announced or concluded after today, a conclusion before the announcement, an unknown tax type or
 * kind, a period or fine not allowed. Nothing was stored. The field at fault: {@code kind}, {@code periodFrom},
 * {@code periodTo}, {@code taxTypes}, {@code announcedOn}, {@code concludedOn}, or an item of {@code assessedTax}.
 */
public final class InvalidInspectionException extends FieldRefusal {

	InvalidInspectionException(String field, String message) {
		super(field, message);
	}

}
