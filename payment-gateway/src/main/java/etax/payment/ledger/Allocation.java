package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import etax.ids.TimeOrderedIds;
import etax.payment.reference.ReferenceData.ItemClass;
import org.jspecify.annotations.Nullable;

/**
 * The allocation work of one transaction, in memory, on the state of the taxpayers it holds locks on:
 * their open obligations, the obligations payments name, and their credits (the credits loaded are of
 * taxpayers whose open obligations are all loaded, so that offsets see every item). Each step appends ledger
 * entries and changes outstanding amounts and credits; the caller stores what changed.
 *
 * <p>
 * The rules (VN-ETAX §5.7, docs/adr/0006-taxpayer-ledger.md): a payment line goes first to the payable
 * item it names (when that item is the payer's and of the line's sub-item); an item not known yet makes
 * the amount wait as a credit naming it, and so does an item of another taxpayer (until an officer acts:
 * it is never offset); what is not named goes to the payer's open items of the line's sub-item in the
 * allocation order; what is left is a general credit. A new obligation takes the credits of its taxpayer
 * waiting for it, then general credits of its sub-item (its items not due yet only when nothing of another
 * sub-item is due). At the end of the transaction general credits go first to the taxpayer's due items of any
 * sub-item (arrears and interest), only then to the items of their own sub-item not due yet, the next payable
 * amount ({@link #offsetAcrossSubItems}).
 * A credit applied counts as paid on the day its money was paid, not on the day it is applied (VN-ETAX §5.3,
 * §5.6). A supplement that lowered
 * tax reduces what the taxpayer was charged for the sub-item and period; what was paid beyond the new total
 * becomes a credit, offset like any overpayment; interest taken back reduces the interest booked on its
 * payable item the same way.
 *
 * <p>
 * This class is the entry point the ledger calls and the one state the steps share
 * ({@link AllocationState}); each concern is a class of its own: {@link LineAllocation} (a payment line),
 * {@link CreditOffsets} (credits waiting for an item, offsets), {@link ChargeReductions} (supplements and
 * interest taken back), {@link PaymentReversal} (a payment taken back), {@link HeldCreditDecisions} (an
 * officer's decision on a held credit), {@link CreditRequestMoves} (a taxpayer's request about its credit), all
 * ordering open items by {@link OpenItems}.
 */
final class Allocation {

	private final AllocationState state;

	private final CreditOffsets offsets;

	private final LineAllocation lines;

	private final ChargeReductions reductions;

	private final PaymentReversal reversal;

	private final HeldCreditDecisions held;

	private final CreditRequestMoves requests;

	Allocation(List<Obligation> items, List<Credit> credits, Function<LocalDate, Map<ItemClass, Integer>> order,
			LocalDate today) {
		this(items, credits, List.of(), order, today);
	}

	/**
	 * @param paid what is paid and still applied on the items a reduction may take off (every item of its
	 * taxpayer, sub-item and period), as stored
	 */
	Allocation(List<Obligation> items, List<Credit> credits, List<Paid> paid,
			Function<LocalDate, Map<ItemClass, Integer>> order, LocalDate today) {
		this.state = new AllocationState(items, credits, paid, today);
		OpenItems openItems = new OpenItems(this.state, order);
		this.offsets = new CreditOffsets(this.state, openItems);
		this.lines = new LineAllocation(this.state, openItems);
		this.reductions = new ChargeReductions(this.state, this.offsets);
		this.reversal = new PaymentReversal(this.state, this.offsets, this.reductions);
		this.held = new HeldCreditDecisions(this.state, this.offsets);
		this.requests = new CreditRequestMoves(this.state);
	}

	static String chargeKey(String mst, String subItem, String taxPeriod) {
		return mst + '\u001F' + subItem + '\u001F' + taxPeriod;
	}

	/**
	 * Allocates one line of a payment.
	 * @param line the line, in VND
	 */
	void pay(PaymentLine line) {
		this.lines.pay(line);
	}

	/**
	 * Books a new obligation and applies the credits waiting for it, then general credits. The credits that name it
	 * come first: the payer designated them (ADR 0006, VN-ETAX §5.7). The money it frees of the provisional payments it
	 * supersedes goes next to its own sub-item, the arrears there and then the new item: the payer sent it for that tax
	 * (ADR 0006, provisional payments); what is left goes on as any credit. Until 2026-12 the freed money came first,
	 * and the credit that named the item, left over, paid another tax.
	 */
	void book(Obligation item) {
		List<Obligation> provisional = ProvisionalPayments.supersededBy(item, this.state);
		this.state.book(item);
		this.state.append(LedgerEntry.booking(item, this.state.today()));
		this.offsets.applyWaiting(item);
		Set<UUID> before = this.state.credits().stream().map(Credit::creditId).collect(Collectors.toSet());
		this.reductions.supersede(provisional, item.itemId());
		this.offsets.applyWithinSubItem(this.state.credits()
			.stream()
			.filter((credit) -> !before.contains(credit.creditId()))
			.toList(), item);
		this.offsets.offset(item.mst(), item.subItem());
	}

