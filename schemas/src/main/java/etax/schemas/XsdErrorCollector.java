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
 * X is not valid"). Errors raised while the same end tag is processed are therefore merged into one
 * finding, so that a file with three wrong values yields three findings.
 *
 * <p>It keeps the first {@link Findings#MAX_FINDINGS} and counts the others, merged alike, into one last finding.
 */
final class XsdErrorCollector implements ErrorHandler {

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

	/** The findings, in document order. Call after the parse, when XPaths are final. */
	List<Finding> findings() {
		List<Finding> findings = new ArrayList<>(this.pending.size());
		for (Pending error : this.pending) {
			findings.add(Findings.xsd(error.node.xpath(), error.line, error.column, error.value,
					error.message.toString()));
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
			if (ending && last.ending && last.node == node) {
				last.message.append(' ').append(message);
				return;
			}
		}
		if (this.pending.size() == Findings.MAX_FINDINGS) {
			if (!(ending && this.lastOmittedEnding && this.lastOmitted == node)) {
				this.omitted++;
			}
			this.lastOmitted = node;
			this.lastOmittedEnding = ending;
			return;
		}
		this.pending.add(new Pending(node, ending, positive(ex.getLineNumber()), positive(ex.getColumnNumber()),
				(at != null) ? at.leafText() : null, new StringBuilder(message)));
	}

	private static @Nullable Integer positive(int number) {
		return (number > 0) ? number : null;
	}

	private record Pending(PathNode node, boolean ending, @Nullable Integer line, @Nullable Integer column,
			@Nullable String value, StringBuilder message) {
	}

}
