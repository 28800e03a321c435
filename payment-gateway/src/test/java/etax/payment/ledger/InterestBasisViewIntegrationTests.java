package etax.payment.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The published view {@code payment.interest_basis_v1} (docs/adr/0011-interest-assessment.md) over real
 * bookings: its columns are the contract batch-processor reads, its reductions carry the bank-confirmed
 * payment date, a credit applied later (a prepayment, an overpayment offset) counts from its own payment
 * date, reversed payments are no reductions; the interest assessed on them is booked once per item and
 * day. Taxpayers 8101–8106.
 */
@GatewayIntegrationTest
class InterestBasisViewIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void hasTheColumnsOfTheContract() {
		assertThat(gateway.jdbc().sql("""
				SELECT column_name || ' ' || data_type FROM information_schema.columns
				WHERE table_schema = 'payment' AND table_name = 'interest_basis_v1' ORDER BY ordinal_position""")
			.query(String.class)
			.list()).containsExactly("payable_item_id text", "mst text", "chapter text", "sub_item text",
					"tax_period text", "amount numeric", "due_date date", "outstanding numeric",
					"reduction_dates ARRAY", "reduction_amounts ARRAY", "changed_at timestamp with time zone");
	}

	@Test
	void datesEachPartialPaymentByTheDayTheBankConfirmedIt() {
		String mst = DevBanks.mst(8101);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, 22_000_000, "2026-05-04");
		gateway.pay(mst, "IBV2026051000000001", "2026-05-10", List.of(Line.naming(item, "1701", 4_000_000)));
		gateway.pay(mst, "IBV2026052000000001", "2026-05-20", List.of(Line.naming(item, "1701", 18_000_000)));

		await().atMost(TIMEOUT).until(() -> basis(item) != null && basis(item).outstanding().signum() == 0);
		Basis basis = basis(item);
		assertThat(basis.mst()).isEqualTo(mst);
		assertThat(basis.subItem()).isEqualTo("1701");
		assertThat(basis.amount()).isEqualByComparingTo("22000000");
		assertThat(basis.dueDate()).isEqualTo(LocalDate.of(2026, 5, 4));
		assertThat(basis.reductionDates()).containsExactly(LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 20));
		assertThat(basis.reductionAmounts()).containsExactly(new BigDecimal("4000000"), new BigDecimal("18000000"));
	}

	@Test
	void aPaymentThatWaitedForItsItemCountsFromItsOwnDate() {
		String mst = DevBanks.mst(8102);
		String item = UUID.randomUUID().toString();
		gateway.pay(mst, "IBV2026050600000002", "2026-05-06", List.of(Line.naming(item, "1701", 5_000_000)));
		await().atMost(TIMEOUT)
			.until(() -> gateway.jdbc().sql("SELECT count(*) FROM payment.credit WHERE named_item_id = ?")
				.param(item)
				.query(Long.class)
				.single() == 1);
		gateway.publishItem(mst, item, 5_000_000, "2026-05-04");

		await().atMost(TIMEOUT).until(() -> basis(item) != null && basis(item).outstanding().signum() == 0);
		assertThat(basis(item).reductionDates()).containsExactly(LocalDate.of(2026, 5, 6));
	}

	@Test
	void aPrepaymentThatNamedNoItemCountsFromItsOwnDateWhenItIsOffsetLater() {
		String mst = DevBanks.mst(8105);
		String item = UUID.randomUUID().toString();
		gateway.pay(mst, "IBV2026102000000005", "2026-10-20", List.of(Line.of("1701", 22_000_000)));
		await().atMost(TIMEOUT).until(() -> credit(mst).compareTo(new BigDecimal(22_000_000)) == 0);
		gateway.publishItem(mst, item, 22_000_000, "2026-11-02");

		await().atMost(TIMEOUT).until(() -> basis(item) != null && basis(item).outstanding().signum() == 0);
		assertThat(basis(item).reductionDates()).as("paid before the due date: no interest at all")
			.containsExactly(LocalDate.of(2026, 10, 20));
		assertThat(gateway.jdbc().sql("""
				SELECT value_date FROM payment.ledger_line WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED'
				    AND side = 'C'""")
			.param(item)
			.query(LocalDate.class)
			.single()).as("the offset is dated with the credit's payment").isEqualTo(LocalDate.of(2026, 10, 20));
	}

	@Test
	void anOverpaymentOffsetAgainstTheNextItemCountsFromItsOwnDate() {
		String mst = DevBanks.mst(8106);
		String first = UUID.randomUUID().toString();
		String next = UUID.randomUUID().toString();
		gateway.publishItem(mst, first, 5_000_000, "2026-05-04");
		await().atMost(TIMEOUT).until(() -> basis(first) != null);
		gateway.pay(mst, "IBV2026042500000006", "2026-04-25", List.of(Line.naming(first, "1701", 13_000_000)));
		await().atMost(TIMEOUT).until(() -> credit(mst).compareTo(new BigDecimal(8_000_000)) == 0);
		gateway.publishItem(mst, next, 5_000_000, "2026-07-31");

		await().atMost(TIMEOUT).until(() -> basis(next) != null && basis(next).outstanding().signum() == 0);
		assertThat(basis(next).reductionDates()).containsExactly(LocalDate.of(2026, 4, 25));
		assertThat(basis(next).reductionAmounts()).containsExactly(new BigDecimal("5000000"));
		assertThat(credit(mst)).isEqualByComparingTo("3000000");
	}

	@Test
	void aReversedPaymentIsNoReduction() {
		String mst = DevBanks.mst(8103);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, 3_000_000, "2026-05-04");
		String paid = gateway.pay(mst, "IBV2026051200000003", "2026-05-12", List.of(Line.naming(item, "1701", 3_000_000)));
		await().atMost(TIMEOUT).until(() -> basis(item) != null && basis(item).outstanding().signum() == 0);

		String reversal = paid.replace("IBV2026051200000003", "IBV2026051500000003")
			.replace("\"status\":\"DEBITED\"", "\"status\":\"REVERSED\",\"reversalOf\":\"IBV2026051200000003\"");
		gateway.publishSigned(mst, reversal);

		await().atMost(TIMEOUT).until(() -> basis(item).outstanding().compareTo(new BigDecimal(3_000_000)) == 0);
		assertThat(basis(item).reductionDates()).isEmpty();
		assertThat(basis(item).reductionAmounts()).isEmpty();
	}

	@Test
	void booksEachDaysInterestOnceAndKeepsItOutOfTheView() {
		String mst = DevBanks.mst(8104);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, 1_000_000, "2026-05-04");
		for (String day : List.of("2026-05-05", "2026-05-06", "2026-05-07")) {
			String assessed = """
					{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-05-08T01:00:00Z",\
					"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
					"amount":300,"assessedFor":"%s","dueDate":"%s"}""".formatted(
					UUID.nameUUIDFromBytes((item + day).getBytes(StandardCharsets.UTF_8)), item, mst, day, day);
			gateway.publish("etax.assessments.v1", mst, assessed, Map.of());
			if (!day.equals("2026-05-07")) {
				// delivered again, as the outbox relay may; the last day, once, comes after on the same partition
				gateway.publish("etax.assessments.v1", mst, assessed, Map.of());
			}
		}
		await().atMost(TIMEOUT).until(() -> interestDays(item).size() == 3);

		assertThat(interestDays(item)).as("one obligation per day, under the interest sub-item")
			.containsExactly("2026-05-05 4931 300", "2026-05-06 4931 300", "2026-05-07 4931 300");
		assertThat(gateway.jdbc().sql("SELECT payable_item_id FROM payment.interest_basis_v1 WHERE mst = ?")
			.param(mst)
			.query(String.class)
			.list()).as("interest is no basis of interest").containsExactly(item);
		assertThat(basis(item).changedAt()).isNotNull();
	}

	private BigDecimal credit(String mst) {
		return gateway.jdbc().sql("SELECT coalesce(sum(remaining), 0) FROM payment.credit WHERE mst = ?")
			.param(mst)
			.query(BigDecimal.class)
			.single();
	}

	private List<String> interestDays(String item) {
		return gateway.jdbc().sql("""
				SELECT assessed_for || ' ' || sub_item || ' ' || amount FROM payment.obligation
				WHERE kind = 'INTEREST' AND base_item_id = ? ORDER BY assessed_for""").param(item).query(String.class).list();
	}

	private Basis basis(String item) {
		return gateway.jdbc().sql("""
				SELECT mst, sub_item, amount, due_date, outstanding, reduction_dates, reduction_amounts, changed_at
				FROM payment.interest_basis_v1 WHERE payable_item_id = ?""")
			.param(item)
			.query((row, n) -> new Basis(row.getString(1), row.getString(2), row.getBigDecimal(3),
					row.getObject(4, LocalDate.class), row.getBigDecimal(5), dates(row.getArray(6)),
					amounts(row.getArray(7)), row.getObject(8, OffsetDateTime.class)))
			.optional()
			.orElse(null);
	}

	private static List<LocalDate> dates(Array array) throws SQLException {
		return Arrays.stream((Date[]) array.getArray()).map(Date::toLocalDate).toList();
	}

	private static List<BigDecimal> amounts(Array array) throws SQLException {
		return Arrays.asList((BigDecimal[]) array.getArray());
	}

	private record Basis(String mst, String subItem, BigDecimal amount, LocalDate dueDate, BigDecimal outstanding,
			List<LocalDate> reductionDates, List<BigDecimal> reductionAmounts, OffsetDateTime changedAt) {
	}
}
