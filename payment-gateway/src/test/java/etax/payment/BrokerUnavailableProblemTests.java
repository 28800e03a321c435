package etax.payment;

import java.util.concurrent.TimeoutException;

import etax.payment.confirmation.BrokerUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** A confirmation the broker did not take is a typed 503 the bank retries, never a 500. */
class BrokerUnavailableProblemTests {

	@Test
	void isA503WithRetryAfter() {
		ResponseEntity<ProblemDetail> answer = new ProblemDetailsAdvice()
			.handle(new BrokerUnavailableException(new TimeoutException("metadata")));
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(answer.getBody()).isNotNull();
		assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemDetailsAdvice.PROBLEM_BASE + "broker-unavailable");
		assertThat(answer.getBody().getDetail()).contains("send it again").doesNotContain("metadata");
	}

}
