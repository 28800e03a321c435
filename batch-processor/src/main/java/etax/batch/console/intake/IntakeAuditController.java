package etax.batch.console.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import etax.batch.BatchProcessorProperties;
import etax.batch.console.OfficerClients;
import etax.batch.console.OpenEndedPaging;
import etax.batch.console.Paging;
import etax.batch.console.ServiceProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;

/**
 * Uploads declaration-api did not receive (its {@code GET /api/v1/intake-audit}, newest first), so that an
 * officer can answer "my filing vanished": filtered by day, outcome, reason and the SHA-256 of the bytes
 * sent, read with the officer's token (declaration-api shows an officer its office's lines, a national
 * officer all). declaration-api gives no total, so the page links to a next one when it came back full.
 * Filters it would refuse are refused here, in words, before it is asked.
 */
@Controller
class IntakeAuditController {

	/** The most lines declaration-api answers in one page. */
	static final int MAX_SIZE = 200;

	private static final ParameterizedTypeReference<List<IntakeLine>> LINES = new ParameterizedTypeReference<>() {
	};

	private final OfficerClients clients;

	private final int pageSize;

	IntakeAuditController(OfficerClients clients, BatchProcessorProperties properties) {
		this.clients = clients;
		this.pageSize = Math.min(MAX_SIZE, properties.console().pageSize());
	}

	@GetMapping("/console/intake")
	String list(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String sha256, @RequestParam(defaultValue = "0") int page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		IntakeFilter filter = IntakeFilter.of(from, to, outcome, reason, sha256);
		int at = Paging.at(page);
		model.addAttribute("filter", filter);
		model.addAttribute("outcomes", IntakeFilter.OUTCOMES);
		String refused = filter.problem();
		if (refused != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", refused);
			model.addAttribute("lines", List.of());
			return "console/intake";
		}
		List<IntakeLine> lines;
		try {
			Map<String, Object> query = filter.query(at, this.pageSize);
			List<IntakeLine> answer = this.clients.declarations()
				.get()
				.uri(IntakeFilter.uri(query), query)
				.retrieve()
				.body(LINES);
			lines = (answer != null) ? answer : List.of();
		}
		catch (RestClientException ex) {
			lines = List.of();
			model.addAttribute("error", ServiceProblem.of("declaration-api", ex).words());
		}
		model.addAttribute("lines", lines);
		model.addAttribute("paging", OpenEndedPaging.of(request, at, this.pageSize, lines.size()));
		return "console/intake";
	}

	/**
	 * A line of declaration-api's intake audit, as it answers it: never the body sent.
	 *
	 * @param at when it was refused
	 * @param outcome {@code refused}, {@code malformed} or {@code schema}
	 * @param reason the refusal's reason, e.g. {@code NOT_AUTHORIZED}
	 * @param sizeBytes how much of the body was read
	 * @param contentSha256 the body's SHA-256; null when it was not read whole
	 * @param sentBy the caller who sent it
	 * @param mst the taxpayer the return named, when it was read that far
	 * @param managingOffice the tax office the line is attributed to, if any
	 */
	record IntakeLine(Instant at, String outcome, String reason, int sizeBytes, @Nullable String contentSha256,
			@Nullable SentBy sentBy, @Nullable String mst, @Nullable String managingOffice) {

		// public, as the accessors are: the template's expressions call only public methods

		/** @return the outcome in words */
		public String outcomeWords() {
			return switch (this.outcome) {
				case "refused" -> "refused (not authorized, or too large)";
				case "malformed" -> "malformed (not well-formed, safe XML)";
				case "schema" -> "not a valid return (schema)";
				default -> this.outcome;
			};
		}

		/** @return who sent it: role and token subject, or that it was not recorded */
		public String sender() {
			if (this.sentBy == null || this.sentBy.subject() == null) {
				return "not recorded";
			}
			return (this.sentBy.role() != null) ? this.sentBy.role() + " " + this.sentBy.subject()
					: this.sentBy.subject();
		}

	}

	/**
	 * @param subject the token subject; null on lines older than its recording
	 * @param role {@code TAXPAYER}, {@code AGENT} or {@code TVAN}; null likewise
	 */
	record SentBy(@Nullable String subject, @Nullable String role) {

	}

}
