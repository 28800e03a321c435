package etax.batch.console.taxpayers;

import java.util.List;
import java.util.UUID;

import etax.batch.console.Confirmation;
import etax.batch.console.ConsoleActions;
import etax.batch.console.NotFoundException;
import etax.batch.console.OfficerClients;
import etax.batch.console.ServiceProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Grants and revocations of a taxpayer's deadline extensions, from its page, forwarded to declaration-api
 * ({@code POST /api/v1/taxpayers/{mst}/extensions} and {@code …/{id}/revocation}) with the officer's token:
 * declaration-api decides whether the officer may (the taxpayer's managing office, or national) and whether
 * the law allows the grant. Both are confirmed first and audited; a refusal is shown in declaration-api's
 * words, and a refused grant comes back to the form as it was typed.
 */
@Controller
@RequestMapping("/console/taxpayers/{mst}/extensions")
class ExtensionsController {

	private static final String SERVICE = "declaration-api";

	private final OfficerClients clients;

	private final ConsoleActions actions;

	ExtensionsController(OfficerClients clients, ConsoleActions actions) {
		this.clients = clients;
		this.actions = actions;
	}

	@PostMapping
	String grant(@PathVariable String mst, @RequestParam(required = false) @Nullable String maTKhai,
			@RequestParam(required = false) @Nullable String periodKind,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String requestedOn,
			@RequestParam(required = false) @Nullable String deadline,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String page = TaxpayerController.page(mst);
		GrantForm form = GrantForm.of(maTKhai, periodKind, period, reason, requestedOn, deadline);
		List<String> problems = form.problems();
		if (!confirmed && !problems.isEmpty()) {
			flash.addFlashAttribute("error", String.join(" ", problems));
			flash.addFlashAttribute("grant", form);
			return "redirect:" + page;
		}
		if (!confirmed) {
			return Confirmation
				.of("Extend the deadline of form " + form.maTKhai() + " for taxpayer " + mst + "?",
						"declaration-api records the extension, if the law allows it: a return of this form and period "
								+ "filed while it is in force is late only after the new deadline, and its tax is due "
								+ "then. A grant is never changed; it can be revoked.",
						"/console/taxpayers/" + mst + "/extensions", "Yes, grant the extension", page)
				.fact("Taxpayer", mst)
				.fact("Form (maTKhai)", form.maTKhai())
				.fact("Period", form.periodKind() + " " + form.period())
				.fact("Reason", form.reasonWords())
				.fact("Request received", form.requestedOn())
				.fact("New deadline", form.deadline())
				.field("maTKhai", form.maTKhai(), null)
				.field("periodKind", form.periodKind(), null)
				.field("period", form.period(), null)
				.field("reason", form.reason(), null)
				.field("requestedOn", form.requestedOn(), null)
				.field("deadline", form.deadline(), null)
				.show(model);
		}
		String then = this.actions.forward(flash, "EXTENSION_GRANT",
				"taxpayer " + mst + " form " + form.maTKhai() + " " + form.periodKind() + " " + form.period(), SERVICE,
				() -> granted(this.clients.declarations()
					.post()
					.uri("/api/v1/taxpayers/{mst}/extensions", mst)
					.contentType(MediaType.APPLICATION_JSON)
					.body(form.request())
					.retrieve()
					.body(Extension.class)),
				page);
		if (flash.getFlashAttributes().containsKey("error")) {
			flash.addFlashAttribute("grant", form);
		}
		return then;
	}

	@PostMapping("/{id}/revocation")
	String revoke(@PathVariable String mst, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String page = TaxpayerController.page(mst);
		if (!confirmed) {
			Extension extension;
			try {
				extension = this.clients.declarations()
					.get()
					.uri("/api/v1/taxpayers/{mst}/extensions/{id}", mst, id)
					.retrieve()
					.body(Extension.class);
			}
			catch (RestClientException ex) {
				flash.addFlashAttribute("error", ServiceProblem.of(SERVICE, ex).words());
				return "redirect:" + page;
			}
			if (extension == null) {
				throw new NotFoundException("No extension " + id);
			}
			return Confirmation
				.of("Revoke the extension of form " + extension.form() + " for taxpayer " + mst + "?",
						"From now on, a return of this form and period is held to its regular deadline again; returns "
								+ "filed before keep the deadline they were held to. The grant is kept, with your "
								+ "revocation beside it.",
						"/console/taxpayers/" + mst + "/extensions/" + id + "/revocation", "Yes, revoke it", page)
				.fact("Period", extension.periodKind() + " " + extension.period())
				.fact("Reason", extension.reasonWords())
				.fact("Regular deadline", extension.regularDeadline())
				.fact("Extended deadline", extension.deadline())
				.fact("Granted", extension.grantedBy() + " at " + extension.grantedAt())
				.fact("Revoked", (extension.revokedAt() != null)
						? extension.revokedBy() + " at " + extension.revokedAt() + " (nothing will change)" : null)
				.show(model);
		}
		return this.actions.forward(flash, "EXTENSION_REVOKE", "taxpayer " + mst + " extension " + id, SERVICE,
				() -> revoked(this.clients.declarations()
					.post()
					.uri("/api/v1/taxpayers/{mst}/extensions/{id}/revocation", mst, id)
					.retrieve()
					.toEntity(Extension.class)),
				page);
	}

	private static String granted(@Nullable Extension extension) {
		if (extension == null) {
			return "Extension granted.";
		}
		return "Extension granted: form " + extension.form() + ", period " + extension.periodKind() + " "
				+ extension.period() + ", deadline " + extension.deadline()
				+ ((extension.regularDeadline() != null) ? " instead of " + extension.regularDeadline() : "") + ".";
	}

	private static String revoked(ResponseEntity<Extension> answer) {
		Extension extension = answer.getBody();
		String what = (extension != null) ? "The extension of form " + extension.form() + " for "
				+ extension.periodKind() + " " + extension.period() : "The extension";
		if (answer.getStatusCode().isSameCodeAs(HttpStatus.CREATED) || extension == null) {
			return what + " is revoked.";
		}
		return what + " was revoked before, by " + extension.revokedBy() + " at " + extension.revokedAt()
				+ "; nothing changed.";
	}

}
