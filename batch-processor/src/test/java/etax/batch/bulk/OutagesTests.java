package etax.batch.bulk;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class OutagesTests {

	@Test
	void aRunFailedForOutagesAloneIsNotAnAttempt() {
		assertThat(Outages.only(List.of(new IllegalStateException("step failed",
				DeclarationApiException.outage("declaration-api unavailable after 3 attempts: HTTP 503"))))).isTrue();
		assertThat(Outages.only(List.of(new CannotCreateTransactionException("no connection"),
				new QueryTimeoutException("statement timeout")))).isTrue();
	}

	@Test
	void aRunThatFailedForAnythingElseIsOne() {
		assertThat(Outages.only(List.of())).as("no failure recorded").isFalse();
		assertThat(Outages.only(List.of(new DeclarationApiException("declaration-api refused the request: HTTP 401"))))
			.isFalse();
		assertThat(Outages.only(List.of(DeclarationApiException.outage("Interrupted while filing"),
				new DataIntegrityViolationException("a bug")))).isFalse();
	}

}
