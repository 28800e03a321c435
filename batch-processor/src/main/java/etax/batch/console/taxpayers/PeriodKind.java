package etax.batch.console.taxpayers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of tax period ({@code kieuKy}, VN-ETAX.md §1.3) an extension is granted for, and how its period is
 * written, for the grant form: declaration-api checks that the form is filed for the kind and the period is
 * written as the kind is.
 */
enum PeriodKind {

	M("month", "MM/yyyy, e.g. 03/2025"),

	Q("quarter", "q/yyyy, e.g. 1/2025"),

	Y("year", "yyyy, e.g. 2025"),

	D("occurrence (lần phát sinh)", "dd/MM/yyyy, e.g. 15/03/2025"),

	K("fiscal year not the calendar's", "its first and last days, dd/MM/yyyy-dd/MM/yyyy"),

	N("part of a year", "its first and last days, dd/MM/yyyy-dd/MM/yyyy");

	private final String meaning;

	private final String written;

	PeriodKind(String meaning, String written) {
		this.meaning = meaning;
		this.written = written;
	}

	/** @return the code, e.g. {@code Q} */
	public String code() {
		return name();
	}

	/** @return what the kind is, e.g. "quarter" */
	public String meaning() {
		return this.meaning;
	}

	/** @return how a period of the kind is written */
	public String written() {
		return this.written;
	}

	static Optional<PeriodKind> of(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.name().equals(code)).findFirst();
	}

}
