package etax.schemas;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of {@link ReturnValidator#validate(byte[])}. Callers switch on the two cases; there is no third.
 */
public sealed interface Validation permits Validation.Receivable, Validation.NotReceivable {

	/**
	 * Every finding, in document order.
	 * @return the findings, never {@code null}
	 */
	List<Finding> findings();

	/**
	 * The return is schema-valid and can be received. Its findings hold rule findings once form rules run;
	 * for now the list is empty.
	 * @param document the validated return
	 * @param findings findings that did not prevent receipt
	 */
	record Receivable(ReturnDocument document, List<Finding> findings) implements Validation {

		public Receivable {
			Objects.requireNonNull(document, "document");
			findings = List.copyOf(findings);
		}

	}

	/**
	 * The return cannot be received: wrong envelope, unknown form version, or schema-invalid. The findings
	 * say why; there is at least one.
	 * @param findings every problem found
	 */
	record NotReceivable(List<Finding> findings) implements Validation {

		public NotReceivable {
			findings = List.copyOf(findings);
			if (findings.isEmpty()) {
				throw new IllegalArgumentException("A return that is not receivable needs at least one finding");
			}
		}

	}

}
