package etax.declaration.taxpayer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A parameter, path variable or body field that names a taxpayer: valid if it is an MST in any form the
 * filing accepts ({@link etax.ids.TaxpayerId#isValid}: 10 digits with their check digit, the same with a
 * branch suffix {@code -NNN}, or a 12-digit personal id), so that every look-up takes what a return may be
 * filed under, and refuses the same things the same way (400 {@code invalid-mst}). {@code null} is valid:
 * whether the value is required is said separately.
 */
@Documented
@Constraint(validatedBy = MstValidator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Mst {

	/** What a refused value must be: the same words wherever an MST is taken. */
	String MESSAGE = "must be an MST: 10 digits with a valid check digit, the same with -NNN for a branch, "
			+ "or a 12-digit personal id";

	String message() default MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
