package etax.batch.console.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import etax.batch.BatchProcessorProperties;
import etax.batch.console.OfficerClients;
import etax.batch.console.Paging;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Credits the gateway holds for an officer (its {@code GET /api/v1/credits/held}, oldest first, each page from
 * the last credit of the one before, as officers resolve them meanwhile): payment
 * lines that named another taxpayer's payable item, or one never booked within the wait, kept as the payer's
 * credit naming that item until an officer acts (ADR 0006). Shown side by side, payer and named item, so the
 * mismatch is plain.
 */
@Controller
class HeldCreditsController {

	private static final ParameterizedTypeReference<GatewayLists.GatewayPage<HeldCredit>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final OfficerClients clients;

	private final int pageSize;

	HeldCreditsController(OfficerClients clients, BatchProcessorProperties properties) {
		this.clients = clients;
		this.pageSize = Math.min(GatewayLists.MAX_SIZE, properties.console().pageSize());
	}

	@GetMapping("/console/payments/held-credits")
	String list(@RequestParam(required = false) @Nullable String after, HttpServletRequest request, Model model) {
		GatewayLists.showFrom(this.clients, "/api/v1/credits/held", PAGE, Paging.text(after), this.pageSize, request,
				model);
		return "console/held-credits";
	}

	record HeldCredit(UUID creditId, String payerMst, String subItem, BigDecimal amount, BigDecimal remaining,
			LocalDate paidOn, String bankCode, String bankReference, UUID postingId, Instant creditedAt,
			NamedItem namedItem) {

	}

	/** The item the payment named; only its id when it was never booked. */
	record NamedItem(String payableItemId, @Nullable String mst, @Nullable String subItem, @Nullable String taxPeriod,
			@Nullable BigDecimal outstanding) {

	}

}
