package etax.declaration;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import etax.access.FieldRefusal;
import etax.access.FrameworkProblems;
import etax.access.RequestViolations;
import etax.declaration.extension.ExtensionConflictException;
import etax.declaration.extension.ExtensionNotFoundException;
import etax.declaration.extension.InvalidExtensionException;
import etax.declaration.inspection.InspectionConcludedException;
import etax.declaration.inspection.InspectionConflictException;
import etax.declaration.inspection.InspectionNotFoundException;
import etax.declaration.inspection.InvalidInspectionException;
import etax.declaration.notice.InvalidWebhookException;
import etax.declaration.notice.WebhookExistsException;
import etax.declaration.notice.WebhookNotFoundException;
import etax.declaration.penalty.InvalidPenaltyException;
import etax.declaration.penalty.PenaltyExistsException;
import etax.declaration.penalty.PenaltyNotFoundException;
import etax.declaration.submission.FilerNotAuthorizedException;
import etax.declaration.submission.FilingProblems;
import etax.declaration.submission.FilingUnavailable;
import etax.declaration.submission.IdempotencyConflictException;
import etax.declaration.submission.ReturnNotFoundException;
import etax.declaration.submission.ReturnNotReceivedException;
import etax.declaration.submission.ReturnTooLargeException;
import etax.declaration.taxpayer.InvalidRegistrationException;
import etax.declaration.taxpayer.Mst;
import etax.declaration.taxpayer.RegistrationConflictException;
import etax.declaration.taxpayer.TaxpayerNotFoundException;
import etax.schemas.MalformedReturnException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error shape of the API: RFC 9457 problems with a stable {@code type} per kind of error. Domain
 * exceptions know nothing of HTTP; this maps them. Framework errors (415, 405, 400 on bad parameters)
 * get a type derived from their status instead of {@code about:blank}, and a 400 names the parameter or
 * field that was wrong ({@link RequestViolations}). Anything no handler here answers is a 500
 * {@code internal-error} with an incident id, from the access module's last resolver, which logs no
 * exception's message (it may quote a taxpayer's data).
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler implements FilingProblems {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	static final String TYPE_BASE = "https://etax.example/problems/";

	@Override
	public @Nullable ProblemDetail problemOf(RuntimeException refusal) {
		if (refusal instanceof MalformedReturnException ex) {
			return on(ex);
		}
		if (refusal instanceof ReturnNotReceivedException ex) {
			return on(ex);
		}
		if (refusal instanceof ReturnTooLargeException ex) {
			return on(ex);
		}
		if (refusal instanceof FilerNotAuthorizedException ex) {
			return on(ex);
		}
		if (refusal instanceof IdempotencyConflictException ex) {
			return on(ex);
		}
		return null;
	}

	/**
	 * A filing (or a read) the service could not do now, for no fault of the request: 503 with a stable type and
	 * {@code Retry-After}, as a batch's item gets ({@link FilingUnavailable#is}: the same failures), so that a filer
	 * knows filing again with the same key is safe.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class, FilingUnavailable.Stopping.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		// the class only: a database error's message can quote a taxpayer's values
		log.warn("Request not served, unavailable: {}", ex.getClass().getName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable", "Temporarily unavailable",
					"The request could not be served now. Send it again (a return with the same Idempotency-Key: "
							+ "it is decided once, whether or not this attempt was)."));
	}

	@ExceptionHandler
	ProblemDetail on(MalformedReturnException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-xml", "Malformed XML",
				"The body is not a well-formed, safe XML document: " + ex.getMessage());
		problem.setProperty("reason", ex.reason().name());
		if (ex.line() != null) {
			problem.setProperty("line", ex.line());
			problem.setProperty("column", ex.column());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(ReturnNotReceivedException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "schema-violation", "Return not received",
				"The return does not conform to its form version; nothing was stored. Every finding is listed.");
		problem.setProperty("findings", ex.findings());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(ReturnTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "return-too-large", "Return too large", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(FilerNotAuthorizedException ex) {
		return problem(HttpStatus.FORBIDDEN, "filer-not-authorized", "Not authorized to file for this taxpayer",
				ex.getMessage() + " Nothing was stored.");
	}

	@ExceptionHandler
	ProblemDetail on(ReturnNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "return-not-found", "Return not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(IdempotencyConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "idempotency-conflict", "Idempotency key reused",
				ex.getMessage());
		problem.setProperty("returnId", ex.returnId());
		problem.setProperty("return", "/api/v1/returns/" + ex.returnId());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(InvalidWebhookException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-webhook", "Webhook refused", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(InvalidPenaltyException ex) {
		return refused(ex, "invalid-penalty", "Fine refused");
	}

	@ExceptionHandler
	ProblemDetail on(PenaltyExistsException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "penalty-exists", "Fine already decided", ex.getMessage());
		problem.setProperty("payableItemId", ex.payableItemId());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(PenaltyNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "penalty-not-found", "No fine decided", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(WebhookNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "webhook-not-found", "Webhook not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(TaxpayerNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "taxpayer-not-found", "Taxpayer not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(InvalidRegistrationException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-registration", "Registration refused", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(InvalidExtensionException ex) {
		return refused(ex, "invalid-extension", "Extension refused");
	}

	@ExceptionHandler
	ProblemDetail on(ExtensionConflictException ex) {
		return problem(HttpStatus.CONFLICT, "extension-conflict", "Another extension is in force", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(ExtensionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "extension-not-found", "Extension not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(InvalidInspectionException ex) {
		return refused(ex, "invalid-inspection", "Inspection refused");
	}

	@ExceptionHandler
	ProblemDetail on(InspectionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "inspection-not-found", "Inspection not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(InspectionConflictException ex) {
		return problem(HttpStatus.CONFLICT, "inspection-conflict", "Another inspection of that decision",
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(InspectionConcludedException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "inspection-concluded", "Inspection already concluded",
				ex.getMessage());
		problem.setProperty("concludedOn", ex.concludedOn().toString());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(WebhookExistsException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "webhook-exists", "Webhook already registered",
				ex.getMessage());
		problem.setProperty("webhookId", ex.webhookId());
		problem.setProperty("deliveries", "/api/v1/webhooks/" + ex.webhookId() + "/deliveries");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(RegistrationConflictException ex) {
		return problem(HttpStatus.CONFLICT, "registration-conflict", "Registration conflicts with the registry",
				ex.getMessage());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		boolean mst = onlyMst(ex.getParameterValidationResults().stream().flatMap((result) -> result.getResolvableErrors().stream()));
		return invalid(ex, RequestViolations.of(ex), mst, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		boolean mst = onlyMst(ex.getBindingResult().getAllErrors().stream().map(MessageSourceResolvable.class::cast));
		return invalid(ex, RequestViolations.of(ex), mst, headers, request);
	}

	/**
	 * Whether everything wrong is an MST that is none ({@link Mst}): that gets a type of its own, the same for
	 * a parameter, a path variable or a body field, so that a client can tell "no such taxpayer id" from any
	 * other mistake.
	 */
	private static boolean onlyMst(Stream<? extends MessageSourceResolvable> errors) {
		List<? extends MessageSourceResolvable> all = errors.toList();
		return !all.isEmpty() && all.stream().allMatch((error) -> error.getCodes() != null
				&& Arrays.asList(error.getCodes()).contains(Mst.class.getSimpleName()));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestViolations.Violation field = RequestViolations.of(ex);
		if (field == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The body is not well-formed JSON of the expected shape.");
			return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
		}
		return invalid(ex, List.of(field), false, headers, request);
	}

	private @Nullable ResponseEntity<Object> invalid(Exception ex, List<RequestViolations.Violation> violations,
			boolean mst, HttpHeaders headers, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				violations.isEmpty() ? "The request is not valid." : RequestViolations.detail(violations));
		if (mst) {
			problem.setType(URI.create(TYPE_BASE + "invalid-mst"));
			problem.setTitle("Not a valid MST");
		}
		problem.setProperty("errors", violations.stream().map(RequestViolations.Violation::toMap).toList());
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		return FrameworkProblems.typed(super.handleExceptionInternal(ex, body, headers, statusCode, request), statusCode);
	}

	/** A 400 naming the request's field at fault ({@code field}), as every {@link FieldRefusal} is answered. */
	private static ProblemDetail refused(FieldRefusal ex, String slug, String title) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, slug, title, ex.getMessage());
		problem.setProperty("field", ex.field());
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (detail != null) ? detail : title);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(title);
		return problem;
	}

}
