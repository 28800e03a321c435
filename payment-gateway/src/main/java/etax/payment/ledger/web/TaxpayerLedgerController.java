package etax.payment.ledger.web;

import java.time.YearMonth;
import java.util.List;

import etax.access.Caller;
import etax.access.Role;
import etax.ids.TaxpayerId;
import etax.payment.arrears.ArrearsNotice;
import etax.payment.arrears.ArrearsNotices;
import etax.payment.ledger.Balance;
import etax.payment.ledger.LedgerLine;
import etax.payment.ledger.PaymentVoucherDraft;
import etax.payment.ledger.PaymentVoucherDrafts;
import etax.payment.ledger.ProvisionalShortfall;
import etax.payment.ledger.ProvisionalShortfalls;
import etax.payment.ledger.TaxpayerLedger.LedgerPage;
import etax.payment.ledger.TaxpayerLedger;
import etax.payment.ledger.TaxpayerNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A taxpayer's balance, ledger, provisional CIT shortfalls, arrears notices and a payment voucher prefilled from what it
 * owes, for the taxpayer itself (a TAXPAYER caller whose token names the MST, or its
 * head office's) and for officers: a national officer reads any taxpayer the ledger has, an office's officer those
 * with an obligation booked with its office; any other answers 404 {@code taxpayer-not-found}, as a taxpayer the
 * ledger does not have (docs/adr/0022-office-scope-at-the-gateway.md), and so does another taxpayer's for a
 * taxpayer.
 */
@RestController
@RequestMapping("/api/v1/taxpayers/{mst}")
class TaxpayerLedgerController {

	private static final String OFFICERS = "A taxpayer reads its own and its branches' (another's answers 404 "
			+ "taxpayer-not-found). An office's officer reads a "
			+ "taxpayer with an obligation booked with its office (the office its return was filed with), a national "
			+ "officer any taxpayer the ledger has; otherwise 404 taxpayer-not-found, the same whether the ledger has "
			+ "nothing of the taxpayer or only another office's obligations.";

	private final TaxpayerLedger ledger;

	private final ProvisionalShortfalls shortfalls;

	private final ArrearsNotices arrears;

	private final PaymentVoucherDrafts vouchers;

	TaxpayerLedgerController(TaxpayerLedger ledger, ProvisionalShortfalls shortfalls, ArrearsNotices arrears,
			PaymentVoucherDrafts vouchers) {
		this.ledger = ledger;
		this.shortfalls = shortfalls;
		this.arrears = arrears;
		this.vouchers = vouchers;
	}

	@Operation(summary = "Balance per sub-item and period, credits, and each obligation that still owes something",
			description = "The first " + Balance.MAX_ITEMS + " items owing, oldest due first, waiting credits and "
					+ "general credits, oldest first (itemsLeftOut, waitingCreditsLeftOut and generalCreditsLeftOut "
					+ "count the others; the totals and the figures per sub-item count them all). " + OFFICERS)
	@GetMapping("/balance")
	Balance balance(@PathVariable String mst, @AuthenticationPrincipal Caller caller) {
		return this.ledger.balance(authorized(mst, caller));
	}

	@Operation(summary = "The taxpayer's ledger lines, newest first",
			description = "A page goes on from the previous page's next (before=next), so that lines booked meanwhile "
					+ "neither repeat nor hide older ones; next is null on the last page. " + OFFICERS)
	@GetMapping("/ledger")
	LinePage ledger(@PathVariable String mst, @RequestParam(required = false) @Nullable @Min(1) Long before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, @AuthenticationPrincipal Caller caller) {
		LedgerPage lines = this.ledger.lines(authorized(mst, caller), before, size);
		return new LinePage(lines.lines(), size, lines.total(), lines.next());
	}

	@Operation(summary = "The year's provisional CIT payments against each finalization in force, newest year first",
			description = "What the year's first quarters had to pay on account by the deadline of the last of them "
					+ "(requiredPercent of the year's tax over provisionalQuarters quarters: from the tax year 2022 80 % "
					+ "over the four, by 30 January of the next year; up to 2021 75 % over the first three, by 30 "
					+ "October), what they paid, the shortfall late-payment interest runs on, what paid it off since and "
					+ "the interest booked on it (Decree 126/2020 Art. 8(6) as amended by Decree 91/2022). " + OFFICERS)
	@GetMapping("/provisional-shortfalls")
	List<ProvisionalShortfall> provisionalShortfalls(@PathVariable String mst, @AuthenticationPrincipal Caller caller) {
		return this.shortfalls.of(authorized(mst, caller));
	}

	@Operation(summary = "The taxpayer's notices of tax arrears and late-payment interest (07/QLN), newest month first",
			description = "Those of the latest months (12 unless months= says otherwise, at most 60), each with its totals "
					+ "and its first " + ArrearsNotice.LISTED + " items (itemsNotListed counts the others: "
					+ ".../arrears-notices/{month}/items lists them all). " + OFFICERS)
	@GetMapping("/arrears-notices")
	List<ArrearsNotice> arrearsNotices(@PathVariable String mst,
			@RequestParam(defaultValue = "12") @Min(1) @Max(60) int months, @AuthenticationPrincipal Caller caller) {
		return this.arrears.of(authorized(mst, caller), months);
	}

	@Operation(summary = "The items of the taxpayer's arrears notice of a month (yyyy-MM), a page at a time",
			description = "In the notice's order (tax, fines, interest, each by due date), at most 500 a page; 404 "
					+ "arrears-notice-not-found when the taxpayer has no notice of the month. " + OFFICERS)
	@GetMapping("/arrears-notices/{month}/items")
	List<ArrearsNotice.Item> arrearsNoticeItems(@PathVariable String mst, @PathVariable YearMonth month,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int size, @AuthenticationPrincipal Caller caller) {
		return this.arrears.items(authorized(mst, caller), month, page, size);
	}

	@Operation(summary = "A payment voucher (C1-02/NS) prefilled from what the taxpayer owes",
			description = "One line per payable item that still owes something, at most 100 (itemsLeftOut counts the "
					+ "rest), or per item named by item=, repeated, "
					+ "for what it owes today, ranked as the law ranks them (arrears, interest, tax not yet due, each oldest "
					+ "due first), with chapter, sub-item (NDKT), tax period (KY_THUE) and the item's id, the total, and the "
					+ "treasury account 7111. Sent to the bank as it is, each line names its item, so the payment is "
					+ "allocated exactly there when the bank confirms it. Nothing is stored; no lines when nothing is owed. "
					+ "422 voucher-items-not-open names the items asked for that owe nothing. " + OFFICERS)
	@GetMapping("/payment-voucher")
	PaymentVoucherDraft paymentVoucher(@PathVariable String mst,
			@RequestParam(name = "item", required = false) @Nullable List<@Size(max = 64) String> items,
			@AuthenticationPrincipal Caller caller) {
		if (items != null && items.size() > PaymentVoucherDrafts.MAX_LINES) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"A voucher names at most " + PaymentVoucherDrafts.MAX_LINES + " items");
		}
		return this.vouchers.draft(authorized(mst, caller), (items != null) ? items : List.of());
	}

	private String authorized(String mst, Caller caller) {
		TaxpayerId taxpayer;
		try {
			taxpayer = TaxpayerId.parse(mst);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a valid MST (format or check digit)");
		}
		boolean own = caller.role() == Role.TAXPAYER && (taxpayer.value().equals(caller.mst())
				|| taxpayer.headOffice().value().equals(caller.mst()));
		if (own) {
			return taxpayer.value();
		}
		if (!caller.isOfficer()) {
			// another taxpayer's ledger reads as one the ledger does not have: nobody learns who is in it
			throw TaxpayerNotFoundException.forCaller();
		}
		this.ledger.requireReadable(taxpayer.value(), caller);
		return taxpayer.value();
	}

	/**
	 * @param next the next page's {@code before}, null on the last page
	 */
	record LinePage(List<LedgerLine> items, int size, long totalElements, @Nullable Long next) {

	}

}
