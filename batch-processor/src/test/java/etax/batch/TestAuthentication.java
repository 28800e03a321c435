package etax.batch;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * How the tests of officer endpoints authenticate, in one place: the service's authentication is
 * moving from HTTP Basic to OAuth2 bearer tokens.
 */
public final class TestAuthentication {

	private TestAuthentication() {
	}

	/**
	 * @return an officer's credentials for a MockMvc request
	 */
	public static RequestPostProcessor officer() {
		return httpBasic("dev", "dev");
	}

}
