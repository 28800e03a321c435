package etax.declaration.signature;

/**
 * Answers whether a tax agent may sign returns for a taxpayer: it holds a service contract with that
 * taxpayer (VN-ETAX §3.2 R-ID-2). Backed by the taxpayer registry; must be thread-safe.
 */
@FunctionalInterface
public interface AgentContracts {

	/**
	 * @param agentMst the agent's tax code as the return names it ({@code DLyThue/mstDLyThue})
	 * @param taxpayerMst the taxpayer's tax code as the return names it ({@code NNT/mst})
	 * @return whether the agent is under contract for the taxpayer
	 */
	boolean covers(String agentMst, String taxpayerMst);

	/** @return contracts that cover nobody: only the taxpayer's own certificate is accepted */
	static AgentContracts none() {
		return (agentMst, taxpayerMst) -> false;
	}

}
