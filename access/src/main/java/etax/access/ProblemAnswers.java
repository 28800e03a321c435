package etax.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 in the one error shape of the API (RFC 9457, stable types), with the {@code WWW-Authenticate}
 * header of RFC 6750 set by Spring Security. The detail never repeats the token. Also 400 for a request the
 * firewall refuses (an encoded dot, slash or percent, a semicolon, {@code //}): written here, because the
 * firewall's default handler sends an error, whose dispatch to {@code /error} carries no caller and was
 * answered 401.
 */
final class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	static final String TYPE_BASE = "https://etax.example/problems/";

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.challenge.commence(request, response, ex);
		write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
				"Send a valid bearer token of the e-tax identity provider (not expired, RS256, for this API).");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.denial.handle(request, response, ex);
		write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
				"Your role may not use this operation.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		write(response, HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
				"The request's path or headers are not allowed (encoded or doubled separators, dot segments, "
						+ "semicolons); send a normalized path.");
	}

	/**
	 * Writes a problem whose texts are the caller's constants (no JSON escaping is done).
	 * @param extra members after {@code detail}, e.g. {@code ,"incident":"…"}, or empty
	 */
	static void write(HttpServletResponse response, HttpStatus status, String slug, String title, String detail,
			String extra) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"" + TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"" + extra + "}");
	}

	private static void write(HttpServletResponse response, HttpStatus status, String slug, String title,
			String detail) throws IOException {
		write(response, status, slug, title, detail, "");
	}

}
