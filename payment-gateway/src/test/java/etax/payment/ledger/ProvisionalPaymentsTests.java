package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.payment.ledger.Allocation.PaymentLine;
import etax.payment.reference.ReferenceData.ItemClass;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Quarterly corporate income tax paid on account of the year's is booked as an obligation the payment declares,
 * paid at once, not as an overpayment (VN-ETAX §3.5 R-DL-4, ADR 0006 addendum).
 */
class ProvisionalPaymentsTests {

	private static final String MST = "0313829148";

	private static final LocalDate PAID = LocalDate.of(2026, 4, 28);

	private static final LocalDate TODAY = LocalDate.of(2026, 4, 28);

	@Test
	void aQuarterOfCorporateIncomeTaxNamingNoItemBooksItsOwnObligationPaidAtOnce() {
		Allocation allocation = allocation(List.of(), List.of());

		allocation.pay(line("1052", "00/Q1/2026", 40_000_000, null));
		allocation.offsetAcrossSubItems();

		assertThat(allocation.newCredits()).as("no overpayment").isEmpty();
		assertThat(allocation.newItems()).singleElement().satisfies((item) -> {
			assertThat(item.itemId()).startsWith(ProvisionalPayments.ID_PREFIX);
			assertThat(item.subItem()).isEqualTo("1052");
			assertThat(item.taxPeriod()).isEqualTo("00/Q1/2026");
			assertThat(item.amount()).isEqualByComparingTo("40000000");
			assertThat(item.outstanding()).isZero();
			assertThat(item.dueDate()).as("due as it is paid: no interest of its own").isEqualTo(PAID);
			assertThat(item.taxOffice()).isEqualTo("70129");
		});
		assertThat(allocation.entries()).extracting(LedgerEntry::type)
			.containsExactly(LedgerEntry.Type.OBLIGATION_BOOKED, LedgerEntry.Type.PAYMENT_APPLIED);
	}

