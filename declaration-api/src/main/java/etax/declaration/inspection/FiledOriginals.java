package etax.declaration.inspection;

import java.time.LocalDate;
import java.util.Optional;

import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

/**
 * The accepted original of a taxpayer's form and period, for the due date of tax a conclusion assesses on the period
 * (ADR 0023): what a supplement adds is due on the deadline its original was held to, and assessed tax is due as the
 * same tax declared on a supplement would be, whatever extension was granted or revoked since. Implemented where the
 * chains of returns are kept, the intake, which reads the inspections and so cannot be read from here.
 */
@FunctionalInterface
public interface FiledOriginals {

	/**
	 * @param mst the taxpayer
	 * @param formCode the form's code, e.g. {@code 01/GTGT}, which the chains of its generations share
	 * @param period the period, well formed
	 * @return the period's accepted original, if the taxpayer filed one; of several (one per activity or dependent
	 * unit), the one decided first
	 */
	Optional<Original> of(String mst, String formCode, TaxPeriod period);

	/**
	 * An accepted original.
	 * @param heldTo the extended deadline it was held to, if any; none: the period's regular deadline
	 */
	record Original(@Nullable LocalDate heldTo) {

	}

}
