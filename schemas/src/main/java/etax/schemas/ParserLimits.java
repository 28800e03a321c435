package etax.schemas;

/**
 * Hard limits on the input a {@link ReturnValidator} reads. Anything beyond them is refused before any
 * schema work, so one hostile file cannot exhaust memory or CPU.
 *
 * @param maxBytes largest accepted document, in bytes
 * @param maxDepth deepest accepted element nesting (the root is depth 1)
 * @param maxElements most elements accepted in one document
 * @param maxTextLength most characters of one text node (the text between two tags) or attribute value, checked as
 * the parse reads it and before the schema sees it: the schema's facets run on whole values, and a validator's cost
 * on one value may grow faster than its length
 */
public record ParserLimits(int maxBytes, int maxDepth, int maxElements, int maxTextLength) {

	/**
	 * The default {@link #maxTextLength()}: 64 Ki characters. The longest legitimate texts of a return are the
	 * base64 of its signature's certificates (about 2,000 characters for an RSA-2048 certificate, rarely more
	 * than 8,000 with many extensions or RSA-4096) and of its signature value (under 700); the forms' texts
	 * are at most 1,000 characters ({@code TextType}). Eight times the largest, so that no real return is ever
	 * refused by it.
	 */
	public static final int DEFAULT_MAX_TEXT_LENGTH = 64 * 1024;

	/**
	 * The most namespace declarations in scope at any element: a return declares a handful (its own, XMLDSig,
	 * XML Schema instance). Without a bound, an element under tens of thousands of declarations costs whoever reads
	 * the scope at each element (a signature's canonical form does) time in their number, element after element.
	 */
	public static final int MAX_NAMESPACES_IN_SCOPE = 64;

	/**
	 * The most attributes of one element, its namespace declarations included, enforced by the JDK's parser as it
	 * reads the start tag. A return's elements carry a handful (the root its namespaces, a row its {@code id}, a
	 * signature's elements an {@code Algorithm}, {@code URI} or {@code Id}). The JDK's default, 10,000, let one
	 * element's thousands of declarations cost the parser time in their square (it checks each against those before
	 * it) before any other limit could see them: over a second for 9,000 in the SAX pass, three and a half for
	 * 150,000 in the pre-scan.
	 */
	public static final int MAX_ATTRIBUTES = 256;

	public ParserLimits {
		if (maxBytes <= 0 || maxDepth <= 0 || maxElements <= 0 || maxTextLength <= 0) {
			throw new IllegalArgumentException("Parser limits must be positive");
		}
	}

	/**
	 * Limits with the default {@link #maxTextLength()}.
	 * @param maxBytes largest accepted document, in bytes
	 * @param maxDepth deepest accepted element nesting
	 * @param maxElements most elements accepted in one document
	 */
	public ParserLimits(int maxBytes, int maxDepth, int maxElements) {
		this(maxBytes, maxDepth, maxElements, DEFAULT_MAX_TEXT_LENGTH);
	}

	/**
	 * The limits for one return: 5 MiB, depth 64, 200,000 elements, 64 Ki characters per text. A return
	 * nests about 8 deep; the element count leaves room for long appendix tables.
	 * @return the default limits
	 */
	public static ParserLimits defaults() {
		return new ParserLimits(5 * 1024 * 1024, 64, 200_000, DEFAULT_MAX_TEXT_LENGTH);
	}

}
