package etax.declaration.extension;

import java.time.LocalDate;
import java.util.Arrays;

import etax.declaration.calendar.Deadlines;
import etax.declaration.calendar.FormPeriod;

/**
 * What a grant may be (Law 38/2019 Art. 46, VN-ETAX.md §3.5 R-DL-6): a form of the catalog, a period kind it is
 * filed for, a period written as its kind is, that a return of the form can declare (so that the grant applies to the
 * return, {@link FormPeriod}) and covered by a version of the form, a reason of the closed list,
 * the taxpayer's request made by the regular deadline (Art. 46(3)) and not after today, and a new deadline after
 * the regular deadline of the form's rule for the period and at most 30 days after it, 60 for a finalization
 * ({@link etax.schemas.FormVersion#finalization}): an annual return filed by the same deadline as one, 04/TNDN or
 * 01/HKNN, gets 30.
 */
final class ExtensionLimits {

	/** Art. 46(2): monthly, quarterly, annual and per-occurrence returns. */
	static final int DAYS = 30;

	/** Art. 46(2): finalizations. */
	static final int FINALIZATION_DAYS = 60;

	private ExtensionLimits() {
	}

	/**
	 * @param grant what an officer grants
	 * @param deadlines the calendar of regular deadlines
	 * @param today the day in Vietnam
	 * @return what the catalog and the calendar say of it
	 * @throws InvalidExtensionException naming the first field the law or the catalog does not allow
	 */
	static Allowed check(DeadlineExtensions.Grant grant, Deadlines deadlines, LocalDate today) {
		FormPeriod formPeriod;
		try {
			formPeriod = FormPeriod.resolve(grant.maTKhai(), grant.periodKind(), grant.period(), deadlines);
		}
		catch (FormPeriod.Invalid ex) {
			throw new InvalidExtensionException(ex.field(), ex.getMessage());
		}
		ExtensionReason reason = ExtensionReason.of(grant.reason())
			.orElseThrow(() -> new InvalidExtensionException("reason", "The reason must be one of Law 38/2019 Art. 46(1): "
					+ String.join(", ", Arrays.stream(ExtensionReason.values()).map(Enum::name).toList())));
		boolean finalization = formPeriod.version().finalization();
		LocalDate regular = formPeriod.regularDeadline();
		if (grant.requestedOn().isAfter(today)) {
			throw new InvalidExtensionException("requestedOn",
					"The request cannot have reached the tax office after today, " + today);
		}
		if (grant.requestedOn().isAfter(regular)) {
			throw new InvalidExtensionException("requestedOn", "Art. 46(3): the request must reach the tax office by the "
					+ "regular deadline of the period, " + regular + "; a later request cannot be granted");
		}
		int cap = finalization ? FINALIZATION_DAYS : DAYS;
		if (!grant.deadline().isAfter(regular)) {
			throw new InvalidExtensionException("deadline",
					"The new deadline must be after the regular deadline of the period, " + regular);
		}
		if (grant.deadline().isAfter(regular.plusDays(cap))) {
			throw new InvalidExtensionException("deadline", "The new deadline may be at most " + cap + " days after the "
					+ "regular deadline " + regular + (finalization ? " (a finalization)" : "") + ": "
					+ regular.plusDays(cap) + " at the latest");
		}
		return new Allowed(formPeriod.version().formCode(), reason, regular);
	}

	/**
	 * A grant the law allows.
	 * @param formCode the form's code, e.g. {@code 01/GTGT}
	 * @param reason the reason
	 * @param regularDeadline the deadline of the form's rule for the period, moved past weekends and holidays
	 */
	record Allowed(String formCode, ExtensionReason reason, LocalDate regularDeadline) {

	}

}
