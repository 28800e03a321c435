package etax.payment;

import java.net.URI;

import etax.payment.confirmation.ConfirmationNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the gateway's domain exceptions into RFC 9457 problems with a stable type; framework errors
 * are already problems through the base class.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	static final String PROBLEM_BASE = "https://etax.example/problems/";

	@ExceptionHandler
	ProblemDetail handle(ConfirmationNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create(PROBLEM_BASE + "confirmation-not-found"));
		problem.setTitle("Confirmation not found");
		return problem;
	}

}
