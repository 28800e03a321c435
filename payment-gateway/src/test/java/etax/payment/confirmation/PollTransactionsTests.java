package etax.payment.confirmation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollTransactionsTests {

	@Test
	void keepsAPollWithinItsBudgetInOnePart() {
		assertThat(PollTransactions.parts(List.of(3L, 3L, 4L), Long::longValue, 10)).containsExactly(List.of(3L, 3L, 4L));
	}

	@Test
	void cutsAHeavierPollIntoConsecutivePartsAndGivesAnItemOverTheBudgetAPartOfItsOwn() {
		assertThat(PollTransactions.parts(List.of(6L, 5L, 25L, 1L, 9L, 2L), Long::longValue, 10))
			.containsExactly(List.of(6L), List.of(5L), List.of(25L), List.of(1L, 9L), List.of(2L));
		assertThat(PollTransactions.parts(List.<Long>of(), Long::longValue, 10)).isEmpty();
	}

}
