package etax.batch.interest.web;

import etax.batch.Problems;
import etax.batch.interest.InterestRunNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The interest feature's exceptions as RFC 9457 problems, in the service's one shape; framework errors
 * are the service's {@code ApiExceptionHandler}'s.
 */
@RestControllerAdvice(basePackageClasses = InterestProblems.class)
class InterestProblems {

	@ExceptionHandler
	ProblemDetail handle(InterestRunNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "interest-run-not-found", "Interest assessment run not found", ex);
	}

}
