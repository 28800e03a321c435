package etax.batch.console.taxpayers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/** Days as an officer types them in the taxpayer page's forms ({@code yyyy-MM-dd}, what a date input sends). */
final class TypedDays {

	private TypedDays() {
	}

	/** @return the day, or null when none is typed or it is no day */
	static @Nullable LocalDate parse(@Nullable String typed) {
		try {
			return (typed != null) ? LocalDate.parse(typed) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
