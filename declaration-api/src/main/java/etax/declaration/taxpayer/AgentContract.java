package etax.declaration.taxpayer;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A contract that lets a tax agent file for a taxpayer (form 2.10 of the catalog), in force from
 * {@code validFrom} to {@code validTo} inclusive, open-ended when {@code validTo} is empty.
 */
public record AgentContract(String agentMst, String taxpayerMst, String contractNumber, LocalDate validFrom,
		@Nullable LocalDate validTo) {

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

}
