package etax.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalog data file: comma-separated, one form version per row, columns found by their header
 * name so that columns can be added without touching old rows. Lines starting with {@code #} are comments.
 * Values never contain commas, so no quoting is supported.
 */
final class CatalogReader {

	private static final String[] COLUMNS = { "form_code", "ma_tkhai", "version", "filing_types", "tax_type",
			"period_kinds", "deadline_rule", "effective_from", "effective_to", "xsd", "payable_indicators" };

	private CatalogReader() {
	}

	static List<CatalogEntry> read(InputStream in, String source) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			Map<String, Integer> header = null;
			List<CatalogEntry> entries = new ArrayList<>();
			int lineNumber = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lineNumber++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split(",", -1);
				if (header == null) {
					header = header(cells, source);
					continue;
				}
				if (cells.length != header.size()) {
					throw new IllegalStateException(source + ":" + lineNumber + ": expected " + header.size()
							+ " columns, found " + cells.length);
				}
				entries.add(entry(cells, header, source + ":" + lineNumber));
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + source, ex);
		}
	}

	private static Map<String, Integer> header(String[] cells, String source) {
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < cells.length; i++) {
			header.put(cells[i].strip(), i);
		}
		for (String column : COLUMNS) {
			if (!header.containsKey(column)) {
				throw new IllegalStateException(source + ": missing column " + column + " in " + Arrays.toString(cells));
			}
		}
		return header;
	}

	private static CatalogEntry entry(String[] cells, Map<String, Integer> header, String where) {
		try {
			String effectiveTo = cell(cells, header, "effective_to");
			FormVersion form = new FormVersion(cell(cells, header, "form_code"), cell(cells, header, "ma_tkhai"),
					cell(cells, header, "version"), list(cell(cells, header, "filing_types")),
					cell(cells, header, "tax_type"), list(cell(cells, header, "period_kinds")),
					cell(cells, header, "deadline_rule"), LocalDate.parse(cell(cells, header, "effective_from")),
					effectiveTo.isEmpty() ? null : LocalDate.parse(effectiveTo),
					pairs(cell(cells, header, "payable_indicators")));
			return new CatalogEntry(form, cell(cells, header, "xsd"));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(where + ": invalid catalog row: " + ex.getMessage(), ex);
		}
	}

	private static String cell(String[] cells, Map<String, Integer> header, String column) {
		return cells[header.get(column)].strip();
	}

	private static Set<String> list(String cell) {
		Set<String> values = new LinkedHashSet<>();
		for (String value : cell.split("/")) {
			if (!value.isBlank()) {
				values.add(value.strip());
			}
		}
		return values;
	}

	private static Map<String, String> pairs(String cell) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String pair : list(cell)) {
			int colon = pair.indexOf(':');
			if (colon <= 0 || colon == pair.length() - 1) {
				throw new IllegalArgumentException("expected indicator:subItem, found " + pair);
			}
			pairs.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
		}
		return pairs;
	}

}
