package etax.declaration.calendar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A date or instant a caller sends that the system stores or queries by: from the year 1900 to the year 9999.
 * JSON and ISO dates take years of nine digits, which neither {@code java.sql.Timestamp} nor PostgreSQL can hold:
 * refused as a 400 naming the field rather than failing in the database. {@code null} is valid: whether the value is
 * required is said separately. Applies to {@code LocalDate}, {@code Instant} and {@code OffsetDateTime}.
 */
@Documented
@Constraint(validatedBy = PlausibleDateValidator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

	String message() default "must be a date from the year 1900 to the year 9999";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
