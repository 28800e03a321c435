package etax.payment.office;

import java.util.List;
import java.util.Map;

import etax.access.Caller;
import etax.access.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The tax offices of payments and what an officer reads (docs/adr/0022-office-scope-at-the-gateway.md).
 */
@Component
public class TaxOffices {

	/** Where the collecting agencies' offices were configured before they scoped more than held credits. */
	static final String RETIRED_KEY = "etax.payment.correction.collecting-agency-offices";

	private final OfficeProperties properties;

	TaxOffices(OfficeProperties properties, Environment environment) {
		if (Binder.get(environment).bind(RETIRED_KEY, Bindable.mapOf(String.class, String.class)).isBound()) {
			// its mappings would be ignored, and every office's officer would lose the payments its office collects
			throw new IllegalStateException(RETIRED_KEY + " is no longer read: move its entries to "
					+ "etax.payment.offices.collecting-agencies (docs/adr/0022-office-scope-at-the-gateway.md)");
		}
		this.properties = properties;
	}

	/**
	 * The office a collecting agency maps to, for a row that keeps its office (a provisional payment's obligation):
	 * none for an agency not mapped, whose own code is no office's (3 to 7 digits, it may even be another office's).
	 * @param collectingAgency the voucher's {@code MA_CQTHU}, null for none
	 * @return the office, or null
	 */
	public @Nullable String mappedOffice(@Nullable String collectingAgency) {
		return (collectingAgency != null) ? this.properties.collectingAgencies().get(collectingAgency) : null;
	}

	/**
	 * Whether a caller may act on a payment of a collecting agency: a national officer on any, an office's officer
	 * on those of the office the agency maps to. A payment of an agency not mapped is no office's, even when the
	 * agency's code is the officer's office's: only national officers act on it.
	 * @param caller the caller
	 * @param collectingAgency the voucher's {@code MA_CQTHU}
	 * @return whether it may
	 */
	public boolean mayActOn(Caller caller, String collectingAgency) {
		return caller.role() == Role.NATIONAL_OFFICER
				|| (caller.role() == Role.OFFICER && caller.taxOffice() != null
						&& caller.taxOffice().equals(mappedOffice(collectingAgency)));
	}

	/**
	 * The rows a caller reads in the officers' views.
	 * @param caller the caller
	 * @return every row for a national officer; its office's (and, for the payment desk, those of no office) for
	 * an office's officer; none for anyone else
	 */
	public OfficeScope scopeOf(Caller caller) {
		Map<String, String> agencies = this.properties.collectingAgencies();
		List<String> mapped = agencies.keySet().stream().sorted().toList();
		return switch (caller.role()) {
			case NATIONAL_OFFICER -> new OfficeScope(true, null, true, List.of(), mapped);
			case OFFICER -> {
				String office = String.valueOf(caller.taxOffice());
				List<String> ofOffice = mapped.stream().filter((agency) -> agencies.get(agency).equals(office)).toList();
				yield new OfficeScope(false, office, this.properties.paymentDesk().contains(office), ofOffice, mapped);
			}
			default -> new OfficeScope(false, null, false, List.of(), mapped);
		};
	}

}
