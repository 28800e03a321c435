package etax.declaration.taxpayer;

import etax.ids.TaxpayerId;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link Mst}: the one rule of {@link TaxpayerId}, which the filing's context rules apply too. */
class MstValidator implements ConstraintValidator<Mst, String> {

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		return value == null || TaxpayerId.isValid(value);
	}

}
