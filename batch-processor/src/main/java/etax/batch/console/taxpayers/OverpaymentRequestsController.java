package etax.batch.console.taxpayers;

import java.util.Map;
import java.util.UUID;

import etax.batch.console.Confirmation;
import etax.batch.console.ConsoleActions;
import etax.batch.console.Money;
import etax.batch.console.NotFoundException;
import etax.batch.console.OfficerClients;
import etax.batch.console.Paging;
import etax.batch.console.ServiceProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A taxpayer's requests about its overpayment (01/ĐNXLNT), from its page, forwarded to payment-gateway with the
 * officer's token ({@code POST /api/v1/taxpayers/{mst}/overpayment-requests}, {@code …/{id}:approve},
 * {@code …/{id}:refuse}): one officer records a refund or an offset of a general credit, a second one approves or
 * refuses it. The gateway decides who may (the credit's office, the approver claim, not the officer who recorded
 * it) and whether the credit and the item allow it. Each step is confirmed first and audited; a refusal is shown
 * in the gateway's words, and a refused request comes back to the form as it was typed.
 */
@Controller
@RequestMapping("/console/taxpayers/{mst}/overpayment-requests")
class OverpaymentRequestsController {

	private static final String SERVICE = "payment-gateway";

	private final OfficerClients clients;

	private final ConsoleActions actions;

	OverpaymentRequestsController(OfficerClients clients, ConsoleActions actions) {
		this.clients = clients;
		this.actions = actions;
	}

	@PostMapping
	String record(@PathVariable String mst, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String creditId,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String documentNumber,
			@RequestParam(required = false) @Nullable String targetMst,
			@RequestParam(required = false) @Nullable String targetItem,
			@RequestParam(required = false) @Nullable String relation,
			@RequestParam(required = false) @Nullable String bankCode,
			@RequestParam(required = false) @Nullable String account,
			@RequestParam(required = false) @Nullable String accountName,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String page = TaxpayerController.page(mst);
		OverpaymentForm form = OverpaymentForm.of(kind, creditId, amount, documentNumber, targetMst, targetItem,
				relation, bankCode, account, accountName);
		if (!form.problems().isEmpty()) {
			flash.addFlashAttribute("error", String.join(" ", form.problems()));
			flash.addFlashAttribute("overpayment", form);
			return "redirect:" + page;
		}
		if (!confirmed) {
			return Confirmation
				.of("Record the 01/ĐNXLNT of taxpayer " + mst + "?",
						"payment-gateway records the request, if the credit and the item allow it. Nothing moves "
								+ "until a second officer with the approver's right approves it; you cannot approve it "
								+ "yourself.",
						"/console/taxpayers/" + mst + "/overpayment-requests", "Yes, record the request", page)
				.fact("Taxpayer", mst)
				.fact("01/ĐNXLNT number", form.documentNumber())
				.fact("Credit", form.creditId())
				.fact("Amount (VND)", Money.figures(form.request().amount(), "VND"))
				.fact("Asked", form.what())
				.field("kind", form.kind(), null)
				.field("creditId", form.creditId(), null)
				.field("amount", form.amount(), null)
				.field("documentNumber", form.documentNumber(), null)
				.field("targetMst", form.targetMst(), null)
				.field("targetItem", form.targetItem(), null)
				.field("relation", form.relation(), null)
				.field("bankCode", form.bankCode(), null)
				.field("account", form.account(), null)
				.field("accountName", form.accountName(), null)
				.show(model);
		}
		String then = this.actions.forward(flash, "OVERPAYMENT_RECORD",
				"taxpayer " + mst + " credit " + form.creditId(), SERVICE,
				() -> "Request recorded, waiting for a second officer: " + words(this.clients.gateway()
					.post()
					.uri("/api/v1/taxpayers/{mst}/overpayment-requests", mst)
					.contentType(MediaType.APPLICATION_JSON)
					.body(form.request())
					.retrieve()
					.body(OverpaymentRequest.class)),
				page);
		if (flash.getFlashAttributes().containsKey("error")) {
			flash.addFlashAttribute("overpayment", form);
		}
		return then;
	}

