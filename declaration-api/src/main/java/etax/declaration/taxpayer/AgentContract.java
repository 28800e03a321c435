package etax.declaration.taxpayer;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A contract that lets a tax agent file for a taxpayer (form 2.10 of the catalog), in force from
 * {@code validFrom} to {@code validTo} inclusive, open-ended when {@code validTo} is empty.
 */
public record AgentContract(String agentMst, String taxpayerMst, String contractNumber, LocalDate validFrom,
		@Nullable LocalDate validTo) {

	/**
	 * The taxpayers an agent may act for on a day, as an SQL sub-query: those of its contracts in force that day and
	 * not ended by the client before it, while the agent is an active registered taxpayer. Filing
	 * ({@code TaxpayerRegistry#mayFileFor}) and reading ({@code ReturnScope}) judge by this one definition.
	 * @param agentParameter the named parameter of the agent's MST
	 * @param dayParameter the named parameter of the day
	 * @return {@code SELECT taxpayer_mst …}
	 */
	public static String clientsOn(String agentParameter, String dayParameter) {
		String agent = ":" + agentParameter;
		String day = ":" + dayParameter;
		return """
				SELECT c.taxpayer_mst FROM filing.agent_contract c
				LEFT JOIN filing.agent_contract_ending e USING (agent_mst, contract_number)
				JOIN filing.taxpayer a ON a.mst = c.agent_mst AND a.status = 'ACTIVE'
				WHERE c.agent_mst = %1$s AND c.valid_from <= %2$s AND (c.valid_to IS NULL OR c.valid_to >= %2$s)
				  AND (e.ends_on IS NULL OR e.ends_on >= %2$s)""".formatted(agent, day);
	}

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

}
