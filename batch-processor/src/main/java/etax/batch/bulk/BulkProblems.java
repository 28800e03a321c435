package etax.batch.bulk;

import etax.batch.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The RFC 9457 problems of bulk filing, each with a stable type. A refused upload says why, which limit
 * (published at {@code GET /api/v1/limits}) and which zip entry, and that nothing was stored or filed.
 */
@RestControllerAdvice
class BulkProblems {

	@ExceptionHandler
	ProblemDetail on(BatchRefusedException ex) {
		ProblemDetail problem = switch (ex.reason()) {
			case TOO_LARGE -> problem(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Batch too large", ex);
			case TOO_MANY_ITEMS ->
				problem(HttpStatus.UNPROCESSABLE_CONTENT, "batch-too-many-items", "Too many returns in one batch", ex);
			case ITEM_TOO_LARGE -> problem(HttpStatus.CONTENT_TOO_LARGE, "batch-item-too-large", "Return too large", ex);
			case EXPANDS_TOO_MUCH ->
				problem(HttpStatus.UNPROCESSABLE_CONTENT, "batch-archive-unsafe", "Zip expands too much", ex);
			case UNSAFE_ENTRY_NAME ->
				problem(HttpStatus.UNPROCESSABLE_CONTENT, "batch-entry-name-unsafe", "Unsafe zip entry name", ex);
			case MALFORMED -> problem(HttpStatus.BAD_REQUEST, "batch-malformed", "Not a batch of returns", ex);
			case EMPTY -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "batch-empty", "No return in the batch", ex);
			case TOO_SLOW -> problem(HttpStatus.REQUEST_TIMEOUT, "batch-upload-too-slow", "Upload too slow", ex);
		};
		problem.setDetail(ex.getMessage() + " Nothing was stored or filed.");
		problem.setProperty("reason", ex.reason().name());
		if (ex.entry() != null) {
			problem.setProperty("entry", ex.entry());
		}
		problem.setProperty("limits", "/api/v1/limits");
		return problem;
	}

	/**
	 * 503 rather than 429: the filer sent nothing wrong and no faster than allowed; the service has no room
	 * for its upload now, and says when to try again.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(UploadsBusyException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "batch-uploads-busy",
				"Too many batches being received", ex);
		problem.setDetail(ex.getMessage() + " Nothing was stored or filed; send it again in "
				+ ex.retryAfter().toSeconds() + " seconds.");
		problem.setProperty("limits", "/api/v1/limits");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail on(BatchKeyConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "idempotency-conflict", "Idempotency key reused", ex);
		problem.setDetail(ex.getMessage() + " Nothing was stored or filed.");
		problem.setProperty("batchId", ex.batchId().toString());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(BatchNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "batch-not-found", "Batch not found", ex);
	}

	@ExceptionHandler
	ProblemDetail on(BatchItemNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "batch-item-not-found", "Batch item not found", ex);
	}

	@ExceptionHandler
	ProblemDetail on(ItemNotRetryableException ex) {
		return problem(HttpStatus.CONFLICT, "batch-item-not-retryable", "Item not retryable", ex);
	}

	@ExceptionHandler
	ProblemDetail on(BatchNotCancellableException ex) {
		return problem(HttpStatus.CONFLICT, "batch-not-cancellable", "Batch not cancellable", ex);
	}

	@ExceptionHandler
	ProblemDetail on(BatchOfOtherOfficesException ex) {
		return problem(HttpStatus.FORBIDDEN, "batch-of-other-offices", "Batch has returns of other offices", ex);
	}

	@ExceptionHandler
	ProblemDetail on(DeclarationApiException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "filing-unavailable", "Filing unavailable", ex);
		problem.setDetail("Returns cannot be filed now; try again later.");
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, RuntimeException ex) {
		return Problems.of(status, slug, title, ex);
	}

}
