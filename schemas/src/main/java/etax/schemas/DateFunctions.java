package etax.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * The formula language's date functions, on dates written yyyy-MM-dd (the {@code date} type and {@code signedOn},
 * {@code periodStart}): {@code days(from, to)} and {@code addDays(date, n)}. A text that is not such a date (an
 * absent or empty date) makes {@code days} 0 and {@code addDays} empty, so that rules guard with
 * {@code present(...)} and never fail on a date left out.
 */
final class DateFunctions {

	private DateFunctions() {
	}

	/** The days from one date to another: {@code to − from}, negative when {@code to} is earlier. */
	record Days(Expr from, Expr to) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			LocalDate from = parse(this.from.text(at));
			LocalDate to = parse(this.to.text(at));
			return (from == null || to == null) ? BigDecimal.ZERO : BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to));
		}

		@Override
		public void reads(Reads reads) {
			this.from.reads(reads);
			this.to.reads(reads);
		}

	}

	/** A date moved by a whole number of days (rounded half up), yyyy-MM-dd. */
	record AddDays(Expr date, Expr days) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.TEXT;
		}

		@Override
		public String text(Evaluation at) {
			LocalDate date = parse(this.date.text(at));
			if (date == null) {
				return "";
			}
			return date.plusDays(this.days.number(at).setScale(0, RoundingMode.HALF_UP).longValueExact()).toString();
		}

		@Override
		public void reads(Reads reads) {
			this.date.reads(reads);
			this.days.reads(reads);
		}

	}

	private static @Nullable LocalDate parse(String text) {
		if (text.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
