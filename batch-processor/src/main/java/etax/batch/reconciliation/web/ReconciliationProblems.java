package etax.batch.reconciliation.web;

import etax.batch.Problems;
import etax.batch.reconciliation.inputs.FileSignatureException;
import etax.batch.reconciliation.inputs.FileTooLargeException;
import etax.batch.reconciliation.inputs.ImportedFileNotFoundException;
import etax.batch.reconciliation.inputs.InvalidFileException;
import etax.batch.reconciliation.inputs.OutdatedFileException;
import etax.batch.reconciliation.workitems.ApprovalRefusedException;
import etax.batch.reconciliation.workitems.CorrectionNotRecordedException;
import etax.batch.reconciliation.workitems.InvalidResolutionException;
import etax.batch.reconciliation.workitems.WorkItemConflictException;
import etax.batch.reconciliation.workitems.WorkItemNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The reconciliation's exceptions as RFC 9457 problems, in the service's one shape; framework errors are
 * the service's {@code ApiExceptionHandler}'s.
 */
@RestControllerAdvice(basePackageClasses = ReconciliationProblems.class)
class ReconciliationProblems {

	@ExceptionHandler
	ProblemDetail handle(InvalidFileException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "reconciliation-file-invalid",
				"Reconciliation file not imported", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(OutdatedFileException ex) {
		return Problems.of(HttpStatus.CONFLICT, "reconciliation-file-outdated",
				"Reconciliation file older than the one in force", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(FileSignatureException ex) {
		return ex.missing()
				? Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "reconciliation-file-unsigned",
						"Reconciliation file not signed by its sender", ex)
				: Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "reconciliation-file-signature-invalid",
						"Reconciliation file's signature not accepted", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(FileTooLargeException ex) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "reconciliation-file-too-large", "Reconciliation file too large",
				ex);
	}

	@ExceptionHandler
	ProblemDetail handle(ImportedFileNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "reconciliation-file-not-found", "Reconciliation file not found", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(WorkItemNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "work-item-not-found", "Work item not found", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(WorkItemConflictException ex) {
		return Problems.of(HttpStatus.CONFLICT, "work-item-conflict", "Not allowed where the work item stands", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(InvalidResolutionException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-resolution", "Resolution does not fit the work item",
				ex);
	}

	@ExceptionHandler
	ProblemDetail handle(ApprovalRefusedException ex) {
		return switch (ex.reason()) {
			case APPROVER_REQUIRED -> Problems.of(HttpStatus.FORBIDDEN, "approver-required", "An approver is required", ex);
			case SAME_OFFICER ->
				Problems.of(HttpStatus.FORBIDDEN, "four-eyes", "The officer who resolved cannot approve", ex);
		};
	}

	@ExceptionHandler
	ProblemDetail handle(CorrectionNotRecordedException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_GATEWAY, "correction-not-recorded",
				"The gateway did not record the correction request", ex);
		problem.setProperty("gatewayStatus", ex.gatewayStatus());
		if (ex.gatewayType() != null) {
			problem.setProperty("gatewayType", ex.gatewayType());
		}
		return problem;
	}

}
