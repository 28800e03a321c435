package etax.payment.correction.web;

import java.net.URI;

import etax.payment.correction.CorrectionNotFoundException;
import etax.payment.correction.CorrectionRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The correction feature's exceptions as RFC 9457 problems in the gateway's one shape; framework errors
 * are the gateway's {@code ProblemDetailsAdvice}'s.
 */
@RestControllerAdvice(basePackageClasses = CorrectionProblems.class)
class CorrectionProblems {

	private static final String TYPES = "https://etax.example/problems/";

	@ExceptionHandler
	ProblemDetail handle(CorrectionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "correction-not-found", "Correction request not found", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(CorrectionRefusedException ex) {
		return switch (ex.reason()) {
			case APPROVER_REQUIRED -> problem(HttpStatus.FORBIDDEN, "approver-required", "An approver is required", ex);
			case SAME_OFFICER ->
				problem(HttpStatus.FORBIDDEN, "four-eyes", "The officer who decided cannot approve", ex);
			case REQUESTER_NOT_CALLER -> problem(HttpStatus.FORBIDDEN, "requester-not-caller",
					"An officer proposes only as themselves", ex);
			case NOT_PROPOSED -> problem(HttpStatus.CONFLICT, "correction-not-proposed",
					"The correction was not proposed by the officer who decided it", ex);
			case INVALID ->
				problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction", "Invalid correction request", ex);
			case CONFLICT -> problem(HttpStatus.CONFLICT, "correction-conflict",
					"Another correction request has this id", ex);
			case ALREADY_REVERSED -> problem(HttpStatus.CONFLICT, "already-reversed",
					"The payment is reversed already", ex);
			case HELD_CREDIT_RESOLVED -> problem(HttpStatus.CONFLICT, "held-credit-resolved",
					"The held credit is resolved already", ex);
			case OUTSIDE_OFFICE -> problem(HttpStatus.FORBIDDEN, "outside-tax-office",
					"The payment is another tax office's", ex);
			case WITHDRAWN -> problem(HttpStatus.CONFLICT, "correction-withdrawn",
					"The correction proposal was withdrawn", ex);
			case ALREADY_RECORDED -> problem(HttpStatus.CONFLICT, "correction-recorded",
					"The correction request is recorded already", ex);
			case WITHDRAWAL_NOT_ALLOWED -> problem(HttpStatus.FORBIDDEN, "withdrawal-not-allowed",
					"Only the proposer, an approver or the reconciliation withdraws a proposal", ex);
		};
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(URI.create(TYPES + slug));
		problem.setTitle(title);
		return problem;
	}

}
