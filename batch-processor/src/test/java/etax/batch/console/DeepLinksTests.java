package etax.batch.console;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the console's own pages are places to go after sign-in. */
class DeepLinksTests {

	@Test
	void consolePagesWithTheirQueriesAreKept() {
		assertThat(DeepLinks.safe("/console/batches")).isEqualTo("/console/batches");
		assertThat(DeepLinks.safe("/console/exceptions?day=2025-03-05&class=ONLY_TAX"))
			.isEqualTo("/console/exceptions?day=2025-03-05&class=ONLY_TAX");
		assertThat(DeepLinks.target(null)).isEqualTo("/console/exceptions");
	}

	@Test
	void anythingElseIsRefused() {
		for (String next : new String[] { "", "https://evil.example", "//evil.example", "///evil.example",
				"/\\evil.example", "\\\\evil.example", "/console/../actuator", "/console/..", "/console/./x",
				"/console/%2E%2E/actuator", "/console/%2f%2fevil", "/console%2F..", "/console/%252e%252e",
				"/consoles", "/console/x y", "/console/\u00e9", "/console/x\nSet-Cookie: a=b", "/console/login?next=/x",
				"/console/logout", "/console?x=//evil", "/console/{x}", "/console/" + "a".repeat(2000) }) {
			assertThat(DeepLinks.safe(next)).as(next).isNull();
			assertThat(DeepLinks.target(next)).as(next).isEqualTo("/console/exceptions");
		}
	}

	@Test
	void theSignInPageCarriesTheGetAskedFor() {
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/console/batches/42");
		get.setQueryString("status=FAILED");
		assertThat(DeepLinks.signInFor(get, "")).isEqualTo("/console/login?next=%2Fconsole%2Fbatches%2F42%3Fstatus%3DFAILED");
		assertThat(DeepLinks.signInFor(get, "expired"))
			.isEqualTo("/console/login?expired&next=%2Fconsole%2Fbatches%2F42%3Fstatus%3DFAILED");
		assertThat(DeepLinks.signInFor(new MockHttpServletRequest("POST", "/console/batches/42/cancel"), ""))
			.as("a form is not sent again after sign-in")
			.isEqualTo("/console/login");
		assertThat(DeepLinks.signInFor(new MockHttpServletRequest("GET", "/console"), "")).isEqualTo("/console/login");
	}

}
