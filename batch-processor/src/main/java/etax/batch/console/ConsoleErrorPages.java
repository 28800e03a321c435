package etax.batch.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
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
 * console's domain errors (not found, out of scope) stay with {@link ConsoleModel}.
 */
@Component
class ConsoleErrorPages implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals("/console") && !path.startsWith("/console/")) {
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
		else {
			return null;
		}
		response.setStatus(status.value());
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

	private static @Nullable Object officer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof ConsoleAuthentication console) ? console.caller() : null;
	}

}
