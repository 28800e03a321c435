package etax.access;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

class UnexpectedFailuresTests {

	private final UnexpectedFailures resolver = new UnexpectedFailures();

	@Test
	void answersAnUnexpectedFailureWithAProblemThatTellsNothingOfIt() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		Object answered = this.resolver.resolveException(new MockHttpServletRequest(), response, null,
				new IllegalStateException(
						"PreparedStatementCallback; SQL [INSERT INTO payment.confirmation VALUES ('0313829148', 22000000)]"));

		assertThat(answered).isNotNull();
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"type\":\"https://etax.example/problems/internal-error\"")
			.contains("\"title\":\"Internal error\"")
			.contains("\"incident\":\"")
			.doesNotContain("0313829148")
			.doesNotContain("IllegalStateException");
	}

	@Test
	void leavesAccessDecisionsToTheSecurityFilters() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThat(this.resolver.resolveException(new MockHttpServletRequest(), response, null,
				new AccessDeniedException("no"))).isNull();
		assertThat(response.getStatus()).isEqualTo(200);
	}

}
