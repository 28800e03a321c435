package etax.declaration.catalog;

import etax.schemas.Category;
import etax.schemas.LocalizedText;
import etax.schemas.Severity;

/**
 * A rule every return meets besides its form's own: what it checks, in both languages. Findings of a filed
 * return carry its id, category and severity; their messages say what was found in the return at hand.
 * @param id the stable id, e.g. {@code CTX-DUP-01}
 * @param stage where in the intake it runs
 * @param category the finding category
 * @param severity the severity of its findings
 * @param description what it checks
 * @param source where the rule comes from (VN-ETAX.md section)
 */
public record IntakeRule(String id, Stage stage, Category category, Severity severity, LocalizedText description,
		String source) {

	/** Where in the intake a rule runs, in that order; the form's own rules run between the XSD and the signature. */
	public enum Stage {

		/** The envelope and the XSD: a return that fails here is not read further. */
		ENVELOPE,

		/** The XML signature over the return. */
		SIGNATURE,

		/** Against the registry, the calendar and the other returns. */
		CONTEXT

	}

}
