package etax.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Receives the validator's errors and keeps all of them (the JAXP default stops at the first), each with
 * the element path, position and offending value that the {@link PathTracker} knows at that moment.
 *
 * <p>The JDK validator reports one bad value twice (the facet or datatype error, then "the value of element
 * X is not valid", or for an attribute "the value of attribute A is not valid"). Errors raised while the same
 * end tag is processed, and the second report on an attribute, are therefore merged into one finding, so that a
 * file with three wrong values yields three findings. The findings are worded only once the parse has failed
 * ({@link #findings(CompiledForm)}): a valid return never pays for it.
 *
 * <p>It keeps the first {@link Findings#MAX_FINDINGS} and counts the others, merged alike, into one last finding.
 */
final class XsdErrorCollector implements ErrorHandler {

	/** The validator's second report on an attribute's value, after the datatype or facet error. */
	private static final String ATTRIBUTE_NOT_VALID = "cvc-attribute.3: ";

	private final List<Pending> pending = new ArrayList<>();

	private @Nullable PathTracker tracker;

	private int omitted;

	private @Nullable PathNode lastOmitted;

	private boolean lastOmittedEnding;

	void track(PathTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void warning(SAXParseException ex) {
		// schema warnings do not make a return invalid
	}

	@Override
	public void error(SAXParseException ex) {
		collect(ex);
	}

	@Override
	public void fatalError(SAXParseException ex) {
		collect(ex);
	}

	boolean hasErrors() {
		return !this.pending.isEmpty();
	}

	/**
	 * The findings, in document order. Call after the parse, when XPaths are final.
	 * @param form the form version whose XSD the return failed, for the names of its elements; {@code null} names
	 * only the envelope's
	 * @return the findings
	 */
	List<Finding> findings(@Nullable CompiledForm form) {
		List<Finding> findings = new ArrayList<>(this.pending.size());
		ElementNames names = ElementNames.of(form);
		for (Pending error : this.pending) {
			findings.add(Findings.xsd(error.node.xpath(), error.line, error.column, error.value, error.messages, names));
		}
		if (this.omitted > 0) {
			findings.add(Findings.more(this.omitted, Map.of(Findings.XSD_RULE, this.omitted), Severity.REJECT));
		}
		return findings;
	}

	private void collect(SAXParseException ex) {
		PathTracker at = this.tracker;
		PathNode node = (at != null) ? at.current() : PathNode.document();
		boolean ending = at != null && at.ending();
		String message = String.valueOf(ex.getMessage());
		if (!this.pending.isEmpty()) {
			Pending last = this.pending.get(this.pending.size() - 1);
			if (last.node == node && sameReport(ending, last.ending, message)) {
				last.messages.add(message);
				return;
			}
		}
		if (this.pending.size() == Findings.MAX_FINDINGS) {
			if (!(this.lastOmitted == node && sameReport(ending, this.lastOmittedEnding, message))) {
				this.omitted++;
			}
			this.lastOmitted = node;
			this.lastOmittedEnding = ending;
			return;
		}
		List<String> messages = new ArrayList<>(2);
		messages.add(message);
		this.pending.add(new Pending(node, ending, positive(ex.getLineNumber()), positive(ex.getColumnNumber()),
				(at != null) ? at.leafText() : null, messages));
	}

	/**
	 * Whether an error on the element of the previous one reports the same problem: both raised at its end tag
	 * (its value), or the second report on an attribute, raised with the first at its start tag.
	 */
	private static boolean sameReport(boolean ending, boolean lastEnding, String message) {
		return (ending && lastEnding) || (!ending && !lastEnding && message.startsWith(ATTRIBUTE_NOT_VALID));
	}

	private static @Nullable Integer positive(int number) {
		return (number > 0) ? number : null;
	}

	private record Pending(PathNode node, boolean ending, @Nullable Integer line, @Nullable Integer column,
			@Nullable String value, List<String> messages) {
	}

}
