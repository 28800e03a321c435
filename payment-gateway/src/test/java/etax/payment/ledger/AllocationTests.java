package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.payment.ledger.Allocation.PaymentLine;
import etax.payment.reference.ReferenceData.ItemClass;
import org.junit.jupiter.api.Test;

import org.springframework.dao.ConcurrencyFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AllocationTests {

	private static final String MST = "0313829148";

	private static final LocalDate TODAY = LocalDate.of(2026, 4, 20);

	@Test
	void paysTheNamedItemFirstThenArrearsThenCurrentAndCreditsTheRest() {
		Obligation current = item("current", "1701", 3_000, "2026-05-04", 1);
		Obligation arrears = item("arrears", "1701", 2_000, "2026-01-20", 2);
		Obligation named = item("named", "1701", 1_000, "2026-07-20", 3);
		Allocation allocation = new Allocation(List.of(current, arrears, named), List.of(), AllocationTests::order, TODAY);

		allocation.pay(line("named", 7_000));

		assertThat(allocation.item("named").outstanding()).isZero();
		assertThat(allocation.item("arrears").outstanding()).isZero();
		assertThat(allocation.item("current").outstanding()).isZero();
		assertThat(allocation.newCredits()).singleElement()
			.satisfies((credit) -> assertThat(credit.remaining()).isEqualByComparingTo("1000"));
		assertThat(allocation.entries()).extracting(LedgerEntry::type)
			.containsExactly(LedgerEntry.Type.PAYMENT_APPLIED, LedgerEntry.Type.PAYMENT_APPLIED,
					LedgerEntry.Type.PAYMENT_APPLIED, LedgerEntry.Type.PAYMENT_CREDITED);
		assertThat(allocation.entries()).extracting(LedgerEntry::itemId)
			.containsExactly("named", "arrears", "current", null);
	}

	@Test
	void ordersByTheConfiguredRanks() {
		Obligation interest = new Obligation("interest", Obligation.Kind.INTEREST, MST, "754", "1701", "00/Q1/2026",
				new BigDecimal(500), LocalDate.of(2026, 5, 20), new BigDecimal(500), UUID.randomUUID(), "h", "x",
				LocalDate.of(2026, 5, 20), 1);
		Obligation arrears = item("arrears", "1701", 500, "2026-01-20", 2);
		Map<ItemClass, Integer> interestFirst = new EnumMap<>(Map.of(ItemClass.INTEREST, 1, ItemClass.ARREARS, 2,
				ItemClass.CURRENT, 3, ItemClass.PENALTY, 4));
		Allocation allocation = new Allocation(List.of(arrears, interest), List.of(), (day) -> interestFirst, TODAY);

		allocation.pay(line(null, 500));

		assertThat(allocation.item("interest").outstanding()).isZero();
		assertThat(allocation.item("arrears").outstanding()).isEqualByComparingTo("500");
	}

	@Test
	void paysAnOlderItemBeforeOneBookedInTheSameTransactionWithTheSameClassAndDueDate() {
		// stored long ago (sequence 7), and an id that sorts last: only the booking order puts it first
		Obligation older = item("zz-older", "1701", 1_000, "2026-05-04", 7);
		Allocation allocation = new Allocation(List.of(older), List.of(), AllocationTests::order, TODAY);
		allocation.book(item("aa-newer", "1701", 1_000, "2026-05-04", 0));

		allocation.pay(line(null, 1_000));

		assertThat(allocation.item("zz-older").outstanding()).as("booked first, paid first").isZero();
		assertThat(allocation.item("aa-newer").outstanding()).isEqualByComparingTo("1000");
	}

	@Test
	void keepsAPaymentForAnUnknownItemAndAppliesItWhenTheItemIsBooked() {
		Allocation allocation = new Allocation(List.of(), List.of(), AllocationTests::order, TODAY);

		allocation.pay(line("later", 1_500));
		allocation.book(item("later", "1701", 1_000, "2026-05-04", 0));

		assertThat(allocation.item("later").outstanding()).isZero();
		assertThat(allocation.newCredits()).singleElement().satisfies((credit) -> {
			assertThat(credit.remaining()).isEqualByComparingTo("500");
			assertThat(credit.namedItemId()).as("what is left is an ordinary credit").isNull();
		});
	}

	@Test
	void keepsAPaymentNamingAnotherTaxpayersItemWaitingAndNeverOffsetsIt() {
		String other = "3500779171";
		Obligation theirs = new Obligation("theirs", Obligation.Kind.TAX, other, "754", "1701", "00/Q1/2026",
				new BigDecimal(5_000), LocalDate.parse("2026-05-04"), new BigDecimal(5_000), UUID.randomUUID(), "h", null,
				null, 1);
		Obligation own = item("own", "1701", 2_000, "2026-01-20", 2);
		Allocation allocation = new Allocation(List.of(theirs, own), List.of(), AllocationTests::order, TODAY);

		allocation.pay(line("theirs", 1_500));
		allocation.book(item("next", "1701", 3_000, "2026-07-20", 0));

		assertThat(allocation.item("theirs").outstanding()).as("not the payer's to pay").isEqualByComparingTo("5000");
		assertThat(allocation.item("own").outstanding()).as("not offset").isEqualByComparingTo("2000");
		assertThat(allocation.item("next").outstanding()).as("nor taken by the next item").isEqualByComparingTo("3000");
		assertThat(allocation.newCredits()).singleElement().satisfies((credit) -> {
			assertThat(credit.mst()).isEqualTo(MST);
			assertThat(credit.namedItemId()).isEqualTo("theirs");
			assertThat(credit.remaining()).isEqualByComparingTo("1500");
		});
	}

	@Test
	void reversesAPaymentAndLetsOtherCreditsPayWhatReopens() {
		Allocation first = new Allocation(List.of(item("a", "1701", 1_000, "2026-05-04", 1)), List.of(),
				AllocationTests::order, TODAY);
		first.pay(line(null, 1_000));
		List<LedgerEntry> paid = first.entries();
		Credit other = new Credit(UUID.randomUUID(), MST, "1701", null, UUID.randomUUID(), "b:2", new BigDecimal(400),
				new BigDecimal(400), TODAY, 5);

		Allocation reversal = new Allocation(List.of(first.item("a")), List.of(other), AllocationTests::order, TODAY);
		reversal.reverse("b:1", MST, paid, TODAY);

		assertThat(reversal.item("a").outstanding()).isEqualByComparingTo("600");
		assertThat(reversal.changedCredits()).singleElement()
			.satisfies((credit) -> assertThat(credit.remaining()).isZero());
		assertThat(reversal.entries()).extracting(LedgerEntry::type)
			.containsExactly(LedgerEntry.Type.REVERSAL, LedgerEntry.Type.CREDIT_APPLIED);
		assertThat(reversal.entries().get(0).reverses()).isEqualTo(paid.get(0).entryId());
	}

	@Test
	void aReversalOfAnotherPayersPaymentTakesNothingBack() {
		Allocation first = new Allocation(List.of(item("a", "1701", 1_000, "2026-05-04", 1)), List.of(),
				AllocationTests::order, TODAY);
		first.pay(line(null, 1_000));

		Allocation reversal = new Allocation(List.of(first.item("a")), List.of(), AllocationTests::order, TODAY);
		assertThatExceptionOfType(ConcurrencyFailureException.class)
			.isThrownBy(() -> reversal.reverse("b:1", "3500779171", first.entries(), TODAY));

		assertThat(reversal.entries()).isEmpty();
		assertThat(reversal.item("a").outstanding()).isZero();
	}

	@Test
	void appliesACreditAsPaidOnTheDayItsMoneyWasPaid() {
		LocalDate paid = LocalDate.of(2026, 3, 2);
		Credit prepaid = new Credit(UUID.randomUUID(), MST, "1701", null, UUID.randomUUID(), "b:3", new BigDecimal(900),
				new BigDecimal(900), paid, 7);
		Allocation allocation = new Allocation(List.of(), List.of(prepaid), AllocationTests::order, TODAY);

		allocation.book(item("later", "1701", 1_000, "2026-05-04", 0));

		assertThat(allocation.item("later").outstanding()).isEqualByComparingTo("100");
		assertThat(allocation.entries()).filteredOn((e) -> e.type() == LedgerEntry.Type.CREDIT_APPLIED)
			.singleElement()
			.satisfies((e) -> assertThat(e.valueDate()).as("not the day it was applied").isEqualTo(paid));
	}

	@Test
	void takesADecreaseOffWhatIsOwedFirst() {
		Obligation owed = item("owed", "1701", 22_000, "2026-05-04", 1);
		Allocation allocation = new Allocation(List.of(owed), List.of(), AllocationTests::order, TODAY);

		assertThat(allocation.reduce(reduction(12_000))).isTrue();

		assertThat(allocation.item("owed").outstanding()).isEqualByComparingTo("10000");
		assertThat(allocation.item("owed").inForce()).isEqualByComparingTo("10000");
		assertThat(allocation.newCredits()).isEmpty();
		assertThat(allocation.entries()).singleElement().satisfies((e) -> {
			assertThat(e.type()).isEqualTo(LedgerEntry.Type.OBLIGATION_REDUCED);
			assertThat(e.debit().kind()).isEqualTo(Account.Kind.BUDGET_REVENUE);
			assertThat(e.credit()).isEqualTo(owed.account());
			assertThat(e.reductionId()).isEqualTo("minus");
		});
	}

	@Test
	void movesWhatWasPaidBeyondTheNewTotalToACreditDatedWithItsPaymentAndOffsetsIt() {
		Obligation paidOff = item("paid", "1701", 22_000, "2026-05-04", 1).withOutstanding(BigDecimal.ZERO);
		Obligation next = new Obligation("next", Obligation.Kind.TAX, MST, "754", "1701", "00/Q2/2026",
				new BigDecimal(5_000), LocalDate.of(2026, 7, 31), new BigDecimal(5_000), UUID.randomUUID(), "h", null,
				null, 2);
		LocalDate early = LocalDate.of(2026, 5, 10);
		LocalDate late = LocalDate.of(2026, 5, 20);
		UUID earlyLine = UUID.randomUUID();
		UUID lateLine = UUID.randomUUID();
		Allocation allocation = new Allocation(List.of(paidOff, next), List.of(),
				List.of(new Allocation.Paid("paid", "b:1", earlyLine, early, new BigDecimal(15_000)),
						new Allocation.Paid("paid", "b:2", lateLine, late, new BigDecimal(7_000))),
				AllocationTests::order, TODAY);

		assertThat(allocation.reduce(reduction(12_000))).isTrue();

		assertThat(allocation.item("paid").outstanding()).isZero();
		assertThat(allocation.item("paid").reduced()).isEqualByComparingTo("12000");
		assertThat(allocation.entries()).filteredOn((e) -> e.type() == LedgerEntry.Type.OVERPAYMENT_CREDITED)
			.extracting(LedgerEntry::postingId, LedgerEntry::valueDate, (e) -> e.amount().intValue())
			.as("the latest payment first, each with its own date")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(lateLine, late, 7_000),
					org.assertj.core.groups.Tuple.tuple(earlyLine, early, 5_000));
		assertThat(allocation.item("next").outstanding()).as("offset against the next item").isZero();
		assertThat(allocation.entries()).filteredOn((e) -> e.type() == LedgerEntry.Type.CREDIT_APPLIED)
			.extracting(LedgerEntry::valueDate)
			.containsExactly(late);
		assertThat(allocation.newCredits()).extracting((c) -> c.remaining().intValue()).containsExactlyInAnyOrder(2_000, 5_000);
	}

	@Test
	void movesWhatOneLinePaidOnSeveralItemsToOneCredit() {
		Obligation first = item("first", "1701", 10_000, "2026-05-04", 1).withOutstanding(BigDecimal.ZERO);
		Obligation second = item("second", "1701", 10_000, "2026-05-04", 2).withOutstanding(BigDecimal.ZERO);
		UUID line = UUID.randomUUID();
		LocalDate paidOn = LocalDate.of(2026, 5, 4);
		Allocation allocation = new Allocation(List.of(first, second), List.of(),
				List.of(new Allocation.Paid("first", "b:1", line, paidOn, new BigDecimal(10_000)),
						new Allocation.Paid("second", "b:1", line, paidOn, new BigDecimal(10_000))),
				AllocationTests::order, TODAY);

		assertThat(allocation.reduce(reduction(15_000))).isTrue();

		assertThat(allocation.newCredits()).singleElement().satisfies((credit) -> {
			assertThat(credit.postingId()).isEqualTo(line);
			assertThat(credit.paidOn()).isEqualTo(paidOn);
			assertThat(credit.amount()).isEqualByComparingTo("15000");
			assertThat(credit.remaining()).isEqualByComparingTo("15000");
		});
		assertThat(allocation.entries()).filteredOn((e) -> e.type() == LedgerEntry.Type.OVERPAYMENT_CREDITED)
			.extracting(LedgerEntry::itemId, (e) -> e.amount().intValue())
			.as("an entry per item, both into the one credit")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("second", 10_000),
					org.assertj.core.groups.Tuple.tuple("first", 5_000));
	}

	@Test
	void refusesADecreaseLargerThanWhatWasChargedAndChangesNothing() {
		Allocation allocation = new Allocation(List.of(item("owed", "1701", 10_000, "2026-05-04", 1)), List.of(),
				AllocationTests::order, TODAY);

		assertThat(allocation.reduce(reduction(12_000))).isFalse();

		assertThat(allocation.entries()).isEmpty();
		assertThat(allocation.item("owed").outstanding()).isEqualByComparingTo("10000");
	}

	private static Reduction reduction(long amount) {
		return new Reduction("minus", MST, "754", "1701", "00/Q1/2026", new BigDecimal(amount), LocalDate.of(2026, 5, 4),
				UUID.randomUUID(), "h");
	}

	private static Map<ItemClass, Integer> order(LocalDate day) {
		return new EnumMap<>(Map.of(ItemClass.ARREARS, 1, ItemClass.INTEREST, 2, ItemClass.CURRENT, 3, ItemClass.PENALTY, 4));
	}

	private static Obligation item(String id, String subItem, long amount, String due, long seq) {
		return new Obligation(id, Obligation.Kind.TAX, MST, "754", subItem, "00/Q1/2026", new BigDecimal(amount),
				LocalDate.parse(due), new BigDecimal(amount), UUID.randomUUID(), "h", null, null, seq);
	}

	private static PaymentLine line(String named, long amount) {
		return new PaymentLine(MST, "754", "1701", "00/Q1/2026", new BigDecimal(amount), named, UUID.randomUUID(), "b:1",
				"0111", TODAY, null);
	}

}