	@Test
	void itIsNotOffsetAgainstTheTaxpayersArrearsOfOtherSubItems() {
		Obligation vat = item("vat", "1701", "00/Q4/2025", 10_000_000, "2026-01-30");
		Allocation allocation = allocation(List.of(vat), List.of());

		allocation.pay(line("1052", "00/Q1/2026", 40_000_000, null));
		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("vat").outstanding()).as("overdue VAT untouched").isEqualByComparingTo("10000000");
		assertThat(allocation.entries()).noneMatch(LedgerEntry::needsRecoding);
	}

	@Test
	void theYearsFinalizationIsNotPaidASecondTimeByTheQuartersPaidOnAccount() {
		Allocation quarter = allocation(List.of(), List.of());
		quarter.pay(line("1052", "00/Q1/2026", 40_000_000, null));
		Obligation provisional = quarter.newItems().get(0);

		// 03/TNDN: the year's tax less the provisional payments it declares (G) leaves I1 to pay
		Allocation finalization = allocation(List.of(provisional), List.of());
		finalization.book(item("i1", "1052", "00/CN/2026", 5_000_000, "2027-03-31"));
		finalization.offsetAcrossSubItems();

		assertThat(finalization.item("i1").outstanding()).isEqualByComparingTo("5000000");
		assertThat(finalization.item(provisional.itemId()).inForce()).isEqualByComparingTo("40000000");
	}

	@Test
	void theItemsOfTheSubItemTakeTheirShareFirstAndOnlyTheRestIsProvisional() {
		Obligation arrears = item("cit-2025", "1052", "00/CN/2025", 3_000_000, "2026-03-31");
		Allocation allocation = allocation(List.of(arrears), List.of());

		allocation.pay(line("1052", "00/Q1/2026", 40_000_000, null));

		assertThat(allocation.item("cit-2025").outstanding()).isZero();
		assertThat(allocation.newItems()).singleElement()
			.satisfies((item) -> assertThat(item.amount()).isEqualByComparingTo("37000000"));
	}

	@Test
	void aQuarterWithItsOwnReturnIsNoProvisionalPayment() {
		// a foreign supplier's quarterly return (01/NCCNN) declares CIT under 1052: paid in full already
		Obligation quarterly = item("q1", "1052", "00/Q1/2026", 1_000_000, "2026-04-30").withOutstanding(BigDecimal.ZERO);
		Allocation allocation = allocation(List.of(quarterly), List.of());

		allocation.pay(line("1052", "00/Q1/2026", 400_000, null));

		assertThat(allocation.newItems()).isEmpty();
		assertThat(allocation.newCredits()).singleElement()
			.satisfies((credit) -> assertThat(credit.amount()).isEqualByComparingTo("400000"));
	}

	@Test
	void neitherIsOtherTaxNorAYearNorALineNamingAnItem() {
		Allocation allocation = allocation(List.of(), List.of());

		allocation.pay(line("1701", "00/Q1/2026", 100, null));
		allocation.pay(line("1052", "00/CN/2026", 200, null));
		allocation.pay(line("1052", "00/Q1/2026", 300, "not-yet-booked"));

		assertThat(allocation.newItems()).isEmpty();
		assertThat(allocation.newCredits()).hasSize(3);
	}

	@Test
	void anItemOfTheQuarterBookedLaterTakesWhatWasPaidProvisionally() {
		Provisional quarter = provisional(1_500_000);
		Obligation provisional = quarter.item();
		Allocation.Paid paid = quarter.paid();

		Allocation later = new Allocation(List.of(provisional), List.of(), List.of(paid), ProvisionalPaymentsTests::order,
				TODAY.plusDays(3));
		later.book(item("q1", "1052", "00/Q1/2026", 1_000_000, "2026-04-30"));
		later.offsetAcrossSubItems();

		assertThat(later.item("q1").outstanding()).isZero();
		assertThat(later.item(provisional.itemId()).inForce()).as("superseded").isZero();
		assertThat(later.item(provisional.itemId()).outstanding()).isZero();
		assertThat(later.newCredits()).singleElement().satisfies((credit) -> {
			assertThat(credit.paidOn()).as("paid when the bank paid it").isEqualTo(PAID);
			assertThat(credit.remaining()).as("the rest stays the taxpayer's").isEqualByComparingTo("500000");
		});
		assertThat(later.entries()).filteredOn((e) -> e.type() == LedgerEntry.Type.CREDIT_APPLIED)
			.singleElement()
			.satisfies((e) -> assertThat(e.valueDate()).isEqualTo(PAID));
	}

	/**
	 * The money a superseded provisional payment frees was sent for the quarter's corporate income tax: the item that
	 * replaces it takes it before the taxpayer's overdue VAT, which a credit of no one's intent would pay first.
	 */
	@Test
	void theItemThatReplacesAProvisionalPaymentTakesItsMoneyBeforeArrearsOfOtherTaxes() {
		Provisional quarter = provisional(2_000_000);
		Obligation provisional = quarter.item();
		Allocation.Paid paid = quarter.paid();
		Obligation vat = item("vat", "1701", "00/Q4/2025", 1_000_000, "2026-01-30");

		Allocation later = new Allocation(List.of(provisional, vat), List.of(), List.of(paid),
				ProvisionalPaymentsTests::order, TODAY.plusDays(3));
		later.book(item("q1", "1052", "00/Q1/2026", 2_000_000, "2026-07-30"));
		later.offsetAcrossSubItems();

		assertThat(later.item("q1").outstanding()).as("paid in full by the money sent for it").isZero();
		assertThat(later.item("vat").outstanding()).isEqualByComparingTo("1000000");
		assertThat(later.entries()).noneMatch(LedgerEntry::needsRecoding);
	}

	/**
	 * What the item leaves of the freed money goes to the taxpayer's arrears of other taxes before the sub-item's next
	 * quarter, not yet due (§5.7): it paid that quarter ahead of the overdue VAT, which went on accruing interest.
	 */
	@Test
	void theFreedMoneyTheItemLeavesPaysOtherArrearsBeforeTheSubItemsNextQuarter() {
		Provisional quarter = provisional(2_000_000);
		Obligation provisional = quarter.item();
		Allocation.Paid paid = quarter.paid();
		Obligation vat = item("vat", "1701", "00/Q4/2025", 1_000_000, "2026-01-30");
		Obligation nextQuarter = item("q2", "1052", "00/Q2/2026", 1_000_000, "2026-07-30");

		Allocation later = new Allocation(List.of(provisional, vat, nextQuarter), List.of(), List.of(paid),
				ProvisionalPaymentsTests::order, TODAY.plusDays(3));
		later.book(item("q1", "1052", "00/Q1/2026", 1_000_000, "2026-04-30"));
		later.offsetAcrossSubItems();

		assertThat(later.item("q1").outstanding()).isZero();
		assertThat(later.item("vat").outstanding()).as("the overdue VAT before the next quarter").isZero();
		assertThat(later.item("q2").outstanding()).isEqualByComparingTo("1000000");
	}

	/**
	 * A later payment that named the item, waiting for it, pays it: the payer designated it. The freed provisional
	 * money, sent for the tax but no item, is what is left; it paid the item first, and the designated payment, left
	 * over, was re-coded to another tax's arrears.
	 */
	@Test
	void aPaymentThatNamedTheItemPaysItBeforeTheFreedMoney() {
		Provisional quarter = provisional(1_000_000);
		Obligation provisional = quarter.item();
		Allocation.Paid paid = quarter.paid();
		Obligation vat = item("vat", "1701", "00/Q4/2025", 1_000_000, "2026-01-30");
		Allocation waiting = new Allocation(List.of(provisional, vat), List.of(), List.of(paid),
				ProvisionalPaymentsTests::order, TODAY.plusDays(1));
		waiting.pay(new PaymentLine(MST, "754", "1052", "00/Q1/2026", new BigDecimal(1_000_000), "q1",
				UUID.randomUUID(), "b:2", "0111", PAID.plusDays(1), "70129"));
		Credit named = waiting.newCredits().get(0);

		Allocation later = new Allocation(List.of(provisional, vat), List.of(named), List.of(paid),
				ProvisionalPaymentsTests::order, TODAY.plusDays(3));
		later.book(item("q1", "1052", "00/Q1/2026", 1_000_000, "2026-04-30"));
		later.offsetAcrossSubItems();

		assertThat(later.item("q1").outstanding()).isZero();
		assertThat(later.item("vat").outstanding()).isZero();
		assertThat(later.entries()).filteredOn((e) -> e.type() == LedgerEntry.Type.CREDIT_APPLIED)
			.extracting(LedgerEntry::itemId, LedgerEntry::paymentKey)
			.as("the named payment pays the item; the freed money, left over, the arrears")
			.containsExactlyInAnyOrder(tuple("q1", "b:2"), tuple("vat", "b:1"));
	}

	@Test
	void takenBackAProvisionalPaymentOwesNothing() {
		Allocation quarter = allocation(List.of(), List.of());
		quarter.pay(line("1052", "00/Q1/2026", 2_000_000, null));
		Obligation provisional = quarter.newItems().get(0);
		List<LedgerEntry> stored = quarter.entries()
			.stream()
			.filter((e) -> e.type() == LedgerEntry.Type.PAYMENT_APPLIED)
			.toList();

		Allocation reversal = allocation(List.of(provisional), List.of());
		reversal.reverse("b:1", MST, stored, PAID.plusDays(1));

		assertThat(reversal.item(provisional.itemId()).outstanding()).isZero();
		assertThat(reversal.item(provisional.itemId()).inForce()).isZero();
		assertThat(reversal.entries()).extracting(LedgerEntry::type)
			.containsExactly(LedgerEntry.Type.REVERSAL, LedgerEntry.Type.OBLIGATION_REDUCED);
	}

	/** Quarter 1's corporate income tax paid on account, {@code amount} VND, payment {@code b:1}. */
	private static Provisional provisional(long amount) {
		Allocation quarter = allocation(List.of(), List.of());
		quarter.pay(line("1052", "00/Q1/2026", amount, null));
		Obligation item = quarter.newItems().get(0);
		return new Provisional(item,
				new Allocation.Paid(item.itemId(), "b:1", UUID.randomUUID(), PAID, new BigDecimal(amount)));
	}

	private record Provisional(Obligation item, Allocation.Paid paid) {

	}

	private static Allocation allocation(List<Obligation> items, List<Credit> credits) {
		return new Allocation(items, credits, ProvisionalPaymentsTests::order, TODAY);
	}

	private static Map<ItemClass, Integer> order(LocalDate day) {
		return new EnumMap<>(Map.of(ItemClass.ARREARS, 1, ItemClass.INTEREST, 2, ItemClass.CURRENT, 3, ItemClass.PENALTY, 4));
	}

	private static Obligation item(String id, String subItem, String period, long amount, String due) {
		return new Obligation(id, Obligation.Kind.TAX, MST, "754", subItem, period, new BigDecimal(amount),
				LocalDate.parse(due), new BigDecimal(amount), UUID.randomUUID(), "h", null, null, 1);
	}

	private static PaymentLine line(String subItem, String period, long amount, @Nullable String named) {
		return new PaymentLine(MST, "754", subItem, period, new BigDecimal(amount), named, UUID.randomUUID(), "b:1",
				"0111", PAID, "70129");
	}

}
