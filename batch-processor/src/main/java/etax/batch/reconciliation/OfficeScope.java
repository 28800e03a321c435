package etax.batch.reconciliation;

import etax.access.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Whose lines and work items an officer sees: their tax office's (the collecting agency on the voucher),
 * or all for a national officer. An item out of scope is simply not found.
 *
 * @param taxOffice the office, or null for all
 */
public record OfficeScope(@Nullable String taxOffice) {

	/**
	 * @param caller an officer
	 * @return the caller's scope
	 */
	public static OfficeScope of(Caller caller) {
		return switch (caller.role()) {
			case NATIONAL_OFFICER -> new OfficeScope(null);
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
