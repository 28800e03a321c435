package etax.declaration.submission;

import java.util.Optional;

import etax.declaration.inspection.FiledOriginals;
import etax.schemas.TaxPeriod;

import org.springframework.stereotype.Component;

/**
 * The originals of a period as its chains keep them, for the tax an inspection assesses on it: due on the deadline
 * the original was held to, as what a supplement of the period adds is ({@link ReturnChains#originalHeldTo}).
 */
@Component
class PeriodOriginals implements FiledOriginals {

	private final ReturnChains chains;

	PeriodOriginals(ReturnChains chains) {
		this.chains = chains;
	}

	@Override
	public Optional<Original> of(String mst, String formCode, TaxPeriod period) {
		return this.chains.acceptedOfPeriod(mst, formCode, period)
			.values()
			.stream()
			.findFirst()
			.map((accepted) -> new Original(ReturnChains.originalHeldTo(accepted)));
	}

}
