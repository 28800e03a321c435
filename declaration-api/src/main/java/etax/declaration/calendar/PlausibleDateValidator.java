package etax.declaration.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlausibleDate}. */
class PlausibleDateValidator implements ConstraintValidator<PlausibleDate, Temporal> {

	private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

	private static final Instant FIRST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");

	private static final Instant END_INSTANT = Instant.parse("9999-12-31T00:00:00Z");

	@Override
	public boolean isValid(Temporal value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		if (value instanceof LocalDate date) {
			return !date.isBefore(FIRST) && !date.isAfter(LAST);
		}
		if (value instanceof OffsetDateTime time) {
			return isValid(time.toInstant(), context);
		}
		if (value instanceof Instant instant) {
			return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
		}
		throw new IllegalArgumentException("@PlausibleDate on " + value.getClass().getName());
	}

}
