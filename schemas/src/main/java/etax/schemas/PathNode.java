package etax.schemas;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One element on the path to the current position of a streaming parse. Each parent counts its children
 * by name, so the XPath of a node is rendered only when needed (after the parse): by then it is known
 * whether same-named siblings repeat, and predicates appear only where they do.
 */
final class PathNode {

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
	 */
	String xpath() {
		if (this.parent == null) {
			return "";
		}
		StringBuilder xpath = new StringBuilder(this.parent.xpath()).append('/').append(this.name);
		if (this.parent.childCounts != null && this.parent.childCounts.get(this.name)[0] > 1) {
			xpath.append('[').append(this.index).append(']');
		}
		return xpath.toString();
	}

}
