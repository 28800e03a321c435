package etax.declaration.extension;

import java.time.LocalDate;
import java.util.UUID;

/** Another extension of the taxpayer's form and period is in force: it is revoked before another is granted. */
public final class ExtensionConflictException extends RuntimeException {

	ExtensionConflictException(UUID inForce, LocalDate deadline) {
		super("Extension " + inForce + " to " + deadline + " is in force for this form and period: revoke it before "
				+ "granting another");
	}

}
