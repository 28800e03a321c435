package etax.payment.overpayment.web;

import java.net.URI;

import etax.payment.ledger.CreditRequestRefusedException;
import etax.payment.overpayment.OverpaymentRefusedException;
import etax.payment.overpayment.OverpaymentRequestNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The overpayment requests' exceptions, and the ledger's refusals of them, as RFC 9457 problems in the gateway's
 * one shape; {@code taxpayer-not-found} and framework errors are the gateway's {@code ProblemDetailsAdvice}'s.
 */
@RestControllerAdvice(basePackageClasses = OverpaymentProblems.class)
class OverpaymentProblems {

	private static final String TYPES = "https://etax.example/problems/";

	@ExceptionHandler
	ProblemDetail handle(OverpaymentRequestNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "overpayment-request-not-found", "Overpayment request not found", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(OverpaymentRefusedException ex) {
		return switch (ex.reason()) {
			case INVALID -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-overpayment-request",
					"Invalid overpayment request", ex);
			case APPROVER_REQUIRED -> problem(HttpStatus.FORBIDDEN, "approver-required", "An approver is required", ex);
			case SAME_OFFICER ->
				problem(HttpStatus.FORBIDDEN, "four-eyes", "The officer who recorded it cannot decide it", ex);
			case DECIDED -> problem(HttpStatus.CONFLICT, "overpayment-request-decided",
					"The overpayment request is decided already", ex);
			case OUTSIDE_OFFICE -> problem(HttpStatus.FORBIDDEN, "outside-tax-office",
					"The credit is another tax office's", ex);
		};
	}

	@ExceptionHandler
	ProblemDetail handle(CreditRequestRefusedException ex) {
		return switch (ex.reason()) {
			case CREDIT_NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "credit-not-found", "Credit not found", ex);
			case CREDIT_NOT_GENERAL -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "credit-not-general",
					"The credit waits for an item or for officers", ex);
			case EXCEEDS_CREDIT -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "amount-exceeds-credit",
					"More than the credit has left", ex);
			case TIME_BARRED -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "credit-time-barred",
					"The credit was paid more than ten years ago", ex);
			case ITEM_NOT_FOUND -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "obligation-not-found",
					"The payable item is not booked", ex);
			case ITEM_NOT_OPEN -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "obligation-not-open",
					"The payable item owes less than the amount", ex);
		};
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(URI.create(TYPES + slug));
		problem.setTitle(title);
		return problem;
	}

}
