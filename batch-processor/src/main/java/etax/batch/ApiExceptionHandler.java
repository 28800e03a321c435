package etax.batch;

import java.util.List;
import java.util.UUID;

import etax.access.FrameworkProblems;
import etax.access.RedactedException;
import etax.access.RequestViolations;
import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionNotFoundException;
import etax.batch.jobs.JobParametersRejectedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the service's exceptions into RFC 9457 problems with a stable {@code type} ({@link Problems});
 * framework errors are already problems ({@code spring.mvc.problemdetails.enabled}) and get a stable type
 * too ({@link FrameworkProblems}); a request the framework refused names the parameter or field and what it
 * must be ({@link RequestViolations}). A feature that depends on this package maps its own exceptions next to its
 * controller, so that no module cycle forms.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final int RETRY_AFTER_SECONDS = 2;

	@ExceptionHandler
	ProblemDetail handle(JobExecutionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "job-execution-not-found", "Job execution not found", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(JobExecutionConflictException ex) {
		return switch (ex.reason()) {
			case INSTANCE_COMPLETE ->
				problem(HttpStatus.CONFLICT, "job-instance-complete", "Job already completed for these parameters", ex);
			case ALREADY_RUNNING ->
				problem(HttpStatus.CONFLICT, "job-execution-running", "Job already running for these parameters", ex);
			case NOT_RESTARTABLE ->
				problem(HttpStatus.CONFLICT, "job-execution-not-restartable", "Job execution not restartable", ex);
		};
	}

	@ExceptionHandler
	ProblemDetail handle(JobParametersRejectedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "job-parameters-rejected", "Job parameters rejected", ex);
	}

	/**
	 * The database could not do it now (unreachable, a deadlock or serialization failure that retries did
	 * not overcome): nothing was changed, and the caller may try again. A typed 503 with {@code Retry-After}
	 * rather than the container's 500; the exception goes to the log with a correlation id, never to the body.
	 */
	@ExceptionHandler({ TransientDataAccessException.class, RecoverableDataAccessException.class,
			DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> handleUnavailable(RuntimeException ex) {
		UUID correlationId = UUID.randomUUID();
		log.warn("Request not done, the database could not do it now correlationId={} failure={}", correlationId,
				RedactedException.describe(ex), RedactedException.of(ex));
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable",
				"Temporarily unavailable", ex);
		problem.setDetail("It could not be done now and nothing was changed; try again after Retry-After seconds.");
		problem.setProperty("correlationId", correlationId);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
			.body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, RequestViolations.of(ex), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, RequestViolations.of(ex), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestViolations.Violation field = RequestViolations.of(ex);
		if (field == null) {
			return super.handleHttpMessageNotReadable(ex, headers, status, request);
		}
		return invalid(ex, List.of(field), headers, request);
	}

	/**
	 * A 400 that names each parameter or body field that was wrong and what it must be, in {@code detail} and
	 * in {@code errors} ({@code name}, {@code message}), as declaration-api answers.
	 */
	private @Nullable ResponseEntity<Object> invalid(Exception ex, List<RequestViolations.Violation> violations,
			HttpHeaders headers, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				violations.isEmpty() ? "The request is not valid." : RequestViolations.detail(violations));
		problem.setProperty("errors", violations.stream().map(RequestViolations.Violation::toMap).toList());
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		return FrameworkProblems.typed(super.handleExceptionInternal(ex, body, headers, statusCode, request), statusCode);
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, RuntimeException ex) {
		return Problems.of(status, slug, title, ex);
	}

}
