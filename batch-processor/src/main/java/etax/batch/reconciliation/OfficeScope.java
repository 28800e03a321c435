package etax.batch.reconciliation;

import etax.access.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Whose lines, work items and totals an officer sees: their tax office's (the office the voucher's
 * collecting agency maps to, {@code etax.batch.reconciliation.collecting-agency-offices}), or all for a
 * national officer. An item out of scope is simply not found.
 *
 * @param taxOffice the office, or null for all
 */
public record OfficeScope(@Nullable String taxOffice) {

	/** Every office's. */
	public static final OfficeScope NATIONAL = new OfficeScope(null);

	/**
	 * @param caller an officer
	 * @return the caller's scope
	 */
	public static OfficeScope of(Caller caller) {
		return switch (caller.role()) {
			case NATIONAL_OFFICER -> NATIONAL;
			case OFFICER -> new OfficeScope(caller.taxOffice());
			default -> throw new IllegalArgumentException("Only officers reconcile");
		};
	}

	/**
	 * @param office the tax office of a line or item, null when no leg names one
	 * @return whether it is in scope
	 */
	public boolean includes(@Nullable String office) {
		return this.taxOffice == null || this.taxOffice.equals(office);
	}

}
