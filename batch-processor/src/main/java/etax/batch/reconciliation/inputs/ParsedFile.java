package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What a reader found in a daily file: its source, its days and how many lines each.
 *
 * @param kind BANK or TREASURY
 * @param source the bank code, or KBNN
 * @param fileReference the bank's id of the file
 * @param firstDay the first day covered
 * @param lastDay the last day covered
 * @param linesPerDay lines per day covered (a bank's file covers every day of its range, with or without
 * lines; the treasury's statement the value dates it has)
 * @param vouchers vouchers read
 * @param lines lines read
 * @param generatedAt when the sender generated the file, if it says (a bank's {@code NGAY_GDICH_DC})
 */
record ParsedFile(String kind, String source, @Nullable String fileReference, LocalDate firstDay, LocalDate lastDay,
		Map<LocalDate, Integer> linesPerDay, int vouchers, int lines, @Nullable Instant generatedAt) {

	List<LocalDate> days() {
		return List.copyOf(this.linesPerDay.keySet());
	}

	/** The most days a file's lines may fall on: a day's statement, or a bank's of at most 32 days. */
	static final int MAX_DAYS = 366;

	/** Counts a file's lines as they are read. */
	static final class Builder {

		private final String kind;

		private final String source;

		private final @Nullable String fileReference;

		private final TreeMap<LocalDate, Integer> linesPerDay = new TreeMap<>();

		private @Nullable LocalDate firstDay;

		private @Nullable LocalDate lastDay;

		private int vouchers;

		private int lines;

		private @Nullable Instant generatedAt;

		/** A file whose days are known from its header: every one of them is covered. */
		Builder(String kind, String source, @Nullable String fileReference, LocalDate from, LocalDate to) {
			this(kind, source, fileReference);
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				this.linesPerDay.put(day, 0);
			}
			this.firstDay = from;
			this.lastDay = to;
		}

		/** A file whose days are those of its lines. */
		Builder(String kind, String source, @Nullable String fileReference) {
			this.kind = kind;
			this.source = source;
			this.fileReference = fileReference;
		}

		void add(LocalDate day, int lineCount) {
			if (this.linesPerDay.size() == MAX_DAYS && !this.linesPerDay.containsKey(day)) {
				// a day each is held until the file ends, before its signature is checked
				throw InvalidFileException.of("The file's lines fall on more than " + MAX_DAYS + " days");
			}
			this.linesPerDay.merge(day, lineCount, Integer::sum);
			this.vouchers++;
			this.lines += lineCount;
		}

		Builder generatedAt(@Nullable Instant generatedAt) {
			this.generatedAt = generatedAt;
			return this;
		}

		int vouchers() {
			return this.vouchers;
		}

		String source() {
			return this.source;
		}

		LocalDate firstDay() {
			return (this.firstDay != null) ? this.firstDay : this.linesPerDay.firstKey();
		}

		LocalDate lastDay() {
			return (this.lastDay != null) ? this.lastDay : this.linesPerDay.lastKey();
		}

		ParsedFile build() {
			if (this.linesPerDay.isEmpty()) {
				throw InvalidFileException.of("The file covers no day: it has no lines");
			}
			return new ParsedFile(this.kind, this.source, this.fileReference, firstDay(), lastDay(),
					Collections.unmodifiableMap(new TreeMap<>(this.linesPerDay)), this.vouchers, this.lines, this.generatedAt);
		}

	}

}
