package etax.payment.overpayment.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import etax.ids.TaxpayerId;
import etax.payment.ledger.TaxpayerNotFoundException;
import etax.payment.overpayment.OverpaymentRequest;
import etax.payment.overpayment.OverpaymentRequest.Payee;
import etax.payment.overpayment.OverpaymentRequest.Target;
import etax.payment.overpayment.OverpaymentRequestCursor;
import etax.payment.overpayment.OverpaymentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A taxpayer's requests about its overpayment (01/ĐNXLNT): officers record them, a second officer approves or
 * refuses each (the gateway's officer actions, SecurityConfiguration); the taxpayer reads its own.
 */
@RestController
@RequestMapping("/api/v1/taxpayers/{mst}/overpayment-requests")
class OverpaymentRequestController {

	/**
	 * One line of text: no control character. The fields are stored in PostgreSQL, which refuses NUL in text; a
	 * request carrying one is the caller's mistake (400), not the server's (500).
	 */
	private static final String TEXT = "[^\\p{Cntrl}]*";

	/** Text of several lines (the officer's words): no control character but tab and line breaks. */
	private static final String LINES = "[^\\p{Cntrl}]*+(?:[\\t\\r\\n]++[^\\p{Cntrl}]*+)*+";

	private static final String READERS = "The taxpayer reads its own (another taxpayer's answers 404 "
			+ "taxpayer-not-found). An office's officer reads the requests about credits of its office's payments (the "
			+ "office their collecting agency maps to; the payment desk also those of no office), a national officer "
			+ "all; a request the caller may not read answers 404 overpayment-request-not-found.";

	private static final String DECIDERS = " Only an officer with the approver claim (403 approver-required) who did "
			+ "not record it (403 four-eyes), of the credit's office or national (403 outside-tax-office; 404 "
			+ "overpayment-request-not-found for another office's), decides a request, once (409 "
			+ "overpayment-request-decided).";

	private final OverpaymentRequests requests;

	OverpaymentRequestController(OverpaymentRequests requests) {
		this.requests = requests;
	}

	@Operation(summary = "Record a taxpayer's 01/ĐNXLNT: refund an amount of a general credit, or offset it against "
			+ "a payable item of the taxpayer or of another MST",
			description = "Nothing moves until a second officer approves it. 404 credit-not-found when the taxpayer has "
					+ "no such credit of the caller's office; 403 outside-tax-office for the payment desk on a credit of "
					+ "no office; 422 credit-not-general (held or waiting for an item), amount-exceeds-credit, "
					+ "credit-time-barred (paid more than ten years ago), obligation-not-found, obligation-not-open "
					+ "(owes nothing, or less than the amount), credit-not-posted (a refund of a credit whose payment "
					+ "line the treasury refused or has not posted yet), credit-being-reversed (a refund of a credit "
					+ "whose payment line a recorded REVERSE sends back to the payer), invalid-overpayment-request. "
					+ "The same request "
					+ "of the same document again (a retry) is 200 with the one recorded; other figures for the same "
					+ "credit, kind and item of that document are 409 overpayment-request-exists.")
	@PostMapping
	ResponseEntity<OverpaymentRequest> record(@PathVariable String mst, @Valid @RequestBody Body body,
			@AuthenticationPrincipal Caller caller) {
		String taxpayer = canonical(mst);
		OverpaymentRequests.Recorded recorded = this.requests.record(taxpayer, body.asked(), caller);
		OverpaymentRequest request = recorded.request();
		return recorded.created()
				? ResponseEntity
					.created(URI.create("/api/v1/taxpayers/" + taxpayer + "/overpayment-requests/" + request.requestId()))
					.body(request)
				: ResponseEntity.ok(request);
	}

	@Operation(summary = "A taxpayer's overpayment requests, the latest first, each with its decision, a page at a time",
			description = "A page goes on from the previous page's next (before=next), so that requests recorded "
					+ "meanwhile neither repeat nor hide older ones; next is null on the last page, totalElements counts "
					+ "the requests the caller sees on every page. " + READERS)
	@GetMapping
	RequestPage list(@PathVariable String mst,
			@Parameter(description = "the previous page's next: a page goes on from the last request listed")
			@RequestParam(required = false) @Nullable @Size(max = 80) String before,
			@Parameter(description = "only the requests waiting for a second officer's decision, whatever their age")
			@RequestParam(defaultValue = "false") boolean pending,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, @AuthenticationPrincipal Caller caller) {
		OverpaymentRequestCursor from;
		try {
			from = (before != null) ? OverpaymentRequestCursor.parse(before) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		OverpaymentRequests.Page page = this.requests.list(readable(mst, caller), caller, from, pending, size);
		return new RequestPage(page.requests(), size, page.total(),
				(page.next() != null) ? page.next().toString() : null);
	}

	@Operation(summary = "One overpayment request", description = READERS)
	@GetMapping("/{id}")
	OverpaymentRequest find(@PathVariable String mst, @PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.requests.find(readable(mst, caller), id, caller);
	}

	@Operation(summary = "Approve a request as a second officer: the ledger moves the money at once",
			description = "A refund reduces the credit against a refund payable and sends the treasury a refund order "
					+ "(PostingRequested version 3); an offset pays the item, dated today, and asks the treasury to "
					+ "re-code the money when it changes sub-item or taxpayer. 422 problems as when recording, judged "
					+ "again now." + DECIDERS)
	@PostMapping("/{id}:approve")
	OverpaymentRequest approve(@PathVariable String mst, @PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.requests.approve(canonical(mst), id, caller);
	}

	@Operation(summary = "Refuse a request as a second officer: nothing moves", description = DECIDERS)
	@PostMapping("/{id}:refuse")
	OverpaymentRequest refuse(@PathVariable String mst, @PathVariable UUID id, @Valid @RequestBody Refusal refusal,
			@AuthenticationPrincipal Caller caller) {
		return this.requests.refuse(canonical(mst), id, refusal.reason(), caller);
	}

	/** The MST a caller may read the requests of: its own (or a branch's) for a taxpayer; any for an officer. */
	private static String readable(String mst, Caller caller) {
		String taxpayer = canonical(mst);
		if (caller.role() == Role.TAXPAYER && !(taxpayer.equals(caller.mst())
				|| TaxpayerId.parse(taxpayer).headOffice().value().equals(caller.mst()))) {
			// another taxpayer's requests read as a taxpayer the ledger does not have
			throw TaxpayerNotFoundException.forCaller();
		}
		return taxpayer;
	}

	private static String canonical(String mst) {
		try {
			return TaxpayerId.parse(mst).value();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a valid MST (format or check digit)");
		}
	}

	/**
	 * A 01/ĐNXLNT as the officer records it.
	 * @param kind {@code REFUND} or {@code OFFSET}
	 * @param creditId the taxpayer's general credit (as its balance lists it)
	 * @param amount whole VND
	 * @param documentNumber the number of the taxpayer's 01/ĐNXLNT
	 * @param target for an OFFSET: the payable item, its taxpayer and, for another MST, the relation
	 * @param payee for a REFUND: the bank account to pay into
	 */
	record Body(@NotNull @Pattern(regexp = "REFUND|OFFSET") String kind, @NotNull UUID creditId,
			@NotNull @Positive BigDecimal amount, @NotBlank @Size(max = 64) @Pattern(regexp = TEXT) String documentNumber,
			@Valid @Nullable TargetBody target, @Valid @Nullable PayeeBody payee) {

		OverpaymentRequests.Asked asked() {
			TargetBody t = this.target;
			PayeeBody p = this.payee;
			return new OverpaymentRequests.Asked(this.kind, this.creditId, this.amount, this.documentNumber,
					(t != null) ? new Target(canonical(t.mst()), t.payableItemId(), t.relation()) : null,
					(p != null) ? new Payee(p.bankCode(), p.account(), p.name()) : null);
		}

	}

	record TargetBody(@NotBlank String mst, @NotBlank @Size(max = 64) @Pattern(regexp = TEXT) String payableItemId,
			@Nullable @Size(max = 500) @Pattern(regexp = TEXT) String relation) {

	}

	record PayeeBody(@NotBlank @Pattern(regexp = "\\d{8}") String bankCode,
			@NotBlank @Pattern(regexp = "[0-9A-Za-z]{4,34}") String account, @NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String name) {

	}

	record Refusal(@NotBlank @Size(max = 1000) @Pattern(regexp = LINES) String reason) {

	}

	/**
	 * @param next the next page's {@code before}, null on the last page
	 */
	record RequestPage(List<OverpaymentRequest> items, int size, long totalElements, @Nullable String next) {

	}

}
