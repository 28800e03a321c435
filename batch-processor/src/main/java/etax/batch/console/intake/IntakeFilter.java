package etax.batch.console.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import etax.batch.console.Paging;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the refused-uploads page as the officer typed them (stripped; a reason in capitals, a hash
 * in lower case), so that the form shows them again, and as the query of declaration-api's
 * {@code GET /api/v1/intake-audit}. Days are days in Asia/Ho_Chi_Minh, both included: {@code from} asks for
 * lines from its first instant, {@code to} for lines before the next day's.
 *
 * @param from the first day, {@code yyyy-MM-dd}
 * @param to the last day, {@code yyyy-MM-dd}
 * @param outcome {@code refused}, {@code malformed} or {@code schema}
 * @param reason a reason code, e.g. {@code NOT_AUTHORIZED}
 * @param sha256 the SHA-256 of the bytes sent, 64 hex digits
 */
record IntakeFilter(@Nullable String from, @Nullable String to, @Nullable String outcome, @Nullable String reason,
		@Nullable String sha256) {

	/** Outcomes declaration-api records, in the order the form offers them. */
	static final List<String> OUTCOMES = List.of("refused", "malformed", "schema");

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern REASON = Pattern.compile("[A-Z_]{1,40}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	static IntakeFilter of(@Nullable String from, @Nullable String to, @Nullable String outcome,
			@Nullable String reason, @Nullable String sha256) {
		String code = Paging.text(reason);
		String hash = Paging.text(sha256);
		return new IntakeFilter(Paging.text(from), Paging.text(to), Paging.text(outcome),
				(code != null) ? code.toUpperCase(Locale.ROOT) : null,
				(hash != null) ? hash.toLowerCase(Locale.ROOT) : null);
	}

	/** @return why the filters cannot be asked for, in words; null when they can */
	@Nullable String problem() {
		List<String> problems = new ArrayList<>();
		LocalDate first = day(this.from);
		LocalDate last = day(this.to);
		if (this.from != null && first == null) {
			problems.add("From must be a day such as 2025-03-31.");
		}
		if (this.to != null && last == null) {
			problems.add("To must be a day such as 2025-03-31.");
		}
		if (first != null && last != null && first.isAfter(last)) {
			problems.add("From (" + first + ") is after To (" + last + ").");
		}
		if (this.outcome != null && !OUTCOMES.contains(this.outcome)) {
			problems.add("Outcome must be refused, malformed or schema.");
		}
		if (this.reason != null && !REASON.matcher(this.reason).matches()) {
			problems.add("Reason must be a code of up to 40 letters and underscores, such as NOT_AUTHORIZED.");
		}
		if (this.sha256 != null && !SHA256.matcher(this.sha256).matches()) {
			problems.add("SHA-256 must be 64 hexadecimal digits.");
		}
		return problems.isEmpty() ? null : String.join(" ", problems);
	}

	/**
	 * @param page from 0
	 * @param size rows per page
	 * @return declaration-api's query parameters for these filters, by name: the values of {@link #uri}'s
	 * variables, which the client encodes (an offset's {@code +} included)
	 */
	Map<String, Object> query(int page, int size) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("page", page);
		query.put("size", size);
		LocalDate first = day(this.from);
		LocalDate last = day(this.to);
		if (first != null) {
			query.put("from", instant(first));
		}
		if (last != null) {
			query.put("to", instant(last.plusDays(1)));
		}
		if (this.outcome != null) {
			query.put("outcome", this.outcome);
		}
		if (this.reason != null) {
			query.put("reason", this.reason);
		}
		if (this.sha256 != null) {
			query.put("contentSha256", this.sha256);
		}
		return query;
	}

	/**
	 * @param query the query parameters
	 * @return declaration-api's address with a variable for each of them
	 */
	static String uri(Map<String, Object> query) {
		StringJoiner uri = new StringJoiner("&", "/api/v1/intake-audit?", "");
		query.keySet().forEach((name) -> uri.add(name + "={" + name + "}"));
		return uri.toString();
	}

	private static String instant(LocalDate day) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(day.atStartOfDay(VIETNAM).toOffsetDateTime());
	}

	private static @Nullable LocalDate day(@Nullable String value) {
		if (value == null || !DAY.matcher(value).matches()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
