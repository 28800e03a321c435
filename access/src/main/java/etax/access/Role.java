package etax.access;

/** What a caller is. A token carries exactly one role, in the claim {@value Caller#ROLE}. */
public enum Role {

	/** A business or individual: files and reads its own returns (and its branches'); claim {@code mst}. */
	TAXPAYER,

	/** A tax agent: files and reads for the taxpayers it has a contract with; claim {@code mst} is its own. */
	AGENT,

	/** A T-VAN provider: transmits returns its clients signed, and reads what it transmitted. */
	TVAN,

	/** A tax officer: reads the taxpayers of one tax office (claim {@code tax_office}) and runs the back office. */
	OFFICER,

	/** An officer of the national tax department: reads every taxpayer. */
	NATIONAL_OFFICER,

	/** A bank: confirms payments as itself (claim {@code bank}, its bank code); reads no returns. */
	BANK,

	/**
	 * Another e-tax service acting for a caller it authenticated earlier (batch-processor filing the items of
	 * a bulk submission for the agent who sent it): may call the service-to-service operations, which name
	 * that caller and check its authority as if it called itself.
	 */
	SERVICE;

	private final String authority = "ROLE_" + name();

	/**
	 * The Spring Security authority of this role, for {@code hasRole} rules.
	 * @return {@code ROLE_} and the name
	 */
	public String authority() {
		return this.authority;
	}

}
