package etax.schemas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One element on the path to the current position of a streaming parse. Each parent counts its children
 * by name, so the XPath of a node is rendered only when needed (after the parse): by then it is known
 * whether same-named siblings repeat, and predicates appear only where they do.
 */
final class PathNode {

	/**
	 * The longest element name an XPath shows whole. A form's names are under 40 characters; the parser lets a
	 * filer's reach 1,000 (the JDK's default, a system property that may lift it), and an XPath through 55 such
	 * names, quoted in each of 500 findings, made a notice of 27 million characters.
	 */
	static final int MAX_STEP_LENGTH = 64;

	/** How much of a longer name a step shows, before its length. */
	private static final int STEP_START = 32;

	/**
	 * The longest XPath shown whole: a return nests about 8 deep, and a form's XPaths stay under 300 characters.
	 * A longer one keeps its last steps, which locate the error, after {@value #ELIDED} for the steps above them.
	 */
	static final int MAX_XPATH_LENGTH = 1_024;

	/** What stands for the steps left out of a long XPath: a step no XPath of a return has. */
	static final String ELIDED = "/…";

	private final @Nullable PathNode parent;

	private final String name;

	private final int index;

	private @Nullable Map<String, int[]> childCounts;

	private PathNode(@Nullable PathNode parent, String name, int index) {
		this.parent = parent;
		this.name = name;
		this.index = index;
	}

	/** The node above the root element. */
	static PathNode document() {
		return new PathNode(null, "", 1);
	}

	PathNode child(String localName) {
		if (this.childCounts == null) {
			this.childCounts = new HashMap<>();
		}
		int[] count = this.childCounts.computeIfAbsent(localName, (key) -> new int[1]);
		count[0]++;
		return new PathNode(this, localName, count[0]);
	}

	@Nullable PathNode parent() {
		return this.parent;
	}

	/**
	 * Prefix-free XPath, e.g. {@code /HSoThueDTu/HSoKhaiThue/PLuc/Row[2]/ct01}. Stable once the parse has
	 * ended; during the parse a first sibling may still gain its {@code [1]}.
	 *
	 * <p>Built in one pass from this node up, in time bounded by {@value #MAX_XPATH_LENGTH} whatever the depth: a
	 * name over {@value #MAX_STEP_LENGTH} characters is shown by its first {@value #STEP_START} and its length, as
	 * {@link Findings#shown} shows a long value; an XPath longer than {@value #MAX_XPATH_LENGTH} characters keeps
	 * as many of its last steps as fit after {@value #ELIDED}, at least the last.
	 */
	String xpath() {
		List<String> steps = new ArrayList<>();
		int length = 0;
		PathNode node = this;
		// from this node up, until the root or until the steps alone are too long
		while (node.parent != null && length <= MAX_XPATH_LENGTH) {
			String step = node.step();
			steps.add(step);
			length += 1 + step.length();
			node = node.parent;
		}
		boolean elided = length > MAX_XPATH_LENGTH;
		if (elided) {
			while (steps.size() > 1 && length + ELIDED.length() > MAX_XPATH_LENGTH) {
				length -= 1 + steps.remove(steps.size() - 1).length();
			}
		}
		StringBuilder xpath = new StringBuilder(length + ELIDED.length());
		if (elided) {
			xpath.append(ELIDED);
		}
		for (int i = steps.size() - 1; i >= 0; i--) {
			xpath.append('/').append(steps.get(i));
		}
		return xpath.toString();
	}

	/** The name of this node, shortened when long, with its position when its siblings of that name repeat. */
	private String step() {
		String step = Findings.shortened(this.name, MAX_STEP_LENGTH, STEP_START);
		PathNode above = this.parent;
		if (above != null && above.childCounts != null && above.childCounts.get(this.name)[0] > 1) {
			return step + "[" + this.index + "]";
		}
		return step;
	}

}
