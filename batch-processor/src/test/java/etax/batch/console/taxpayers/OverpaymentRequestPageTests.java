package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverpaymentRequestPageTests {

	@Test
	void thePendingRequestsOlderThanTheFirstPageAreListedAfterItOnceAndCountedAsListed() {
		OverpaymentRequest latest = request("PENDING");
		OverpaymentRequest decided = request("APPROVED");
		OverpaymentRequest older = request("PENDING");
		OverpaymentRequest.Page first = new OverpaymentRequest.Page(List.of(latest, decided), 10L);

		OverpaymentRequest.Page shown = first.withOlder(List.of(latest, older));

		assertThat(shown.items()).containsExactly(latest, decided, older);
		assertThat(shown.notListed()).isEqualTo(7);
	}

	private static OverpaymentRequest request(String status) {
		return new OverpaymentRequest(UUID.randomUUID(), "0100109106", UUID.randomUUID(), "REFUND",
				new BigDecimal("400000"), "ĐN-17", null, new OverpaymentRequest.Payee("01201001", "0123456789", "CONG TY A"),
				"officer-an", Instant.parse("2026-05-11T03:00:00Z"), status, null);
	}

}
