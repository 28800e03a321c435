package etax.declaration.taxpayer;

/** No taxpayer is registered under this MST. */
public final class TaxpayerNotFoundException extends RuntimeException {

	private TaxpayerNotFoundException(String message) {
		super(message);
	}

	static TaxpayerNotFoundException forMst(String ignored) {
		return new TaxpayerNotFoundException("No taxpayer is registered under this MST");
	}

}