	/**
	 * Ends the transaction's allocation: each general credit goes to the same taxpayer's items that are due
	 * (arrears and interest, of any sub-item) in the allocation order, and only then to the items of its own
	 * sub-item not due yet (VN-ETAX §5.7). Run once, after every payment, booking and reversal of the transaction,
	 * so that what a payer paid for each sub-item goes there first.
	 */
	void offsetAcrossSubItems() {
		this.offsets.withGeneralCredit().forEach(this.offsets::offsetAcross);
	}

	/**
	 * Reverses the entries of a payment that are not reversed yet, re-opening what it paid, then lets
	 * other credits pay what re-opened.
	 * @param paymentKey the reversed payment
	 * @param payer the reversal's payer, which must be the payment's
	 * @param stored its stored entries not reversed yet (those of this transaction are added)
	 * @param valueDate the reversal's date
	 */
	void reverse(String paymentKey, String payer, List<LedgerEntry> stored, LocalDate valueDate) {
		this.reversal.reverse(paymentKey, payer, stored, valueDate);
	}

	/**
	 * Applies what is left of a held credit to the item it names, as an officer decided; what the item does
	 * not take is released as the payer's own credit.
	 * @param creditId a held credit, loaded with its named item
	 * @return what was applied to the item
	 */
	BigDecimal applyHeld(UUID creditId) {
		return this.held.apply(creditId);
	}

	/**
	 * Makes a held credit the payer's own, general credit, as an officer decided.
	 * @param creditId a held credit, loaded
	 */
	void releaseHeld(UUID creditId) {
		this.held.release(creditId);
	}

	/**
	 * Carries out a taxpayer's approved request about a general credit (01/ĐNXLNT): offsets an amount against an
	 * item, or refunds it when no item is given.
	 * @param creditId a general credit, loaded
	 * @param itemId the item, loaded, or null for a refund
	 * @param amount whole VND, no more than the credit has left (and the item owes)
	 * @return the entry that moved it
	 */
	LedgerEntry carryOut(UUID creditId, @Nullable String itemId, BigDecimal amount) {
		return (itemId != null) ? this.requests.offset(creditId, itemId, amount) : this.requests.refund(creditId, amount);
	}

	/**
	 * Takes back a refund the treasury refused, the amount the taxpayer's credit again.
	 * @param refund the refund's entry; its credit loaded
	 */
	void restoreRefund(LedgerEntry refund) {
		this.requests.restore(refund);
	}

	/**
	 * Takes a supplement's decrease, or interest taken back, off what the taxpayer was charged.
	 * @param reduction the decrease
	 * @return false, with nothing changed, when less was charged than the decrease
	 */
	boolean reduce(Reduction reduction) {
		return this.reductions.reduce(reduction);
	}

	List<LedgerEntry> entries() {
		return this.state.entries();
	}

	List<Obligation> newItems() {
		return this.state.newItems();
	}

	/** Obligations stored before this transaction whose outstanding changed. */
	List<Obligation> changedItems() {
		return this.state.changedItems();
	}

	List<Credit> newCredits() {
		return this.state.newCredits();
	}

	/** Credits stored before this transaction that changed. */
	List<Credit> changedCredits() {
		return this.state.changedCredits();
	}

	@Nullable
	Obligation item(String itemId) {
		return this.state.find(itemId);
	}

	/**
	 * One payment line as the allocation sees it.
	 * @param mst the payer
	 * @param chapter the budget chapter
	 * @param subItem the sub-item
	 * @param taxPeriod the period paid for ({@code KY_THUE})
	 * @param amountVnd whole VND
	 * @param payableItemId the item named, if any
	 * @param postingId the line's posting id
	 * @param paymentKey {@code bankCode:bankReference}
	 * @param treasuryCode the collecting treasury
	 * @param paymentDate the legal date of payment
	 * @param collectingOffice the tax office collecting it: the one its collecting agency ({@code MA_CQTHU}) maps to,
	 * null when the agency is not mapped (ADR 0022)
	 */
	record PaymentLine(String mst, String chapter, String subItem, String taxPeriod, BigDecimal amountVnd,
			@Nullable String payableItemId, UUID postingId, String paymentKey, String treasuryCode, LocalDate paymentDate,
			@Nullable String collectingOffice) {

	}

	/**
	 * A part of what is paid on an item and still applied: of one payment line, counted as paid on one day.
	 * @param itemId the item
	 * @param paymentKey the payment
	 * @param postingId its line
	 * @param paidOn the day it counts as paid
	 * @param amount whole VND
	 */
	record Paid(String itemId, String paymentKey, UUID postingId, LocalDate paidOn, BigDecimal amount) {

		Paid less(BigDecimal value) {
			return new Paid(this.itemId, this.paymentKey, this.postingId, this.paidOn, this.amount.subtract(value));
		}

	}

}