	@PostMapping("/{id}/approval")
	String approve(@PathVariable String mst, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String page = TaxpayerController.page(mst);
		if (!confirmed) {
			OverpaymentRequest request = read(mst, id, flash);
			if (request == null) {
				return "redirect:" + page;
			}
			return confirmation(request,
					"Approve the 01/ĐNXLNT " + request.documentNumber() + " of taxpayer " + mst + "?",
					"The ledger moves the money at once: a refund leaves the credit for the treasury's refund order, "
							+ "an offset pays the item today and is re-coded at the treasury. An approval is not undone.",
					"/console/taxpayers/" + mst + "/overpayment-requests/" + id + "/approval", "Yes, approve it", page)
				.show(model);
		}
		return this.actions.forward(flash, "OVERPAYMENT_APPROVE", "taxpayer " + mst + " request " + id, SERVICE,
				() -> "Request approved: " + words(this.clients.gateway()
					.post()
					.uri("/api/v1/taxpayers/{mst}/overpayment-requests/{id}:approve", mst, id)
					.retrieve()
					.body(OverpaymentRequest.class)),
				page);
	}

	@PostMapping("/{id}/refusal")
	String refuse(@PathVariable String mst, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String page = TaxpayerController.page(mst);
		String why = Paging.text(reason);
		if (why == null || why.length() > 1000) {
			flash.addFlashAttribute("error", "Say why the request is refused, in up to 1,000 characters.");
			return "redirect:" + page;
		}
		if (!confirmed) {
			OverpaymentRequest request = read(mst, id, flash);
			if (request == null) {
				return "redirect:" + page;
			}
			return confirmation(request,
					"Refuse the 01/ĐNXLNT " + request.documentNumber() + " of taxpayer " + mst + "?",
					"Nothing moves; the credit stays the taxpayer's. A refusal is not undone: the taxpayer files a new "
							+ "request.",
					"/console/taxpayers/" + mst + "/overpayment-requests/" + id + "/refusal", "Yes, refuse it", page)
				.fact("Reason", why)
				.field("reason", why, null)
				.show(model);
		}
		return this.actions.forward(flash, "OVERPAYMENT_REFUSE", "taxpayer " + mst + " request " + id, SERVICE,
				() -> "Request refused: " + words(this.clients.gateway()
					.post()
					.uri("/api/v1/taxpayers/{mst}/overpayment-requests/{id}:refuse", mst, id)
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("reason", why))
					.retrieve()
					.body(OverpaymentRequest.class)),
				page);
	}

	private @Nullable OverpaymentRequest read(String mst, UUID id, RedirectAttributes flash) {
		OverpaymentRequest request;
		try {
			request = this.clients.gateway()
				.get()
				.uri("/api/v1/taxpayers/{mst}/overpayment-requests/{id}", mst, id)
				.retrieve()
				.body(OverpaymentRequest.class);
		}
		catch (RestClientException ex) {
			flash.addFlashAttribute("error", ServiceProblem.of(SERVICE, ex).words());
			return null;
		}
		if (request == null) {
			throw new NotFoundException("No overpayment request " + id);
		}
		return request;
	}

	private static Confirmation confirmation(OverpaymentRequest request, String heading, String consequence,
			String action, String button, String page) {
		return Confirmation.of(heading, consequence, action, button, page)
			.fact("Credit", request.creditId())
			.fact("Amount (VND)", Money.figures(request.amount(), "VND"))
			.fact("Asked", request.what())
			.fact("Recorded", request.requestedBy() + " at " + request.requestedAt())
			.fact("Status", request.status());
	}

	private static String words(@Nullable OverpaymentRequest request) {
		if (request == null) {
			return "done.";
		}
		return request.what() + ", " + Money.format(request.amount(), "VND") + " (01/ĐNXLNT "
				+ request.documentNumber() + ").";
	}

}
