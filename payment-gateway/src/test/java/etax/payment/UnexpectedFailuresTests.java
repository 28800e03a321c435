package etax.payment;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UnexpectedFailuresTests {

	private final UnexpectedFailures advice = new UnexpectedFailures();

	@Test
	void answersAnUnexpectedFailureWithAProblemThatTellsNothingOfIt() throws Exception {
		ProblemDetail problem = this.advice.handle(new IllegalStateException(
				"PreparedStatementCallback; SQL [INSERT INTO payment.confirmation VALUES ('0313829148', 22000000)]"));

		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getType()).hasToString("https://etax.example/problems/internal-error");
		assertThat(problem.getTitle()).isEqualTo("Internal error");
		assertThat(problem.getDetail()).doesNotContain("0313829148").doesNotContain("IllegalStateException");
		assertThat(problem.getProperties()).containsKey("incident");
	}

	@Test
	void leavesAccessDecisionsToTheSecurityFilters() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.advice.handle((Exception) new AccessDeniedException("no")));
	}

}
