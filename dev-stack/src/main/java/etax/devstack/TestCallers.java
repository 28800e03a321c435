package etax.devstack;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Callers with bearer tokens of {@link TokenIssuer#local()}, for MockMvc requests in the services' tests. */
public final class TestCallers {

	/** The subject of {@link #filer()}: the T-VAN that transmits the tests' returns. */
	public static final String TVAN = "tvan-tests";

	private TestCallers() {
	}

	/** @return the T-VAN that files the tests' returns and reads what it filed */
	public static RequestPostProcessor filer() {
		return bearer(TokenIssuer.local().tvan(TVAN));
	}

	/** @return an officer of the national tax department: the back office of every service */
	public static RequestPostProcessor officer() {
		return bearer(TokenIssuer.local().nationalOfficer());
	}

	/**
	 * @param bankCode the bank
	 * @return that bank
	 */
	public static RequestPostProcessor bank(String bankCode) {
		return bearer(TokenIssuer.local().bank(bankCode));
	}

	/**
	 * @param mst the taxpayer
	 * @return that taxpayer
	 */
	public static RequestPostProcessor taxpayer(String mst) {
		return bearer(TokenIssuer.local().taxpayer(mst));
	}

	/**
	 * @param token a compact JWT
	 * @return the request with {@code Authorization: Bearer <token>}
	 */
	public static RequestPostProcessor bearer(String token) {
		return (request) -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

}
