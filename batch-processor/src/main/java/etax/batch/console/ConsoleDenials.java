package etax.batch.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A console request that is refused after sign-in (a form sent without its CSRF token, or a page the
 * officer's role may not use) answers 403 with a short page that says why and the way back. Written here,
 * not through an error dispatch: {@code /error} is outside the console's chain, where the API's answered
 * the officer's browser with a 401 asking for a bearer token.
 */
final class ConsoleDenials implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		String why = (denied instanceof CsrfException)
				? "The form was sent without its security token, or the token has expired. Reload the page and try again."
				: "Your role may not use this page.";
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Forbidden · etax console</title>"
					+ "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/console/console.css\"></head>"
					+ "<body><main id=\"main\"><h1>Forbidden</h1><p id=\"why\">" + why + "</p><p><a href=\""
					+ request.getContextPath() + "/console\">Back to the console</a></p></main></body></html>");
	}

}
