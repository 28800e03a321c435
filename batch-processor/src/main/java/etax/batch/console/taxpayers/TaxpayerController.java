package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import etax.batch.console.NotFoundException;
import etax.batch.console.OfficerClients;
import etax.batch.console.OpenEndedPaging;
import etax.batch.console.Paging;
import etax.batch.console.ServiceProblem;
import etax.schemas.LocalizedText;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * One taxpayer: its returns with their payable items, a page at a time, its deadline extensions and the inspections
 * at its premises (declaration-api, in the officer's scope there; {@link ExtensionsController} grants and revokes
 * extensions, {@link InspectionsController} records inspections and their conclusions), and its balance, its
 * provisional CIT payments against each year's finalization, its monthly arrears notices, latest ledger lines and
 * requests about its overpayment (payment-gateway; {@link OverpaymentRequestsController} records and decides them). A
 * service that does not answer leaves its part of the page empty with a message; the rest is shown.
 */
@Controller
class TaxpayerController {

	static final Pattern MST = Pattern.compile("\\d{10}(-\\d{3})?|\\d{12}");

	private static final int RETURNS_PAGE_SIZE = 50;

	/** The last page declaration-api answers. */
	private static final int MAX_RETURNS_PAGE = 1_000;

	private final OfficerClients clients;

	TaxpayerController(OfficerClients clients) {
		this.clients = clients;
	}

	@GetMapping("/console/taxpayers")
	String taxpayer(@RequestParam(required = false) @Nullable String mst, @RequestParam(defaultValue = "0") int page,
			HttpServletRequest request, Model model) {
		String taxpayer = Paging.text(mst);
		model.addAttribute("mst", taxpayer);
		if (taxpayer == null) {
			return "console/taxpayer";
		}
		if (!MST.matcher(taxpayer).matches()) {
			model.addAttribute("error", "An MST has 10 digits (with -NNN for a branch) or 12 for a person.");
			return "console/taxpayer";
		}
		StringBuilder problems = new StringBuilder();
		// a page of returns at a time, newest first, so that an older late return can be found and fined
		int returnsPage = Math.min(Paging.at(page), MAX_RETURNS_PAGE);
		List<StoredReturn> returns = read(problems, "declaration-api", () -> this.clients.declarations()
			.get()
			.uri("/api/v1/returns?mst={mst}&page={page}&size={size}", taxpayer, returnsPage, RETURNS_PAGE_SIZE)
			.retrieve()
			.body(new ParameterizedTypeReference<List<StoredReturn>>() {
			}));
		model.addAttribute("returns", returns);
		model.addAttribute("returnsPaging", OpenEndedPaging.of(request, returnsPage, RETURNS_PAGE_SIZE,
				(returns != null) ? returns.size() : 0, MAX_RETURNS_PAGE));
		model.addAttribute("fines", fines(returns, problems));
		model.addAttribute("extensions", read(problems, "declaration-api", () -> this.clients.declarations()
			.get()
			.uri("/api/v1/taxpayers/{mst}/extensions", taxpayer)
			.retrieve()
			.body(new ParameterizedTypeReference<List<Extension>>() {
			})));
		model.addAttribute("inspections", read(problems, "declaration-api", () -> this.clients.declarations()
			.get()
			.uri("/api/v1/taxpayers/{mst}/inspections", taxpayer)
			.retrieve()
			.body(new ParameterizedTypeReference<List<Inspection>>() {
			})));
		model.addAttribute("inspectionKinds", Choice.INSPECTION_KINDS);
		model.addAttribute("periodKinds", PeriodKind.values());
		model.addAttribute("reasons", Choice.EXTENSION_REASONS);
		model.addAttribute("balance", read(problems, "payment-gateway", () -> this.clients.gateway()
			.get()
			.uri("/api/v1/taxpayers/{mst}/balance", taxpayer)
			.retrieve()
			.body(Balance.class)));
		model.addAttribute("provisionalShortfalls", read(problems, "payment-gateway", () -> this.clients.gateway()
			.get()
			.uri("/api/v1/taxpayers/{mst}/provisional-shortfalls", taxpayer)
			.retrieve()
			.body(new ParameterizedTypeReference<List<ProvisionalShortfall>>() {
			})));
		model.addAttribute("arrearsNotices", read(problems, "payment-gateway", () -> this.clients.gateway()
			.get()
			.uri("/api/v1/taxpayers/{mst}/arrears-notices", taxpayer)
			.retrieve()
			.body(new ParameterizedTypeReference<List<ArrearsNotice>>() {
			})));
		OverpaymentRequest.Page requests = read(problems, "payment-gateway", () -> this.clients.gateway()
			.get()
			.uri("/api/v1/taxpayers/{mst}/overpayment-requests?size=50", taxpayer)
			.retrieve()
			.body(OverpaymentRequest.Page.class));
		if (requests != null && requests.notListed() > 0) {
			// a request older than the first page may still wait for a second officer, who decides it here alone
			OverpaymentRequest.Page pending = read(problems, "payment-gateway", () -> this.clients.gateway()
				.get()
				.uri("/api/v1/taxpayers/{mst}/overpayment-requests?pending=true&size=500", taxpayer)
				.retrieve()
				.body(OverpaymentRequest.Page.class));
			requests = (pending != null) ? requests.withOlder(pending.items()) : requests;
		}
		model.addAttribute("overpaymentRequests", (requests != null) ? requests.items() : null);
		model.addAttribute("overpaymentRequestsNotListed", (requests != null) ? requests.notListed() : 0L);
		LedgerPage ledger = read(problems, "payment-gateway", () -> this.clients.gateway()
			.get()
			.uri("/api/v1/taxpayers/{mst}/ledger?size=50", taxpayer)
			.retrieve()
			.body(LedgerPage.class));
		model.addAttribute("ledger", (ledger != null) ? ledger.items() : List.of());
		if (!problems.isEmpty()) {
			model.addAttribute("error", problems.toString().strip());
		}
		return "console/taxpayer";
	}

