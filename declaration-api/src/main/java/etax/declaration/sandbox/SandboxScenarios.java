package etax.declaration.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the sandbox headers of a request, after it was authenticated:
 * <ul>
 * <li>{@value #RECEIVED_AT}: an ISO-8601 instant with offset; the request runs on a clock set to it
 * ({@link SandboxClock}), so a filing gets that postmark.</li>
 * <li>{@value #SCENARIO}: a {@link Scenario} to simulate.</li>
 * </ul>
 * A value it cannot read is a 400 problem, never silently ignored: a filer testing a scenario must know
 * it did not run.
 */
final class SandboxScenarios extends OncePerRequestFilter {

	static final String RECEIVED_AT = "Etax-Sandbox-Received-At";

	static final String SCENARIO = "Etax-Sandbox-Scenario";

	private static final String TYPE_BASE = "https://etax.example/problems/";

	private static final Logger log = LoggerFactory.getLogger(SandboxScenarios.class);

	private final SandboxClock clock;

	private final JsonMapper json;

	SandboxScenarios(SandboxClock clock, JsonMapper json) {
		this.clock = clock;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String scenarioHeader = request.getHeader(SCENARIO);
		String receivedAtHeader = request.getHeader(RECEIVED_AT);
		Scenario scenario = null;
		if (scenarioHeader != null) {
			scenario = Scenario.named(scenarioHeader).orElse(null);
			if (scenario == null) {
				invalid(request, response, SCENARIO, "is not a scenario; one of " + Arrays.toString(Scenario.values()));
				return;
			}
		}
		Instant receivedAt = null;
		if (receivedAtHeader != null) {
			try {
				receivedAt = OffsetDateTime.parse(receivedAtHeader.trim()).toInstant();
			}
			catch (DateTimeParseException ex) {
				invalid(request, response, RECEIVED_AT, "is not an ISO-8601 date-time with offset, e.g. 2026-05-04T09:30:00+07:00");
				return;
			}
		}
		if (scenario == Scenario.UNAVAILABLE) {
			response.setHeader("Retry-After", "1");
			write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "sandbox-unavailable", "Service unavailable (sandbox)",
					"Sandbox scenario UNAVAILABLE: nothing was done. Retry after the time in Retry-After.");
			return;
		}
		log.debug("Sandbox request scenario={} receivedAt={}", scenario, receivedAt);
		try (SandboxClock.Shift shift = this.clock.shiftTo(receivedAt)) {
			if (scenario == Scenario.LOST_RESPONSE) {
				withhold(request, response, chain);
			}
			else {
				chain.doFilter(request, response);
			}
		}
	}

	/** Runs the request, then replaces a successful answer by a 504: the answer lost on its way back. */
	private void withhold(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper withheld = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, withheld);
		if (withheld.getStatus() >= 300) {
			withheld.copyBodyToResponse();
			return;
		}
		response.reset();
		write(request, response, HttpStatus.GATEWAY_TIMEOUT, "sandbox-lost-response", "Answer lost (sandbox)",
				"Sandbox scenario LOST_RESPONSE: the request was processed and its answer withheld. Recover it: "
						+ recovery(request));
	}

	/** How a caller gets back a lost answer of this request: by its key for a filing, else by reading or asking again. */
	private static String recovery(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.startsWith("/api/v1/returns") && "POST".equals(request.getMethod())) {
			return "send the same request with the same Idempotency-Key, or GET /api/v1/receipts?idempotencyKey=.";
		}
		return "read the resource back with a GET, or send the same request again (a registration sent again "
				+ "answers the one already made, or 409 naming it).";
	}

	private void invalid(HttpServletRequest request, HttpServletResponse response, String header, String reason)
			throws IOException {
		write(request, response, HttpStatus.BAD_REQUEST, "sandbox-header-invalid", "Sandbox header not understood",
				header + " " + reason + ".");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			String title, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(this.json.writeValueAsString(problem));
	}

}
