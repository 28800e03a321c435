package etax.schemas;

/**
 * Hard limits on the input a {@link ReturnValidator} reads. Anything beyond them is refused before any
 * schema work, so one hostile file cannot exhaust memory or CPU.
 *
 * @param maxBytes largest accepted document, in bytes
 * @param maxDepth deepest accepted element nesting (the root is depth 1)
 * @param maxElements most elements accepted in one document
 */
public record ParserLimits(int maxBytes, int maxDepth, int maxElements) {

	public ParserLimits {
		if (maxBytes <= 0 || maxDepth <= 0 || maxElements <= 0) {
			throw new IllegalArgumentException("Parser limits must be positive");
		}
	}

	/**
	 * The limits for one return: 5 MiB, depth 64, 200,000 elements. A return nests about 8 deep; the
	 * element count leaves room for long appendix tables.
	 * @return the default limits
	 */
	public static ParserLimits defaults() {
		return new ParserLimits(5 * 1024 * 1024, 64, 200_000);
	}

}
