package etax.declaration.taxpayer;

/** No taxpayer is registered under this MST, or none the caller may see (someone else's is not found either). */
public final class TaxpayerNotFoundException extends RuntimeException {

	private TaxpayerNotFoundException(String message) {
		super(message);
	}

	/**
	 * @param ignored the MST, which the message does not repeat (it may be a person's id)
	 * @return the exception
	 */
	public static TaxpayerNotFoundException forMst(String ignored) {
		return new TaxpayerNotFoundException("No taxpayer is registered under this MST");
	}

}
