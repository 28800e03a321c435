package etax.batch.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where an officer goes after signing in: the console page a link led to while signed out ({@code next}),
 * carried through the sign-in page in the address and a hidden field. Only a path of the console itself is
 * accepted (no scheme, no host, no {@code //} or backslash, no dot segments, encoded or not, nothing but
 * visible ASCII), so that a crafted link cannot send an officer elsewhere after sign-in (an open redirect).
 */
final class DeepLinks {

	/** Where a sign-in without a (valid) deep link goes. */
	static final String HOME = "/console/exceptions";

	private static final int MAX_LENGTH = 2000;

	private DeepLinks() {
	}

	/**
	 * @param next as sent
	 * @return the path, when it is a console page an officer may be sent to; null otherwise
	 */
	static @Nullable String safe(@Nullable String next) {
		if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
			return null;
		}
		for (int i = 0; i < next.length(); i++) {
			char c = next.charAt(i);
			if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '{' || c == '}') {
				return null;
			}
		}
		String path = next.split("[?#]", 2)[0];
		String lower = path.toLowerCase(Locale.ROOT);
		if (!(path.equals("/console") || path.startsWith("/console/")) || next.contains("//")
				|| lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")
				|| path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")) {
			return null;
		}
		if (path.startsWith(ConsoleSecurity.LOGIN) || path.startsWith("/console/logout")) {
			return null;
		}
		return next;
	}

	/**
	 * @param next as sent
	 * @return where to go after sign-in
	 */
	static String target(@Nullable String next) {
		String safe = safe(next);
		return (safe != null) ? safe : HOME;
	}

	/**
	 * The sign-in page's address for a request made while signed out: with the page asked for as
	 * {@code next} when it is a page to come back to (a GET of a console page other than the start).
	 * @param request the request refused for want of a sign-in
	 * @param query what the sign-in page's address has besides, e.g. {@code expired}; may be empty
	 * @return the sign-in page's path within the application
	 */
	static String signInFor(HttpServletRequest request, String query) {
		String next = null;
		if ("GET".equals(request.getMethod())) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String asked = (request.getQueryString() != null) ? path + "?" + request.getQueryString() : path;
			next = (path.equals("/console") || path.equals(HOME)) ? null : safe(asked);
		}
		StringBuilder login = new StringBuilder(ConsoleSecurity.LOGIN);
		if (!query.isEmpty()) {
			login.append('?').append(query);
		}
		if (next != null) {
			login.append(query.isEmpty() ? '?' : '&').append("next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
		}
		return login.toString();
	}

}
