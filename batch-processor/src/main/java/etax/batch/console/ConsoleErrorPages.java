package etax.batch.console;

import java.util.UUID;

import etax.access.RedactedException;
import etax.batch.DatabaseOutages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The framework's errors on console pages (a query parameter or path segment of the wrong type, a page
 * that does not exist, a method not allowed) as an HTML page in the console's layout with the same status,
 * not the API's problem+json: a browser shows the officer what went wrong and the way back. Runs before
 * the exception handlers, and only for {@code /console} addresses; the API's errors stay problems, and the
 * console's domain errors (not found, out of scope) stay with {@link ConsoleModel}. So do a database that could not
 * answer (503) and, after every handler, a defect ({@link Unexpected}, 500 with an incident to quote).
 */
@Component
class ConsoleErrorPages implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrorPages.class);

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!console(request)) {
			return null;
		}
		HttpStatusCode status;
		String what;
		if (ex instanceof TypeMismatchException mismatch) {
			status = HttpStatus.BAD_REQUEST;
			what = "The value of '" + mismatch.getPropertyName() + "' is not valid.";
		}
		else if (ex instanceof ErrorResponse error) {
			status = error.getStatusCode();
			what = (status.value() == HttpStatus.NOT_FOUND.value()) ? "There is no such page in the console."
					: String.valueOf(error.getBody().getDetail());
		}
		else if (DatabaseOutages.isOutage(ex)) {
			UUID correlationId = UUID.randomUUID();
			log.warn("Console page not shown, the database could not do it now correlationId={} failure={}",
					correlationId, RedactedException.describe(ex), RedactedException.of(ex));
			status = HttpStatus.SERVICE_UNAVAILABLE;
			what = "The database could not answer now and nothing was changed; try again in a moment (reference "
					+ correlationId + ").";
		}
		else {
			return null;
		}
		response.setStatus(status.value());
		return page(status, what);
	}

	private static boolean console(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/console") || path.startsWith("/console/");
	}

	private static ModelAndView page(HttpStatusCode status, String what) {
		HttpStatus known = HttpStatus.resolve(status.value());
		ModelAndView page = new ModelAndView("console/error", status);
		page.addObject("heading", (known != null) ? known.getReasonPhrase() : "Error " + status.value());
		page.addObject("what", what);
		page.addObject("officer", officer());
		return page;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * What no handler answered on a console page (a defect): a page of the console with an incident to quote, as the
	 * API's problem says it, after every handler of the services had its turn and before the API's last answer.
	 */
	@Component
	static class Unexpected implements HandlerExceptionResolver, Ordered {

		@Override
		public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
				@Nullable Object handler, Exception ex) {
			if (!console(request) || ex instanceof AccessDeniedException || ex instanceof AuthenticationException
					|| response.isCommitted()) {
				return null;
			}
			UUID incident = UUID.randomUUID();
			log.error("Console page failed unexpectedly incident={} failure={}", incident, RedactedException.describe(ex),
					RedactedException.of(ex));
			response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
			return page(HttpStatus.INTERNAL_SERVER_ERROR,
					"It could not be shown; quote incident " + incident + " when you report it.");
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 1;
		}

	}

	private static @Nullable Object officer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof ConsoleAuthentication console) ? console.caller() : null;
	}

}
