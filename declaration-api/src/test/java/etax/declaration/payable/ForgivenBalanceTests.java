package etax.declaration.payable;

import java.util.Map;

import etax.schemas.FormCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PIT finalization (02/QTT-TNCN) whose balance [42] is 50,000 VND or less has it forgiven in [43]: no item is
 * owed, nor interest on one; a larger balance is owed whole, and a supplement owes what it changes of the balance
 * left owed.
 */
class ForgivenBalanceTests {

	private static final Map<String, String> FORGIVEN = FormCatalog.load()
		.find("952", "2.6.0", "C")
		.orElseThrow()
		.forgivenIndicators();

	@Test
	void theCatalogSaysWhichPartOfTheBalanceIsForgiven() {
		assertThat(FORGIVEN).containsExactly(Map.entry("ct42", "ct43"));
	}

	@Test
	void aForgivenBalanceOwesNothing() {
		assertThat(PayableItems.difference("ct42", FORGIVEN, Map.of("ct42", "30000", "ct43", "30000"), Map.of()))
			.isZero();
		assertThat(PayableItems.difference("ct42", FORGIVEN, Map.of("ct42", "730000", "ct43", "0"), Map.of()))
			.isEqualTo(730_000);
	}

	@Test
	void aSupplementOwesWhatItChangesOfTheBalanceLeftOwed() {
		Map<String, String> forgivenBefore = Map.of("ct42", "30000", "ct43", "30000");
		assertThat(PayableItems.difference("ct42", FORGIVEN, Map.of("ct42", "730000", "ct43", "0"), forgivenBefore))
			.as("the balance is no longer small: all of it is owed").isEqualTo(730_000);
		assertThat(PayableItems.difference("ct42", Map.of(), Map.of("ct42", "730000"), Map.of("ct42", "30000")))
			.as("a form that forgives nothing").isEqualTo(700_000);
	}

	@Test
	void anOverpaymentChargesNothingInASupplementAsInAnOriginal() {
		Map<String, String> overpaid = Map.of("ctI1", "-100000000");
		assertThat(PayableItems.charged("ctI1", Map.of(), overpaid, Map.of())).isZero();
		assertThat(PayableItems.charged("ctI1", Map.of(), Map.of("ctI1", "20000000"), overpaid))
			.as("from 100 million overpaid to 20 million owed").isEqualTo(20_000_000);
		assertThat(PayableItems.charged("ctI1", Map.of(), Map.of("ctI1", "-40000000"), overpaid))
			.as("less overpaid, still nothing owed").isZero();
		assertThat(PayableItems.charged("ctI1", Map.of(), overpaid, Map.of("ctI1", "30000000")))
			.as("from 30 million owed to an overpayment: the 30 million is taken off").isEqualTo(-30_000_000);
		assertThat(PayableItems.difference("ctI1", Map.of(), Map.of("ctI1", "20000000"), overpaid))
			.as("the tax declared changes by the whole difference").isEqualTo(120_000_000);
	}

}
