package etax.schemas;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The input is not a return at all: too large, not well-formed XML 1.0, hostile (DOCTYPE, entities, XInclude),
 * nested too deeply, with too many elements, namespaces or attributes or a text too long. Unlike a schema problem,
 * there is nothing to report finding by finding; an API answers it with a single "malformed XML" problem.
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
		/** Nested deeper than {@link ParserLimits#maxDepth()}. */
		TOO_DEEP,
		/**
		 * More than {@link ParserLimits#maxElements()} elements. Until this reason existed, {@link #TOO_DEEP} said
		 * it too.
		 */
		TOO_MANY_ELEMENTS,
		/** A text node longer than {@link ParserLimits#maxTextLength()} characters. */
		TEXT_TOO_LONG,
		/** More than {@link ParserLimits#MAX_NAMESPACES_IN_SCOPE} namespace declarations in scope at once. */
		TOO_MANY_NAMESPACES,
		/**
		 * An element with more than {@link ParserLimits#MAX_ATTRIBUTES} attributes, its namespace declarations
		 * included.
		 */
		TOO_MANY_ATTRIBUTES

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

	/**
	 * What the JDK's parser refused: an element over its attribute limit ({@link SecureXml} sets it to
	 * {@link ParserLimits#MAX_ATTRIBUTES}), known by the code its message carries in every language, else a document
	 * that is not well-formed.
	 */
	static MalformedReturnException parserRefused(String parserMessage, @Nullable Integer line,
			@Nullable Integer column) {
		if (parserMessage.contains(SecureXml.ATTRIBUTE_LIMIT_CODE)) {
			return new MalformedReturnException(Reason.TOO_MANY_ATTRIBUTES, "Return has an element with more than "
					+ ParserLimits.MAX_ATTRIBUTES + " attributes (namespace declarations included)", line, column);
		}
		return notWellFormed(parserMessage, line, column);
	}

	/**
	 * The parser's message quotes what it could not read (an encoding's name, an element's), of any length: quoted as
	 * a finding quotes a value ({@link Findings#shown}), so that a problem's detail stays small.
	 */
	static MalformedReturnException notWellFormed(String parserMessage, @Nullable Integer line,
			@Nullable Integer column) {
		return new MalformedReturnException(Reason.NOT_WELL_FORMED,
				"Return is not well-formed XML: " + Findings.shown(parserMessage), line, column);
	}

	static MalformedReturnException forbidden(String construct, @Nullable Integer line, @Nullable Integer column) {
		return new MalformedReturnException(Reason.FORBIDDEN_CONSTRUCT,
				"Return uses a forbidden XML construct: " + construct, line, column);
	}

	/**
	 * A return in another version of XML than 1.0 (1.1: the parsers read no other), refused as a forbidden
	 * construct by both the pre-scan and the SAX pass.
	 */
	static MalformedReturnException notXml10(@Nullable String version, @Nullable Integer line,
			@Nullable Integer column) {
		return forbidden("XML " + version + " (a return is XML 1.0)", line, column);
	}

	static MalformedReturnException tooManyNamespaces(int max, @Nullable Integer line, @Nullable Integer column) {
		return new MalformedReturnException(Reason.TOO_MANY_NAMESPACES,
				"Return declares more than " + max + " namespaces in scope at once", line, column);
	}

	static MalformedReturnException tooDeep(int maxDepth, @Nullable Integer line, @Nullable Integer column) {
		return new MalformedReturnException(Reason.TOO_DEEP, "Return exceeds the nesting depth limit of " + maxDepth,
				line, column);
	}

	static MalformedReturnException tooManyElements(int maxElements, @Nullable Integer line, @Nullable Integer column) {
		return new MalformedReturnException(Reason.TOO_MANY_ELEMENTS,
				"Return exceeds the element count limit of " + maxElements, line, column);
	}

	static MalformedReturnException textTooLong(int maxTextLength, @Nullable Integer line, @Nullable Integer column) {
		return new MalformedReturnException(Reason.TEXT_TOO_LONG,
				"Return has a text longer than the limit of " + maxTextLength + " characters", line, column);
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
