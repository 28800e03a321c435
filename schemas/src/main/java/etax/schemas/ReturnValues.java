package etax.schemas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The values of one return, slot by slot as its {@link Layout} numbers them: what rules are evaluated on.
 * The extractor fills it from the SAX pass, with each element's node and position; the generator fills it
 * with invented values and writes XML from it. Texts are kept as written; numbers are parsed on first use.
 * An absent or empty number is 0, an absent flag is false, an absent text is empty.
 *
 * <p>Not thread-safe: one per return.
 */
final class ReturnValues {

	final Layout layout;

	private final @Nullable String[] texts;

	private final @Nullable BigDecimal[] numbers;

	final @Nullable PathNode[] nodes;

	final int[] lines;

	final int[] columns;

	private final List<List<Row>> rows;

	private final boolean[] appendices;

	final @Nullable PathNode[] appendixNodes;

	final int[] appendixLines;

	final int[] appendixColumns;

	private final @Nullable String[] header = new String[HeaderVar.values().length];

	final @Nullable PathNode[] headerNodes = new PathNode[HeaderVar.values().length];

	final int[] headerLines = new int[HeaderVar.values().length];

	final int[] headerColumns = new int[HeaderVar.values().length];

	ReturnValues(Layout layout) {
		this.layout = layout;
		int fields = layout.fields().size();
		this.texts = new String[fields];
		this.numbers = new BigDecimal[fields];
		this.nodes = new PathNode[fields];
		this.lines = new int[fields];
		this.columns = new int[fields];
		this.rows = new ArrayList<>(layout.tables().size());
		for (int i = 0; i < layout.tables().size(); i++) {
			this.rows.add(new ArrayList<>());
		}
		int appendixCount = layout.appendices().size();
		this.appendices = new boolean[appendixCount];
		this.appendixNodes = new PathNode[appendixCount];
		this.appendixLines = new int[appendixCount];
		this.appendixColumns = new int[appendixCount];
	}

	@Nullable String text(int slot) {
		return this.texts[slot];
	}

	void set(int slot, @Nullable String text) {
		this.texts[slot] = text;
		this.numbers[slot] = null;
	}

	BigDecimal number(int slot) {
		BigDecimal number = this.numbers[slot];
		if (number == null) {
			number = parseNumber(this.texts[slot]);
			this.numbers[slot] = number;
		}
		return number;
	}

	boolean flag(int slot) {
		return parseFlag(this.texts[slot]);
	}

	List<Row> rows(int table) {
		return this.rows.get(table);
	}

	Row addRow(int table) {
		Row row = new Row(this.layout.tables().get(table).table().columns().size());
		this.rows.get(table).add(row);
		return row;
	}

	boolean hasAppendix(int appendix) {
		return this.appendices[appendix];
	}

	void appendix(int appendix, boolean present) {
		this.appendices[appendix] = present;
	}

	@Nullable String header(HeaderVar variable) {
		return this.header[variable.ordinal()];
	}

	void header(HeaderVar variable, @Nullable String value) {
		this.header[variable.ordinal()] = value;
	}

	static BigDecimal parseNumber(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return BigDecimal.ZERO;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			// only reachable for values the XSD did not type as numbers
			return BigDecimal.ZERO;
		}
	}

	static boolean parseFlag(@Nullable String text) {
		return "1".equals(text) || "true".equals(text);
	}

	/** One row of a table: its cells, and where they are when read from XML. */
	static final class Row {

		private final @Nullable String[] texts;

		private final @Nullable BigDecimal[] numbers;

		@Nullable PathNode node;

		int line;

		int column;

		final @Nullable PathNode[] nodes;

		final int[] lines;

		final int[] columns;

		Row(int size) {
			this.texts = new String[size];
			this.numbers = new BigDecimal[size];
			this.nodes = new PathNode[size];
			this.lines = new int[size];
			this.columns = new int[size];
		}

		@Nullable String text(int column) {
			return this.texts[column];
		}

		void set(int column, @Nullable String text) {
			this.texts[column] = text;
			this.numbers[column] = null;
		}

		BigDecimal number(int column) {
			BigDecimal number = this.numbers[column];
			if (number == null) {
				number = parseNumber(this.texts[column]);
				this.numbers[column] = number;
			}
			return number;
		}

		boolean flag(int column) {
			return parseFlag(this.texts[column]);
		}

	}

}
