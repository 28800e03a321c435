package etax.declaration.penalty;

import java.util.UUID;

/** No fine for filing late was decided on the return. */
public final class PenaltyNotFoundException extends RuntimeException {

	PenaltyNotFoundException(UUID returnId) {
		super("No fine for filing late was decided on return " + returnId);
	}

}
