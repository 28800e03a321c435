package etax.batch.console.payments;

import java.time.Instant;
import java.util.List;

import etax.batch.BatchProcessorProperties;
import etax.batch.console.ConsoleActions;
import etax.batch.console.OfficerClients;
import etax.batch.console.Paging;
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
			model.addAttribute("error", "payment-gateway did not answer: " + ex.getMessage());
		}
		return "console/rejected-payments";
	}

	@PostMapping("/console/payments/rejected/{id}/redrive")
	String redrive(@PathVariable long id, @RequestParam(required = false) @Nullable String corrected,
			RedirectAttributes flash) {
		String body = Paging.text(corrected);
		return this.actions.perform(flash, "DLQ_REDRIVE", "rejected-message " + id, () -> {
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
