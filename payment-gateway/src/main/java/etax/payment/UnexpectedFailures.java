package etax.payment;

import java.util.UUID;

import etax.payment.sql.RedactedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Whatever no other handler answers: a 500 in the one error shape (type {@code internal-error}) with an
 * incident id to quote, instead of the servlet container's default body. It says nothing of what failed:
 * an exception's message may hold SQL with taxpayer data, or internals. The log line carries the same id
 * and the exception without its messages ({@link RedactedException}). Ordered last, after every advice
 * that answers specific exceptions ({@link #BEFORE}), since an advice with a catch-all handler would
 * otherwise take exceptions meant for an advice after it. Access decisions are left to the security
 * filters, which answer them as 401 and 403 problems.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedFailures {

	/** The order of the gateway's other advices: before this one. */
	static final int BEFORE = 0;

	private static final Logger log = LoggerFactory.getLogger(UnexpectedFailures.class);

	@ExceptionHandler
	ProblemDetail handle(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		UUID incident = UUID.randomUUID();
		log.error("Request failed unexpectedly incident={} failure={}", incident, RedactedException.describe(ex),
				RedactedException.of(ex));
		ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Internal error", "The request could not be completed; quote incident " + incident + " when you report it.");
		problem.setProperty("incident", incident.toString());
		return problem;
	}

}
