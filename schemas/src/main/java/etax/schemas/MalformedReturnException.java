package etax.schemas;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The input is not a return at all: too large, not well-formed XML, hostile (DOCTYPE, entities, XInclude) or
 * nested too deeply. Unlike a schema problem, there is nothing to report finding by finding; an API answers
 * it with a single "malformed XML" problem.
 *
 * <p>The message never echoes document content beyond what the XML parser itself says.
 */
public final class MalformedReturnException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why the input was refused. */
	public enum Reason {

		/** Larger than {@link ParserLimits#maxBytes()}. */
		TOO_LARGE,
		/** Not well-formed XML (or not decodable). */
		NOT_WELL_FORMED,
		/** Uses a construct that is never allowed in a return: a DOCTYPE (so no entities) or XInclude. */
		FORBIDDEN_CONSTRUCT,
		/** Nested deeper than {@link ParserLimits#maxDepth()} or more than {@link ParserLimits#maxElements()} elements. */
		TOO_DEEP

	}

	private final Reason reason;

	private final @Nullable Integer line;

	private final @Nullable Integer column;

	MalformedReturnException(Reason reason, String message, @Nullable Integer line, @Nullable Integer column) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
		this.line = line;
		this.column = column;
	}

	static MalformedReturnException tooLarge(int size, int maxBytes) {
		return new MalformedReturnException(Reason.TOO_LARGE,
				"Return of " + size + " bytes exceeds the limit of " + maxBytes + " bytes", null, null);
	}

	static MalformedReturnException notWellFormed(String parserMessage, @Nullable Integer line,
			@Nullable Integer column) {
		return new MalformedReturnException(Reason.NOT_WELL_FORMED, "Return is not well-formed XML: " + parserMessage,
				line, column);
	}

	static MalformedReturnException forbidden(String construct, @Nullable Integer line, @Nullable Integer column) {
		return new MalformedReturnException(Reason.FORBIDDEN_CONSTRUCT,
				"Return uses a forbidden XML construct: " + construct, line, column);
	}

	static MalformedReturnException tooDeep(String limit, @Nullable Integer line, @Nullable Integer column) {
		return new MalformedReturnException(Reason.TOO_DEEP, "Return exceeds the " + limit + " limit", line, column);
	}

	public Reason reason() {
		return this.reason;
	}

	public @Nullable Integer line() {
		return this.line;
	}

	public @Nullable Integer column() {
		return this.column;
	}

}
