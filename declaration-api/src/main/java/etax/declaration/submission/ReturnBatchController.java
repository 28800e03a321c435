package etax.declaration.submission;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import etax.access.Caller;
import etax.access.RedactedException;
import etax.access.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files many returns for one filer in one request (docs/adr/0013-bulk-filing.md): only for the services
 * named in {@code etax.declaration.submission.batch.services}, which authenticated the filer and name it
 * per request. The items go through {@link ReturnIntake#fileAll} with that filer: the same authority
 * check, rules, idempotency (keys scoped to the filer), receipt and notices as a single filing, filed
 * together in one transaction; one item's refusal or failure never touches the others.
 */
@RestController
class ReturnBatchController {

	private static final Logger log = LoggerFactory.getLogger(ReturnBatchController.class);

	private static final String PROBLEMS = "https://etax.example/problems/";

	/** What a key or a subject may not hold: the single filing's endpoint refuses it too ({@code ReturnController}). */
	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final ReturnIntake intake;

	private final FilingProblems problems;

	private final ReturnBatchReader reader;

	private final SubmissionProperties properties;

	ReturnBatchController(ReturnIntake intake, FilingProblems problems, JsonMapper json,
			SubmissionProperties properties) {
		this.intake = intake;
		this.problems = problems;
		this.reader = new ReturnBatchReader(json);
		this.properties = properties;
	}

	@Operation(summary = "File returns for a filer another e-tax service authenticated (service-to-service)",
			description = "Only SERVICE callers named in the configuration. One result per item, in order: the "
					+ "receipt a single filing would get (status 201, or 200 when filed before under the item's "
					+ "Idempotency-Key, or accepted before for the same filer with the same content) or its RFC 9457 problem (400, 403, 409, 413, 422; "
					+ "500 an unexpected error, 503 a temporary outage: retry the item with the same key).")
	@PostMapping(path = "/api/v1/returns:batch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ReturnBatch.Response file(HttpServletRequest request, @AuthenticationPrincipal Caller service)
			throws IOException {
		if (!this.properties.batch().services().contains(service.subject())) {
			throw refusal(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This service may not file for others.");
		}
		ReturnBatch.Request batch = read(request);
		Caller filer = filer(batch.filer());
		List<ReturnBatch.Item> items = batch.items();
		List<ReturnIntake.Outcome> outcomes = this.intake.fileAll(items.stream()
			.map((item) -> new ReturnIntake.Submission(item.xml(), item.idempotencyKey()))
			.toList(), filer, this.properties.maxReturnSize());
		List<ReturnBatch.ItemResult> results = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			ReturnBatch.Item item = items.get(i);
			ReturnIntake.Outcome outcome = outcomes.get(i);
			results.add((outcome.filing() != null) ? ReturnBatch.ItemResult.received(item.idempotencyKey(), outcome.filing())
					: refused(item, Objects.requireNonNull(outcome.refusal())));
		}
		log.info("Return batch filed items={} received={}", results.size(),
				results.stream().filter((result) -> result.receipt() != null).count());
		return new ReturnBatch.Response(results);
	}

	private ReturnBatch.ItemResult refused(ReturnBatch.Item item, RuntimeException refusal) {
		if (FilingUnavailable.is(refusal)) {
			// the class only: a database error's message can quote a taxpayer's values
			log.warn("Return batch item not filed, unavailable: {}", refusal.getClass().getName());
			return refused(item, problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable",
					"Temporarily unavailable", "The return could not be filed now; file it again with the same key."));
		}
		ProblemDetail problem = this.problems.problemOf(refusal);
		if (problem != null) {
			return refused(item, problem);
		}
		UUID correlationId = UUID.randomUUID();
		log.error("Return batch item failed unexpectedly correlationId={}", correlationId,
				RedactedException.of(refusal));
		ProblemDetail failure = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Unexpected error",
				"The return may not have been filed; file it again with the same key.");
		failure.setProperty("correlationId", correlationId);
		return refused(item, failure);
	}

	private ReturnBatch.Request read(HttpServletRequest request) throws IOException {
		SubmissionProperties.Batch limits = this.properties.batch();
		byte[] body = RequestBodies.readAtMost(request, limits.maxRequestSize().toBytes());
		if (body == null) {
			throw refusal(HttpStatus.CONTENT_TOO_LARGE, "return-batch-too-large", "Batch request too large",
					"A batch request may be at most " + limits.maxRequestSize().toMegabytes() + " MB.");
		}
		ReturnBatch.Request batch;
		try {
			batch = this.reader.read(body, limits.maxItems());
		}
		catch (ReturnBatchReader.InvalidBatch ex) {
			throw invalid(ex.getMessage());
		}
		if (batch.items().stream().anyMatch((item) -> item == null || item.xml() == null || item.idempotencyKey() == null
				|| item.idempotencyKey().isBlank() || item.idempotencyKey().length() > 255
				|| CONTROL.matcher(item.idempotencyKey()).find())) {
			throw invalid("Every item needs its return and an idempotency key of 1 to 255 characters, none of them "
					+ "a control character.");
		}
		return batch;
	}

	private static Caller filer(ReturnBatch.OnBehalfOf filer) {
		if (filer == null || filer.subject() == null || (filer.role() != Role.AGENT && filer.role() != Role.TVAN)) {
			throw invalid("The filer must be an AGENT or a TVAN with its subject.");
		}
		if (CONTROL.matcher(filer.subject()).find() || (filer.mst() != null && CONTROL.matcher(filer.mst()).find())) {
			throw invalid("The filer's subject and MST must not contain control characters.");
		}
		try {
			return new Caller(filer.subject(), filer.role(), filer.mst(), null, null);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("The filer is incomplete: " + ex.getMessage());
		}
	}

	private static ReturnBatch.ItemResult refused(ReturnBatch.Item item, ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return ReturnBatch.ItemResult.refused(item.idempotencyKey(), problem.getStatus(), body);
	}

	private static ErrorResponseException invalid(String detail) {
		return refusal(HttpStatus.BAD_REQUEST, "invalid-return-batch", "Invalid batch request", detail);
	}

	private static ErrorResponseException refusal(HttpStatus status, String slug, String title, String detail) {
		return new ErrorResponseException(status, problem(status, slug, title, detail), null);
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEMS + slug));
		problem.setTitle(title);
		return problem;
	}

}
