package etax.access;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated caller of a request, read from its token's claims.
 *
 * @param subject the token's {@code sub}: the stable name of the filer, officer or bank (idempotency keys
 * and webhooks are scoped to it)
 * @param role what the caller is
 * @param mst the taxpayer's own MST, or the agent's; only for {@link Role#TAXPAYER} and {@link Role#AGENT}
 * @param taxOffice the officer's tax office code; only for {@link Role#OFFICER}
 * @param bank the bank code; only for {@link Role#BANK}
 * @param approver whether an officer may approve what another officer decided (four eyes), claim
 * {@code approver}
 */
public record Caller(String subject, Role role, @Nullable String mst, @Nullable String taxOffice,
		@Nullable String bank, boolean approver) {

	/** The claim naming the role. */
	public static final String ROLE = "role";

	/** The claim naming the MST of a taxpayer or an agent. */
	public static final String MST = "mst";

	/** The claim naming an officer's tax office. */
	public static final String TAX_OFFICE = "tax_office";

	/** The claim naming a bank. */
	public static final String BANK = "bank";

	/** The claim that makes an officer an approver. */
	public static final String APPROVER = "approver";

	/**
	 * Refuses a caller whose role lacks the claim it needs, and drops the claims its role has no use for (a T-VAN's
	 * token naming an MST is not a taxpayer's: nothing may be scoped by it).
	 * @throws IllegalArgumentException naming the missing claim
	 */
	public Caller {
		if (subject.isBlank()) {
			throw new IllegalArgumentException("the token has no subject");
		}
		boolean filesAsTaxpayer = role == Role.TAXPAYER || role == Role.AGENT;
		require(filesAsTaxpayer, mst, MST, role);
		require(role == Role.OFFICER, taxOffice, TAX_OFFICE, role);
		require(role == Role.BANK, bank, BANK, role);
		mst = filesAsTaxpayer ? mst : null;
		taxOffice = (role == Role.OFFICER) ? taxOffice : null;
		bank = (role == Role.BANK) ? bank : null;
		if (approver && role != Role.OFFICER && role != Role.NATIONAL_OFFICER) {
			throw new IllegalArgumentException("only officers approve");
		}
	}

	/**
	 * A caller who is not an approver.
	 * @param subject the token's {@code sub}
	 * @param role the role
	 * @param mst for taxpayers and agents
	 * @param taxOffice for officers
	 * @param bank for banks
	 */
	public Caller(String subject, Role role, @Nullable String mst, @Nullable String taxOffice, @Nullable String bank) {
		this(subject, role, mst, taxOffice, bank, false);
	}

	/**
	 * Whether this caller works for the tax authority.
	 * @return true for officers of a tax office and national officers
	 */
	public boolean isOfficer() {
		return this.role == Role.OFFICER || this.role == Role.NATIONAL_OFFICER;
	}

	/**
	 * The MST of a taxpayer or agent.
	 * @return the MST
	 * @throws IllegalStateException for other roles
	 */
	public String requireMst() {
		if (this.mst == null) {
			throw new IllegalStateException(this.role + " has no MST");
		}
		return this.mst;
	}

	private static void require(boolean needed, @Nullable String value, String claim, Role role) {
		if (needed && (value == null || value.isBlank())) {
			throw new IllegalArgumentException("a " + role + " token needs the claim '" + claim + "'");
		}
	}

}