	/** The fines decided on the returns filed late, by return: such a return shows its fine, or a form for one. */
	private Map<UUID, FinesController.Fine> fines(@Nullable List<StoredReturn> returns, StringBuilder problems) {
		Map<UUID, FinesController.Fine> fines = new HashMap<>();
		if (returns == null) {
			return fines;
		}
		for (StoredReturn late : returns.stream().filter((r) -> r.lateFiling() != null).toList()) {
			FinesController.Fine fine = read(problems, "declaration-api", () -> this.clients.declarations()
				.get()
				.uri("/api/v1/returns/{id}/late-filing-penalty", late.id())
				.retrieve()
				.body(FinesController.Fine.class));
			if (fine != null) {
				fines.put(late.id(), fine);
			}
		}
		return fines;
	}

	/** The taxpayer's page; also refuses an address that names no MST, before anything is asked. */
	static String page(String mst) {
		if (!MST.matcher(mst).matches()) {
			throw new NotFoundException("No taxpayer " + mst);
		}
		return "/console/taxpayers?mst=" + mst;
	}

	private static <T> @Nullable T read(StringBuilder problems, String service, Call<T> call) {
		try {
			return call.get();
		}
		catch (HttpClientErrorException.NotFound ex) {
			return null;
		}
		catch (RestClientException ex) {
			problems.append(ServiceProblem.of(service, ex).words()).append(' ');
			return null;
		}
	}

	@FunctionalInterface
	interface Call<T> {

		@Nullable T get();

	}

	record StoredReturn(UUID id, String transactionCode, String status, Instant receivedAt, String formCode,
			String filingType, int submissionNumber, Period period, String taxOfficeCode, @Nullable FiledBy filedBy,
			List<PayableItem> payableItems, @Nullable List<Finding> findings) {

		/**
		 * @return the intake's warning that an accepted original was filed late (CTX-DL-01: days late and the penalty
		 * band), when an officer may fine it; none otherwise
		 */
		public @Nullable String lateFiling() {
			if (!"ACCEPTED".equals(this.status) || !"C".equals(this.filingType) || this.findings == null) {
				return null;
			}
			return this.findings.stream()
				.filter((finding) -> "CTX-DL-01".equals(finding.ruleId()) && finding.message() != null)
				.map((finding) -> finding.message().en())
				.findFirst()
				.orElse(null);
		}

	}

	record Finding(String ruleId, @Nullable LocalizedText message) {

	}

	/** Who filed a return: the taxpayer, its agent or a T-VAN; the role is unknown for the oldest returns. */
	record FiledBy(String subject, @Nullable String role) {

		public String label() {
			return (this.role != null) ? this.role + " " + this.subject : this.subject;
		}

	}

	record Period(String kind, String value) {

	}

	record PayableItem(UUID id, String chapter, String subItem, String taxPeriod, long amount, LocalDate dueDate,
			String paymentReference) {

	}

	record Balance(String mst, List<Item> items, @Nullable Long itemsLeftOut,
			@Nullable List<GeneralCredit> generalCredits, @Nullable Long generalCreditsLeftOut,
			@Nullable List<OwedBack> owedBack, BigDecimal totalOutstanding, BigDecimal totalCredit) {

		/** @return how many more items owe something than the gateway lists (its first 500); none when it says none */
		public long itemsNotListed() {
			return (this.itemsLeftOut != null) ? this.itemsLeftOut : 0;
		}

		/** @return the credits a 01/ĐNXLNT may name; none when the gateway listed none */
		public List<GeneralCredit> credits() {
			return (this.generalCredits != null) ? this.generalCredits : List.of();
		}

		/** @return how many more general credits the taxpayer has than the gateway lists (its oldest 500) */
		public long creditsNotListed() {
			return (this.generalCreditsLeftOut != null) ? this.generalCreditsLeftOut : 0;
		}

		/** @return refunds paid out of money its bank took back, which the taxpayer owes back; none when none */
		public List<OwedBack> refundsOwedBack() {
			return (this.owedBack != null) ? this.owedBack : List.of();
		}

		record OwedBack(String subItem, BigDecimal amount) {

		}

		record GeneralCredit(UUID creditId, String subItem, BigDecimal amount, LocalDate paidOn) {

		}

		record Item(String payableItemId, String kind, String subItem, String taxPeriod, BigDecimal amount,
				BigDecimal outstanding, LocalDate dueDate) {

		}

	}

	record LedgerPage(List<LedgerLine> items, long totalElements) {

	}

	record LedgerLine(String side, String entryType, String account, String subItem, @Nullable String taxPeriod,
			BigDecimal amount, LocalDate valueDate, Instant bookedAt, @Nullable String payableItemId) {

	}

}
