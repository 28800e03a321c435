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
 * Treasury postings that need an officer (ADR 0007), from the gateway: those the treasury refused
 * ({@code GET /api/v1/treasury/postings/refused}, oldest refusal first; the amount stays in the treasury
 * receivable), and those it has not acked within the ack timeout ({@code …/postings/overdue}, oldest
 * first).
 */
@Controller
class TreasuryPostingsController {

	private static final ParameterizedTypeReference<GatewayLists.GatewayPage<RefusedPosting>> REFUSED = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<GatewayLists.GatewayPage<OverduePosting>> OVERDUE = new ParameterizedTypeReference<>() {
	};

	private final OfficerClients clients;

	private final int pageSize;

	TreasuryPostingsController(OfficerClients clients, BatchProcessorProperties properties) {
		this.clients = clients;
		this.pageSize = Math.min(GatewayLists.MAX_SIZE, properties.console().pageSize());
	}

	@GetMapping("/console/treasury/refused")
	String refused(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		GatewayLists.show(this.clients, "/api/v1/treasury/postings/refused", REFUSED, Paging.at(page), this.pageSize,
				request, model);
		return "console/treasury-refused";
	}

	@GetMapping("/console/treasury/overdue")
	String overdue(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		GatewayLists.show(this.clients, "/api/v1/treasury/postings/overdue", OVERDUE, Paging.at(page), this.pageSize,
				request, model);
		return "console/treasury-overdue";
	}

	record RefusedPosting(UUID postingId, String payerMst, String bankCode, String bankReference, int lineNumber,
			String direction, String treasuryCode, String subItem, BigDecimal amountVnd, LocalDate paymentDate,
			Instant requestedAt, Instant refusedAt, @Nullable String reason) {

	}

	record OverduePosting(UUID postingId, String bankCode, String bankReference, int lineNumber, String direction,
			String treasuryCode, String subItem, BigDecimal amountVnd, LocalDate paymentDate, Instant requestedAt) {

	}

}
