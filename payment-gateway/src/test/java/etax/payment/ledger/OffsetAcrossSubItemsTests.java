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

/**
 * What is left of a general credit after the offset within its sub-item goes to the same taxpayer's due items of
 * other sub-items, in the allocation order (VN-ETAX §5.7, ADR 0006 addendum).
 */
class OffsetAcrossSubItemsTests {

	private static final String MST = "0313829148";

	private static final String OTHER = "3500779171";

	private static final LocalDate TODAY = LocalDate.of(2026, 4, 20);

	private static final LocalDate PAID = LocalDate.of(2026, 3, 2);

	@Test
	void aVatOverpaymentPaysDueInterestOldestFirstAsPaidOnItsOwnDay() {
		Obligation later = interest("later", 600, "2026-04-10", 2);
		Obligation earlier = interest("earlier", 600, "2026-04-05", 3);
		Allocation allocation = new Allocation(List.of(later, earlier), List.of(credit(MST, "1701", 1_000, null)),
				OffsetAcrossSubItemsTests::order, TODAY);

		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("earlier").outstanding()).isZero();
		assertThat(allocation.item("later").outstanding()).isEqualByComparingTo("200");
		assertThat(allocation.changedCredits()).singleElement()
			.satisfies((credit) -> assertThat(credit.remaining()).isZero());
		assertThat(allocation.entries()).extracting(LedgerEntry::itemId).containsExactly("earlier", "later");
		assertThat(allocation.entries()).allSatisfy((e) -> {
			assertThat(e.type()).isEqualTo(LedgerEntry.Type.CREDIT_APPLIED);
			assertThat(e.valueDate()).as("the day the credit's money was paid").isEqualTo(PAID);
			assertThat(e.debit()).isEqualTo(Account.credit(MST, "1701"));
			assertThat(e.credit().subItem()).isEqualTo("4931");
			assertThat(e.needsRecoding()).as("the treasury re-codes it").isTrue();
		});
	}

	@Test
	void followsTheConfiguredOrderAcrossSubItems() {
		Obligation arrears = item("cit", "1052", 500, "2026-03-31", 1);
		Obligation interest = interest("interest", 800, "2026-03-01", 2);
		Allocation byDefault = new Allocation(List.of(interest, arrears), List.of(credit(MST, "1701", 1_000, null)),
				OffsetAcrossSubItemsTests::order, TODAY);

		byDefault.offsetAcrossSubItems();

		assertThat(byDefault.item("cit").outstanding()).as("arrears before interest").isZero();
		assertThat(byDefault.item("interest").outstanding()).isEqualByComparingTo("300");

		Map<ItemClass, Integer> interestFirst = new EnumMap<>(Map.of(ItemClass.INTEREST, 1, ItemClass.ARREARS, 2,
				ItemClass.CURRENT, 3, ItemClass.PENALTY, 4));
		Allocation reordered = new Allocation(List.of(interest, arrears), List.of(credit(MST, "1701", 1_000, null)),
				(day) -> interestFirst, TODAY);

		reordered.offsetAcrossSubItems();

		assertThat(reordered.item("interest").outstanding()).isZero();
		assertThat(reordered.item("cit").outstanding()).isEqualByComparingTo("300");
	}

	@Test
	void paysArrearsAndInterestOfAnySubItemBeforeTheNextPayableAmountOfItsOwn() {
		Obligation own = item("own", "1701", 700, "2026-05-04", 1);
		Obligation interest = interest("interest", 500, "2026-04-01", 2);
		Allocation allocation = new Allocation(List.of(interest, own), List.of(credit(MST, "1701", 1_000, null)),
				OffsetAcrossSubItemsTests::order, TODAY);

		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("interest").outstanding()).as("due: first (VN-ETAX §5.7)").isZero();
		assertThat(allocation.item("own").outstanding()).as("not due yet: what is left").isEqualByComparingTo("200");
		assertThat(allocation.entries()).extracting(LedgerEntry::needsRecoding).containsExactly(true, false);
	}

	@Test
	void aNewItemNotDueYetDoesNotTakeTheCreditBeforeArrearsAndInterestOfAnotherSubItem() {
		Obligation interest = interest("interest", 500, "2026-04-01", 1);
		Allocation allocation = new Allocation(List.of(interest), List.of(credit(MST, "1701", 1_000, null)),
				OffsetAcrossSubItemsTests::order, TODAY);

		allocation.book(item("next", "1701", 700, "2026-07-20", 0));
		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("interest").outstanding()).isZero();
		assertThat(allocation.item("next").outstanding()).isEqualByComparingTo("200");
	}

	@Test
	void leavesItemsOfOtherSubItemsThatAreNotDueYet() {
		Obligation current = item("cit", "1052", 700, "2026-05-04", 1);
		Obligation dueToday = item("pit", "1001", 300, TODAY.toString(), 2);
		Credit credit = credit(MST, "1701", 1_000, null);
		Allocation allocation = new Allocation(List.of(current, dueToday), List.of(credit), OffsetAcrossSubItemsTests::order,
				TODAY);

		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("cit").outstanding()).isEqualByComparingTo("700");
		assertThat(allocation.item("pit").outstanding()).as("due today, not passed").isEqualByComparingTo("300");
		assertThat(allocation.entries()).isEmpty();
		assertThat(allocation.changedCredits()).isEmpty();
	}

	@Test
	void neverOffsetsACreditThatNamesAnItem() {
		Obligation theirs = new Obligation("theirs", Obligation.Kind.TAX, OTHER, "754", "1701", "00/Q1/2026",
				new BigDecimal(5_000), LocalDate.parse("2026-05-04"), new BigDecimal(5_000), UUID.randomUUID(), "h", null,
				null, 1);
		Obligation interest = interest("interest", 500, "2026-04-01", 2);
		Credit waiting = credit(MST, "1701", 1_000, "not-booked-yet");
		Credit held = credit(MST, "1701", 800, "theirs");
		Allocation allocation = new Allocation(List.of(theirs, interest), List.of(waiting, held),
				OffsetAcrossSubItemsTests::order, TODAY);

		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("interest").outstanding()).isEqualByComparingTo("500");
		assertThat(allocation.item("theirs").outstanding()).isEqualByComparingTo("5000");
		assertThat(allocation.entries()).isEmpty();
	}

	@Test
	void neverPaysAnotherTaxpayersItems() {
		Obligation mine = interest("mine", 500, "2026-04-01", 1);
		Obligation theirs = new Obligation("theirs", Obligation.Kind.INTEREST, OTHER, "754", "4931", "00/Q1/2026",
				new BigDecimal(400), LocalDate.parse("2026-04-01"), new BigDecimal(400), UUID.randomUUID(), "h", "base",
				LocalDate.parse("2026-04-01"), 2);
		Allocation allocation = new Allocation(List.of(mine, theirs), List.of(credit(OTHER, "1701", 1_000, null)),
				OffsetAcrossSubItemsTests::order, TODAY);

		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("mine").outstanding()).as("another taxpayer's credit").isEqualByComparingTo("500");
		assertThat(allocation.item("theirs").outstanding()).as("its own taxpayer's").isZero();
	}

	@Test
	void linesOfOneTransactionPayTheirOwnSubItemsBeforeAnyOffset() {
		Obligation vat = item("vat", "1701", 1_000, "2026-04-20", 1);
		Obligation interest = interest("interest", 300, "2026-04-01", 2);
		Allocation allocation = new Allocation(List.of(vat, interest), List.of(), OffsetAcrossSubItemsTests::order, TODAY);

		allocation.pay(line("1701", 1_500));
		allocation.pay(line("4931", 300));
		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("interest").outstanding()).as("paid by its own line").isZero();
		assertThat(allocation.newCredits()).singleElement().satisfies((credit) -> {
			assertThat(credit.subItem()).isEqualTo("1701");
			assertThat(credit.remaining()).isEqualByComparingTo("500");
		});
		assertThat(allocation.entries()).noneMatch(LedgerEntry::needsRecoding);
	}

	@Test
	void aReversedOffsetMovesTheMoneyBackToItsSubItem() {
		Obligation interest = interest("interest", 500, "2026-04-01", 1);
		Allocation first = new Allocation(List.of(interest), List.of(), OffsetAcrossSubItemsTests::order, TODAY);
		first.pay(line("1701", 800));
		first.offsetAcrossSubItems();
		assertThat(first.item("interest").outstanding()).isZero();

		Allocation reversal = new Allocation(List.of(first.item("interest")), first.newCredits(),
				OffsetAcrossSubItemsTests::order, TODAY);
		reversal.reverse("b:1", MST, first.entries(), TODAY);
		reversal.offsetAcrossSubItems();

		assertThat(reversal.item("interest").outstanding()).isEqualByComparingTo("500");
		assertThat(reversal.entries()).filteredOn(LedgerEntry::needsRecoding).singleElement().satisfies((e) -> {
			assertThat(e.type()).isEqualTo(LedgerEntry.Type.REVERSAL);
			assertThat(e.debit().subItem()).as("the money leaves the interest").isEqualTo("4931");
			assertThat(e.credit()).isEqualTo(Account.credit(MST, "1701"));
		});
	}

	private static Map<ItemClass, Integer> order(LocalDate day) {
		return new EnumMap<>(Map.of(ItemClass.ARREARS, 1, ItemClass.INTEREST, 2, ItemClass.CURRENT, 3, ItemClass.PENALTY, 4));
	}

	@Test
	void moneyPaidMoreThanTenYearsAgoIsOffsetNoMore() {
		Obligation own = item("own", "1701", 700, "2026-04-01", 1);
		Obligation interest = interest("interest", 500, "2026-04-01", 2);
		Credit lastDay = new Credit(UUID.randomUUID(), MST, "1701", null, UUID.randomUUID(), "b:1", new BigDecimal(300),
				new BigDecimal(300), TODAY.minusYears(10), 3);
		Credit tooOld = new Credit(UUID.randomUUID(), MST, "1701", null, UUID.randomUUID(), "b:2", new BigDecimal(900),
				new BigDecimal(900), TODAY.minusYears(10).minusDays(1), 4);
		Allocation allocation = new Allocation(List.of(own, interest), List.of(lastDay, tooOld),
				OffsetAcrossSubItemsTests::order, TODAY);

		allocation.offsetAcrossSubItems();

		assertThat(allocation.item("own").outstanding()).as("paid ten years ago to the day: still offset")
			.isEqualByComparingTo("400");
		assertThat(allocation.item("interest").outstanding()).isEqualByComparingTo("500");
		assertThat(allocation.changedCredits()).singleElement()
			.satisfies((credit) -> assertThat(credit.creditId()).isEqualTo(lastDay.creditId()));
	}

	private static Credit credit(String mst, String subItem, long amount, @Nullable String named) {
		return new Credit(UUID.randomUUID(), mst, subItem, named, UUID.randomUUID(), "b:9", new BigDecimal(amount),
				new BigDecimal(amount), PAID, 5);
	}

	private static Obligation interest(String id, long amount, String day, long seq) {
		return new Obligation(id, Obligation.Kind.INTEREST, MST, "754", "4931", "00/Q1/2026", new BigDecimal(amount),
				LocalDate.parse(day), new BigDecimal(amount), UUID.randomUUID(), "h", "base", LocalDate.parse(day), seq);
	}

	private static Obligation item(String id, String subItem, long amount, String due, long seq) {
		return new Obligation(id, Obligation.Kind.TAX, MST, "754", subItem, "00/Q1/2026", new BigDecimal(amount),
				LocalDate.parse(due), new BigDecimal(amount), UUID.randomUUID(), "h", null, null, seq);
	}

	private static PaymentLine line(String subItem, long amount) {
		return new PaymentLine(MST, "754", subItem, "00/Q1/2026", new BigDecimal(amount), null, UUID.randomUUID(), "b:1",
				"0111", TODAY, null);
	}

}
