package etax.declaration;

import etax.declaration.submission.FilingUnavailable;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A return filed alone while the database is out of reach is answered as the same return in a batch is: 503
 * {@code temporarily-unavailable}, safe to file again with the same key, never a 500 that leaves the filer guessing.
 */
class ProblemResponsesTests {

	private final ProblemResponses responses = new ProblemResponses();

	@Test
	void anOutageIsTemporarilyUnavailableWithRetryAfterAndNothingOfTheDatabasesWords() {
		ResponseEntity<ProblemDetail> answer = this.responses
			.unavailable(new CannotCreateTransactionException("Could not open JDBC connection for mst 0100109106"));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(answer.getBody().getType()).hasToString("https://etax.example/problems/temporarily-unavailable");
		assertThat(answer.getBody().getDetail()).doesNotContain("0100109106").contains("Idempotency-Key");
	}

	@Test
	void whatIsAnOutageForAFilingAloneIsOneForAnItemOfABatch() {
		assertThat(FilingUnavailable.is(new CannotCreateTransactionException("down"))).isTrue();
		assertThat(FilingUnavailable.is(new QueryTimeoutException("slow"))).isTrue();
		assertThat(FilingUnavailable.is(new IllegalStateException("a defect"))).isFalse();
	}

}
