package etax.batch.console.taxpayers;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.batch.console.Confirmation;
import etax.batch.console.ConsoleActions;
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
 * Inspections at a taxpayer's premises recorded from its page, and their conclusions, forwarded to declaration-api
 * ({@code POST /api/v1/taxpayers/{mst}/inspections} and {@code …/{id}/conclusion}) with the officer's token:
 * declaration-api decides whether the officer may (the taxpayer's managing office, or national) and whether what
 * is recorded can be. Supplements of the inspected periods are judged by them from then on (R-DUP-4), so both are
 * confirmed first and audited; a refusal is shown in declaration-api's words, and a refused record comes back to
 * the form as it was typed.
 */
@Controller
@RequestMapping("/console/taxpayers/{mst}/inspections")
class InspectionsController {

	private static final String SERVICE = "declaration-api";

	private final OfficerClients clients;

	private final ConsoleActions actions;

	InspectionsController(OfficerClients clients, ConsoleActions actions) {
		this.clients = clients;
		this.actions = actions;
	}

	@PostMapping
	String record(@PathVariable String mst, @RequestParam(required = false) @Nullable String decisionNumber,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String periodFrom,
			@RequestParam(required = false) @Nullable String periodTo,
			@RequestParam(required = false) @Nullable String taxTypes,
			@RequestParam(required = false) @Nullable String announcedOn,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String page = TaxpayerController.page(mst);
		InspectionForm form = InspectionForm.of(decisionNumber, kind, periodFrom, periodTo, taxTypes, announcedOn);
		if (!form.problems().isEmpty()) {
			flash.addFlashAttribute("error", String.join(" ", form.problems()));
			flash.addFlashAttribute("inspection", form);
			return "redirect:" + page;
		}
		if (!confirmed) {
			return Confirmation
				.of("Record an inspection at the premises of taxpayer " + mst + "?",
						"declaration-api records the decision, if it can be: from the day it was announced, a "
								+ "supplement of the inspected periods is accepted with a warning that penalties apply, "
								+ "and once the inspection is concluded one that lowers the tax is not accepted. A record "
								+ "is never changed; its conclusion is recorded beside it.",
						"/console/taxpayers/" + mst + "/inspections", "Yes, record the inspection", page)
				.fact("Taxpayer", mst)
				.fact("Decision", form.decisionNumber())
				.fact("Kind", form.kindWords())
				.fact("Inspected periods", form.periodFrom() + " to " + form.periodTo())
				.fact("Tax types", form.taxTypesWords())
				.fact("Announced on", form.announcedOn())
				.field("decisionNumber", form.decisionNumber(), null)
				.field("kind", form.kind(), null)
				.field("periodFrom", form.periodFrom(), null)
				.field("periodTo", form.periodTo(), null)
				.field("taxTypes", form.taxTypes(), null)
				.field("announcedOn", form.announcedOn(), null)
				.show(model);
		}
		String then = this.actions.forward(flash, "INSPECTION_RECORD",
				"taxpayer " + mst + " decision " + form.decisionNumber(), SERVICE,
				() -> recorded(this.clients.declarations()
					.post()
					.uri("/api/v1/taxpayers/{mst}/inspections", mst)
					.contentType(MediaType.APPLICATION_JSON)
					.body(form.request())
					.retrieve()
					.body(Inspection.class)),
				page);
		if (flash.getFlashAttributes().containsKey("error")) {
			flash.addFlashAttribute("inspection", form);
		}
		return then;
	}

	@PostMapping("/{id}/conclusion")
	String conclude(@PathVariable String mst, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String concludedOn,
			@RequestParam(required = false) @Nullable String decisionNumber,
			@RequestParam(required = false) @Nullable String assessedTax,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String page = TaxpayerController.page(mst);
		LocalDate day = TypedDays.parse(Paging.text(concludedOn));
		String number = Paging.text(decisionNumber);
		AssessedTaxLines assessed = AssessedTaxLines.of(assessedTax);
		if (day == null || number == null || number.length() > 60) {
			flash.addFlashAttribute("error", "A conclusion has the day it was issued, such as 2026-06-15, and its "
					+ "decision number, up to 60 characters.");
			return "redirect:" + page;
		}
		if (!assessed.problems().isEmpty()) {
			flash.addFlashAttribute("error", String.join(" ", assessed.problems()));
			return "redirect:" + page;
		}
		if (!confirmed) {
			Inspection inspection;
			try {
				inspection = this.clients.declarations()
					.get()
					.uri("/api/v1/taxpayers/{mst}/inspections/{id}", mst, id)
					.retrieve()
					.body(Inspection.class);
			}
			catch (RestClientException ex) {
				flash.addFlashAttribute("error", ServiceProblem.of(SERVICE, ex).words());
				return "redirect:" + page;
			}
			if (inspection == null) {
				throw new NotFoundException("No inspection " + id);
			}
			Confirmation confirmation = Confirmation
				.of("Record the conclusion of inspection " + inspection.decisionNumber() + " of taxpayer " + mst + "?",
						"From the day it was issued, a supplement of the inspected periods that lowers the tax payable "
								+ "or raises what is deductible or refunded is not accepted: the taxpayer complains "
								+ "instead. Each item of tax assessed becomes an item the taxpayer owes, due on its "
								+ "period's deadline, so late-payment interest runs from the day after it; its fine, if "
								+ "one was decided, is an item of its own, due ten days after the conclusion, on which no "
								+ "interest runs. A conclusion is recorded once and never changed.",
						"/console/taxpayers/" + mst + "/inspections/" + id + "/conclusion",
						"Yes, record the conclusion", page)
				.fact("Kind", inspection.kindWords())
				.fact("Inspected periods", inspection.periodFrom() + " to " + inspection.periodTo())
				.fact("Tax types", inspection.taxTypesWords())
				.fact("Announced on", inspection.announcedOn())
				.fact("Concluded on", day)
				.fact("Conclusion decision", number)
				.fact("Tax assessed", assessed.items().isEmpty() ? "none" : String.join("; ", assessed.words()))
				.field("concludedOn", day, null)
				.field("decisionNumber", number, null);
			if (!assessed.items().isEmpty()) {
				confirmation.field("assessedTax", assessed.text(), null);
			}
			return confirmation.show(model);
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("concludedOn", day.toString());
		request.put("decisionNumber", number);
		if (!assessed.items().isEmpty()) {
			request.put("assessedTax", assessed.request());
		}
		return this.actions.forward(flash, "INSPECTION_CONCLUDE", "taxpayer " + mst + " inspection " + id, SERVICE,
				() -> concluded(this.clients.declarations()
					.post()
					.uri("/api/v1/taxpayers/{mst}/inspections/{id}/conclusion", mst, id)
					.contentType(MediaType.APPLICATION_JSON)
					.body(request)
					.retrieve()
					.body(Inspection.class)),
				page);
	}

	private static String recorded(@Nullable Inspection inspection) {
		if (inspection == null) {
			return "Inspection recorded.";
		}
		return "Inspection recorded: decision " + inspection.decisionNumber() + ", periods " + inspection.periodFrom()
				+ " to " + inspection.periodTo() + ", announced on " + inspection.announcedOn() + ".";
	}

	private static String concluded(@Nullable Inspection inspection) {
		Inspection.Conclusion conclusion = (inspection != null) ? inspection.conclusion() : null;
		if (inspection == null || conclusion == null) {
			return "Conclusion recorded.";
		}
		List<String> assessed = conclusion.assessedTaxWords();
		return "Conclusion recorded: inspection " + inspection.decisionNumber() + " concluded on "
				+ conclusion.concludedOn() + " by decision " + conclusion.decisionNumber()
				+ (assessed.isEmpty() ? "." : "; tax assessed: " + String.join("; ", assessed) + ".");
	}

}
