package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A daily file its sender generated before the file in force for one of its days: importing it would put
 * older records in the place of newer ones, so nothing of it is kept. The message names the files and the
 * day, never a taxpayer's data.
 */
public final class OutdatedFileException extends RuntimeException {

	private OutdatedFileException(String message) {
		super(message);
	}

	static OutdatedFileException olderThan(@Nullable String fileReference, Instant generatedAt, long inForce,
			@Nullable String inForceReference, Instant inForceGeneratedAt, LocalDate day) {
		return new OutdatedFileException("The file " + reference(fileReference) + " generated at " + generatedAt
				+ " is older than file " + inForce + " " + reference(inForceReference) + " generated at "
				+ inForceGeneratedAt + ", in force for " + day + ": send a file generated after it");
	}

	private static String reference(@Nullable String fileReference) {
		return (fileReference != null) ? "(MA_GDICH_DC " + fileReference + ")" : "(no MA_GDICH_DC)";
	}

}
