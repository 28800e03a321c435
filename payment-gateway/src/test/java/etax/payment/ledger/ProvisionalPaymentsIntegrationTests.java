package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static etax.payment.GatewayFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Corporate income tax paid by quarter on account of the year's (VN-ETAX §3.5 R-DL-4) is booked as the obligation
 * its payment declares, paid at once: never an overpayment offset elsewhere, never paid twice by the year's
 * finalization; and an item of the quarter booked later takes it (ADR 0006 addendum). End to end, from the bank's
 * confirmation and the payable items' topic to the ledger and the interest basis.
 */
@GatewayIntegrationTest
class ProvisionalPaymentsIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void aQuarterPaidOnAccountIsItsOwnObligationNotACreditForTheVatArrearsNorForTheFinalization() throws Exception {
		String mst = DevBanks.mst(8801);
		String vat = UUID.randomUUID().toString();
		gateway.publishItem(mst, vat, 10_000_000, "2026-04-30");
		gateway.reads().awaitOutstanding(vat, 10_000_000);

		gateway.pay(mst, "TNQ2026051000000001", "2026-05-10", List.of(Line.of("1052", 40_000_000)));

		String provisional = awaitProvisional(mst, "00/Q1/2026");
		assertThat(gateway.reads().outstanding(provisional)).isZero();
		assertThat(gateway.reads().totalCredit(mst)).as("no overpayment").isZero();
		assertThat(gateway.reads().outstanding(vat)).as("the VAT arrears are not paid with CIT")
			.isEqualByComparingTo("10000000");
		assertThat(gateway.jdbc().sql("""
				SELECT due_date::text || ' ' || amount || ' ' || outstanding || ' ' || reduction_dates::text
				FROM payment.interest_basis_v1 WHERE payable_item_id = ?""")
			.param(provisional)
			.query(String.class)
			.single()).as("due as it is paid: no interest of its own")
			.isEqualTo("2026-05-10 40000000 0 {2026-05-10}");

		// 03/TNDN: the year's tax less what was paid on account (G) leaves I1
		String finalization = UUID.randomUUID().toString();
		gateway.publishItem(mst, finalization, "1052", "00/CN/2026", 5_000_000, "2027-03-31");
		gateway.reads().awaitOutstanding(finalization, 5_000_000);
		assertThat(gateway.reads().balance(mst).path("settled").asBoolean()).isFalse();
		assertThat(gateway.reads().outstanding(provisional)).isZero();
	}

	@Test
	void anItemOfTheQuarterBookedAfterThePaymentTakesItAndTheRestIsTheTaxpayersCredit() throws Exception {
		String mst = DevBanks.mst(8802);
		gateway.pay(mst, "TNQ2026051100000002", "2026-05-11", List.of(Line.of("1052", 1_500_000)));
		String provisional = awaitProvisional(mst, "00/Q1/2026");

		// a return declaring the quarter's CIT after all (a foreign supplier's, 01/NCCNN)
		String quarterly = UUID.randomUUID().toString();
		gateway.publishItem(mst, quarterly, "1052", "00/Q1/2026", 1_000_000, "2026-04-30");

		gateway.reads().awaitOutstanding(quarterly, 0);
		await().atMost(TIMEOUT).until(() -> gateway.reads().totalCredit(mst).compareTo(new BigDecimal(500_000)) == 0);
		assertThat(gateway.jdbc().sql("SELECT amount - reduced FROM payment.obligation WHERE item_id = ?")
			.param(provisional)
			.query(BigDecimal.class)
			.single()).as("superseded").isZero();
		assertThat(gateway.jdbc().sql("""
				SELECT value_date FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(quarterly)
			.query(LocalDate.class)
			.single()).as("paid when the bank paid it").isEqualTo(LocalDate.of(2026, 5, 11));
		assertThat(gateway.jdbc().sql("SELECT reduction_dates::text FROM payment.interest_basis_v1 WHERE payable_item_id = ?")
			.param(quarterly)
			.query(String.class)
			.single()).isEqualTo("{2026-05-11}");
	}

	private static String awaitProvisional(String mst, String period) {
		await().atMost(TIMEOUT)
			.until(() -> gateway.jdbc()
				.sql("SELECT count(*) FROM payment.obligation WHERE mst = ? AND tax_period = ? AND item_id LIKE 'TAMNOP-%'")
				.params(mst, period)
				.query(Long.class)
				.single() == 1);
		return gateway.jdbc()
			.sql("SELECT item_id FROM payment.obligation WHERE mst = ? AND tax_period = ? AND item_id LIKE 'TAMNOP-%'")
			.params(mst, period)
			.query(String.class)
			.single();
	}

}
