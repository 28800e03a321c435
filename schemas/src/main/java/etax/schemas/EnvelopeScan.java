package etax.schemas;

import org.jspecify.annotations.Nullable;

/**
 * What the envelope pre-scan learned: either the triple that selects the form version, or why the file is
 * not a return envelope at all.
 */
sealed interface EnvelopeScan {

	/** The identifying fields, each with where it was found (for findings that point at it). */
	record Identified(Field maTKhai, Field version, Field filingType) implements EnvelopeScan {
	}

	record Rejected(Finding finding) implements EnvelopeScan {
	}

	record Field(String value, String xpath, @Nullable Integer line, @Nullable Integer column) {
	}

}
