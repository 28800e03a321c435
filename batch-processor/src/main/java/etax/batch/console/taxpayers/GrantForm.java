package etax.batch.console.taxpayers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import etax.batch.console.Paging;
import org.jspecify.annotations.Nullable;

/**
 * An extension as the officer asks for it on the taxpayer's page, as typed. The console checks only what it
 * must to send it (every field there, a form code of digits, a kind and a reason of the lists, days);
 * whether the law allows it (the form's period kinds, how the period is written, a request made by the
 * regular deadline, the cap on the new deadline) is declaration-api's to say. Sent back to the page when refused, so nothing is typed twice.
 *
 * @param maTKhai the form's code in the envelope, e.g. {@code 842}
 * @param periodKind {@code kieuKy}
 * @param period the period as its kind is written
 * @param reason a reason's code
 * @param requestedOn the day the taxpayer's request reached the office, {@code yyyy-MM-dd}
 * @param deadline the new last day to file, {@code yyyy-MM-dd}
 */
record GrantForm(@Nullable String maTKhai, @Nullable String periodKind, @Nullable String period,
		@Nullable String reason, @Nullable String requestedOn, @Nullable String deadline) {

	private static final Pattern FORM = Pattern.compile("\\d{1,5}");

	static GrantForm of(@Nullable String maTKhai, @Nullable String periodKind, @Nullable String period,
			@Nullable String reason, @Nullable String requestedOn, @Nullable String deadline) {
		return new GrantForm(Paging.text(maTKhai), Paging.text(periodKind), Paging.text(period), Paging.text(reason),
				Paging.text(requestedOn), Paging.text(deadline));
	}

	/** @return what is wrong with it, in words; empty when it can be sent */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.maTKhai == null || !FORM.matcher(this.maTKhai).matches()) {
			problems.add("The form code (maTKhai) is 1 to 5 digits, such as 842 for 01/GTGT.");
		}
		if (this.periodKind == null || PeriodKind.of(this.periodKind).isEmpty()) {
			problems.add("Choose the period kind: M, Q, Y, D, K or N.");
		}
		if (this.period == null || this.period.length() > 21) {
			problems.add("Write the period as its kind is written, such as 1/2025 for a quarter.");
		}
		if (Choice.of(Choice.EXTENSION_REASONS, this.reason).isEmpty()) {
			problems.add("Choose the reason from the list of Law 38/2019 Art. 46(1).");
		}
		if (TypedDays.parse(this.requestedOn) == null) {
			problems.add("The day the taxpayer's request reached the office is a day such as 2025-04-20.");
		}
		if (TypedDays.parse(this.deadline) == null) {
			problems.add("The new deadline is a day such as 2025-05-30.");
		}
		return problems;
	}

	/** @return the request declaration-api takes; only when there are no {@link #problems} */
	Request request() {
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join(" ", problems));
		}
		return new Request(this.maTKhai, this.periodKind, this.period, this.reason,
				String.valueOf(TypedDays.parse(this.requestedOn)),
				String.valueOf(TypedDays.parse(this.deadline)));
	}

	/** @return the reason in words, Vietnamese first, or as typed */
	String reasonWords() {
		return Choice.of(Choice.EXTENSION_REASONS, this.reason).map(Choice::words).orElse(String.valueOf(this.reason));
	}

	/** What {@code POST /api/v1/taxpayers/{mst}/extensions} takes. */
	record Request(@Nullable String maTKhai, @Nullable String periodKind, @Nullable String period,
			@Nullable String reason, String requestedOn, String deadline) {

	}

}
