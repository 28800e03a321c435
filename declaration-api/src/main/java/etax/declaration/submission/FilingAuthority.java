package etax.declaration.submission;

import java.time.Clock;
import java.time.LocalDate;

import etax.access.Caller;
import etax.declaration.calendar.Deadlines;
import etax.declaration.taxpayer.TaxpayerRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Whether the caller may file for the taxpayer a return names: a taxpayer for itself and its branches, an
 * agent for the taxpayers it has a contract with today, a T-VAN for anyone (it transmits what its clients
 * signed; the signature rules check the signer). Checked before anything is stored.
 */
@Component
class FilingAuthority {

	private final TaxpayerRegistry registry;

	private final Clock clock;

	/**
	 * @param registry the agents' contracts
	 * @param clock the real clock (the bean named {@code clock}), never the sandbox's: who may file is decided on
	 * the real day, whatever postmark a sandbox request asks for (ADR 0017: the sandbox changes no one's rights)
	 */
	FilingAuthority(TaxpayerRegistry registry, @Qualifier("clock") Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * @param caller the authenticated filer
	 * @param mst the taxpayer of the return ({@code NNT/mst})
	 * @throws FilerNotAuthorizedException if the caller may not file for that taxpayer
	 */
	void check(Caller caller, String mst) {
		boolean allowed = switch (caller.role()) {
			case TAXPAYER -> mst.equals(caller.mst()) || mst.startsWith(caller.requireMst() + "-");
			case AGENT -> this.registry.mayFileFor(caller.requireMst(), mst,
					LocalDate.now(this.clock.withZone(Deadlines.VIETNAM)));
			case TVAN -> true;
			case OFFICER, NATIONAL_OFFICER, BANK, SERVICE -> false;
		};
		if (!allowed) {
			throw new FilerNotAuthorizedException(caller.role());
		}
	}

}
