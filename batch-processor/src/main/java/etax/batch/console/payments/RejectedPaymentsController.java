package etax.batch.console.payments;

import java.time.Instant;
import java.util.List;

import etax.batch.BatchProcessorProperties;
import etax.batch.console.Confirmation;
import etax.batch.console.ConsoleActions;
import etax.batch.console.OfficerClients;
import etax.batch.console.Paging;
import etax.batch.console.ServiceProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The gateway's rejected bank messages (its {@code GET /api/v1/payments/rejected}, newest first) and their
 * re-drive as they were ({@code POST …/{id}:redrive}). Payloads stay at the gateway: they hold MSTs.
 */
@Controller
class RejectedPaymentsController {

	private final OfficerClients clients;

	private final ConsoleActions actions;

	private final int pageSize;

	RejectedPaymentsController(OfficerClients clients, ConsoleActions actions, BatchProcessorProperties properties) {
		this.clients = clients;
		this.actions = actions;
		this.pageSize = Math.min(200, properties.console().pageSize());
	}

	@GetMapping("/console/payments/rejected")
	String list(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		int at = Paging.at(page);
		try {
			RejectedPage rejected = this.clients.gateway()
				.get()
				.uri("/api/v1/payments/rejected?page={page}&size={size}", at, this.pageSize)
				.retrieve()
				.body(RejectedPage.class);
			model.addAttribute("messages", (rejected != null) ? rejected.items() : List.of());
			model.addAttribute("paging",
					Paging.of(request, at, this.pageSize, (rejected != null) ? rejected.totalElements() : 0));
		}
		catch (RestClientException ex) {
			model.addAttribute("messages", List.of());
			model.addAttribute("paging", Paging.of(request, at, this.pageSize, 0));
			model.addAttribute("error", ServiceProblem.of("payment-gateway", ex).words());
		}
		return "console/rejected-payments";
	}

	/**
	 * Re-drives a message once the officer has confirmed it: the first post shows what will be sent (the
	 * message as it was, or the corrected one), the second, with {@code confirmed}, sends it.
	 */
	@PostMapping("/console/payments/rejected/{id}/redrive")
	String redrive(@PathVariable long id, @RequestParam(required = false) @Nullable String corrected,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String body = Paging.text(corrected);
		if (!confirmed) {
			return Confirmation
				.of("Re-drive rejected message " + id + "?",
						(body == null) ? "payment-gateway records the bank's message as it was received, exactly once: "
								+ "the payment it confirms is booked to the taxpayer's ledger."
								: "payment-gateway records the corrected message below in place of the one received, "
										+ "exactly once: the payment it confirms is booked to the taxpayer's ledger.",
						"/console/payments/rejected/" + id + "/redrive", "Yes, re-drive it", "/console/payments/rejected")
				.fact("Message", id)
				.fact("Sent", (body == null) ? "as it was received" : "corrected")
				.field("corrected", body, "Corrected message")
				.show(model);
		}
		return this.actions.forward(flash, "DLQ_REDRIVE", "rejected-message " + id, "payment-gateway", () -> {
			RestClient.RequestBodySpec request = this.clients.gateway()
				.post()
				.uri("/api/v1/payments/rejected/{id}:redrive", id);
			if (body != null) {
				// a corrected message: JSON, or camt.054 XML
				request.contentType(body.startsWith("<") ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON)
					.body(body);
			}
			Redriven redriven = request.retrieve().body(Redriven.class);
			return "Message " + id + " re-driven" + ((redriven != null) ? " as " + redriven.messageId() : "") + ".";
		}, "/console/payments/rejected");
	}

	record RejectedPage(List<Rejected> items, int page, int size, long totalElements) {

	}

	record Rejected(long id, String reason, String detail, Instant receivedAt, String topic, int partition, long offset,
			int entry, @Nullable String contentType, @Nullable Instant redrivenAt, @Nullable String redrivenBy) {

	}

	record Redriven(long id, String messageId, Instant redrivenAt, String redrivenBy) {

	}

}
