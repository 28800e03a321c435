package etax.payment.ledger;

/**
 * The ledger has nothing of a taxpayer that the caller may read: nothing at all, or, for an office's officer,
 * no obligation of its office. Both read alike, so an officer learns nothing of other offices' taxpayers
 * (docs/adr/0022-office-scope-at-the-gateway.md). The MST is not repeated: it is personal data.
 */
public final class TaxpayerNotFoundException extends RuntimeException {

	private TaxpayerNotFoundException(String message) {
		super(message);
	}

	public static TaxpayerNotFoundException forCaller() {
		return new TaxpayerNotFoundException("No taxpayer with this MST is in the ledger");
	}

}
