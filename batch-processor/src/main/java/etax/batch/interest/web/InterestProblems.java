package etax.batch.interest.web;

import etax.batch.Problems;
import etax.batch.interest.InterestEarlierDayNotSentException;
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

	/** The day is not run while an earlier day's interest is not sent; the problem names that day. */
	@ExceptionHandler
	ProblemDetail handle(InterestEarlierDayNotSentException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "interest-earlier-day-not-sent",
				"An earlier day's interest is not sent yet", ex);
		problem.setProperty("earlierDay", ex.earlierDay().toString());
		return problem;
	}

}
