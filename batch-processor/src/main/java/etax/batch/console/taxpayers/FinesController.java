package etax.batch.console.taxpayers;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import etax.batch.console.Confirmation;
import etax.batch.console.ConsoleActions;
import etax.batch.console.Money;
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
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fine an officer decides, from the taxpayer's page, for a return filed late, forwarded to declaration-api
 * ({@code POST /api/v1/returns/{id}/late-filing-penalty}) with the officer's token: declaration-api decides whether
 * the officer may and whether the amount is within the band of the return's days late. The taxpayer owes it once
 * recorded, so it is confirmed first and audited; a refusal is shown in declaration-api's words. The return is read
 * first: it must be the taxpayer's whose page the fine comes from, and the confirmation names it.
 */
@Controller
@RequestMapping("/console/taxpayers/{mst}/returns/{id}/late-filing-penalty")
class FinesController {

	private static final Pattern AMOUNT = Pattern.compile("[1-9]\\d{0,17}");

	private final OfficerClients clients;

	private final ConsoleActions actions;

	FinesController(OfficerClients clients, ConsoleActions actions) {
		this.clients = clients;
		this.actions = actions;
	}

	@PostMapping
	String fine(@PathVariable String mst, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String decisionNumber,
			@RequestParam(required = false) @Nullable String decidedOn,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes flash, Model model) {
		String page = TaxpayerController.page(mst);
		String number = Paging.text(decisionNumber);
		LocalDate day = TypedDays.parse(Paging.text(decidedOn));
		String fine = Paging.text(amount);
		if (number == null || number.length() > 60 || day == null || fine == null || !AMOUNT.matcher(fine).matches()) {
			flash.addFlashAttribute("error", "A fine has its decision's number (up to 60 characters), the day it was "
					+ "decided, such as 2026-06-15, and the amount in VND, such as 15000000.");
			return "redirect:" + page;
		}
		// the fine is recorded on the return: the taxpayer the page names must be the return's
		FiledReturn filed;
		try {
			filed = this.clients.declarations().get().uri("/api/v1/returns/{id}", id).retrieve().body(FiledReturn.class);
		}
		catch (HttpClientErrorException.NotFound ex) {
			filed = null;
		}
		catch (RestClientException ex) {
			// declaration-api did not answer, or failed: not a return of another taxpayer, as the officer was told
			flash.addFlashAttribute("error", ServiceProblem.of("declaration-api", ex).words() + " Nothing was fined.");
			return "redirect:" + page;
		}
		if (filed == null || !mst.equals(filed.mst())) {
			flash.addFlashAttribute("error", "Return " + id + " is not one of taxpayer " + mst
					+ " that declaration-api shows you now: nothing was fined.");
			return "redirect:" + page;
		}
		if (!confirmed) {
			return Confirmation
				.of("Fine the return " + id + " of taxpayer " + mst + " for filing late?",
						"declaration-api records the fine if the amount is within the band of the return's days late "
								+ "(Decree 125/2020 Art. 13). The taxpayer then owes it under sub-item 4254, within ten days "
								+ "of the decision; no late-payment interest runs on it. A return is fined once, and a fine "
								+ "is never changed.",
						"/console/taxpayers/" + mst + "/returns/" + id + "/late-filing-penalty", "Yes, record the fine",
						page)
				.fact("Return", filed.transactionCode() + " · " + filed.formCode() + " · " + filed.period().kind() + " "
						+ filed.period().value())
				.fact("Decision", number)
				.fact("Decided on", day)
				.fact("Amount", Money.format(Long.parseLong(fine), "VND"))
				.field("decisionNumber", number, null)
				.field("decidedOn", day, null)
				.field("amount", fine, null)
				.show(model);
		}
		return this.actions.forward(flash, "LATE_FILING_FINE", "taxpayer " + mst + " return " + id, "declaration-api",
				() -> recorded(this.clients.declarations()
					.post()
					.uri("/api/v1/returns/{id}/late-filing-penalty", id)
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("decisionNumber", number, "decidedOn", day.toString(), "amount", Long.parseLong(fine)))
					.retrieve()
					.body(Fine.class)),
				page);
	}

	private static String recorded(@Nullable Fine fine) {
		if (fine == null) {
			return "Fine recorded.";
		}
		return String.format("Fine recorded: %s for filing %d days late (band %s to %s), due %s.",
				Money.format(fine.amount(), "VND"), fine.daysLate(), Money.figures(fine.band().min(), "VND"),
				Money.format(fine.band().max(), "VND"), fine.dueDate());
	}

	/** The return fined, as declaration-api shows it to the officer. */
	record FiledReturn(String mst, String transactionCode, String formCode, TaxpayerController.Period period) {

	}

	/** The fine as declaration-api answers it. */
	record Fine(long amount, long daysLate, Band band, LocalDate dueDate, @Nullable String decisionNumber) {

		/** @return the fine in words, for the taxpayer's page */
		public String words() {
			return String.format("Fined %s by decision %s, due %s", Money.format(this.amount, "VND"),
					this.decisionNumber, this.dueDate);
		}

		record Band(long min, long max) {

		}

	}

}
