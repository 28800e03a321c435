package etax.batch.reconciliation.inputs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Streams the treasury's daily statement (the project's layout, docs/adr/0014-reconciliation.md) into
 * COPY rows of {@code reconciliation.treasury_statement_line}: UTF-8 CSV, this header, one posting a line,
 * no quoting (every field is a code, an amount or a date).
 */
final class TreasuryStatementReader {

	static final String HEADER = "posting_id,treasury_code,account,chapter,sub_item,area,amount,currency,value_date";

	static final String SOURCE = "KBNN";

	private static final int FIELDS = 9;

	private TreasuryStatementReader() {
	}

	/** The longest line: a statement's line is about 150 characters. */
	static final int MAX_LINE = 4_096;

	/**
	 * Reads a statement, writing its lines as they come.
	 * @param in the statement
	 * @param fileId the id its lines carry
	 * @param out where the COPY rows go
	 * @return its days and counts
	 * @throws InvalidFileException at the first thing wrong
	 */
	static ParsedFile read(InputStream in, long fileId, CopyText out) throws IOException {
		try {
			return readLines(in, fileId, out);
		}
		catch (CharacterCodingException ex) {
			throw InvalidFileException.of("The statement is not UTF-8", ex);
		}
	}

	private static ParsedFile readLines(InputStream in, long fileId, CopyText out) throws IOException {
		BufferedReader reader = new BufferedReader(new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8
			.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)), MAX_LINE), 1 << 16);
		String header = reader.readLine();
		if (header != null && header.startsWith("\uFEFF")) {
			header = header.substring(1);
		}
		if (header == null || !HEADER.equals(header.strip())) {
			throw InvalidFileException.of("The first line must be the header " + HEADER);
		}
		ParsedFile.Builder file = new ParsedFile.Builder("TREASURY", SOURCE, null);
		String[] fields = new String[FIELDS];
		int number = 1;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			split(line, fields, number);
			String where = "line " + number;
			UUID postingId;
			LocalDate valueDate;
			try {
				postingId = UUID.fromString(fields[0]);
				valueDate = LocalDate.parse(fields[8]);
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				throw InvalidFileException.of(where + ": posting_id must be a UUID and value_date a date yyyy-MM-dd", ex);
			}
			FileFields.day(valueDate, where + ": value_date");
			for (int i = 1; i <= 5; i++) {
				if (fields[i].isEmpty()) {
					throw InvalidFileException.of(where + ": field " + (i + 1) + " is empty");
				}
			}
			if (!fields[7].equals("VND") && !fields[7].equals("USD")) {
				throw InvalidFileException.of(where + ": currency must be VND or USD");
			}
			out.column(fileId).column(valueDate).column(postingId).column(fields[1]).column(fields[2]).column(fields[3])
				.column(fields[4]).column(fields[5]).column(FileFields.amount(fields[6], where + ": amount"))
				.column(fields[7]);
			out.endRow();
			file.add(valueDate, 1);
		}
		return file.build();
	}

	private static void split(String line, String[] fields, int number) {
		int start = 0;
		for (int i = 0; i < FIELDS; i++) {
			int comma = line.indexOf(',', start);
			boolean last = i == FIELDS - 1;
			if (last != (comma < 0)) {
				throw InvalidFileException.of("line " + number + ": " + FIELDS + " fields separated by commas expected");
			}
			fields[i] = (last ? line.substring(start) : line.substring(start, comma)).strip();
			start = comma + 1;
		}
	}

}
