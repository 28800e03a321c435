package etax.access;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last answer of every service: an exception that no exception handler of the service answered
 * becomes a 500 in the one error shape (type {@code internal-error}) with an incident id to quote, instead
 * of the container's default body. It says nothing of what failed: an exception's message may hold SQL with
 * a taxpayer's values, or internals. The log line carries the same id and the exception without its
 * messages ({@link RedactedException}).
 *
 * <p>A resolver ordered after Spring MVC's own (which apply the services' {@code @ExceptionHandler}s) rather
 * than a catch-all {@code @ExceptionHandler}: such a handler would take, in whichever advice came first,
 * the exceptions meant for the services' other advices. Access decisions are left to the security filters,
 * which answer them as 401 and 403 problems.
 */
final class UnexpectedFailures implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(UnexpectedFailures.class);

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException || response.isCommitted()) {
			return null;
		}
		UUID incident = UUID.randomUUID();
		log.error("Request failed unexpectedly incident={} failure={}", incident, RedactedException.describe(ex),
				RedactedException.of(ex));
		try {
			response.reset();
			ProblemAnswers.write(response, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
					"The request could not be completed; quote incident " + incident + " when you report it.",
					",\"incident\":\"" + incident + "\"");
		}
		catch (IOException | IllegalStateException notWritten) {
			return null;
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
