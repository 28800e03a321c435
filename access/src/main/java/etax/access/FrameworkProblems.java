package etax.access;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The framework's own problems (a query parameter of the wrong type, an unreadable body, an unsupported
 * method) in the one error shape of the API: Spring MVC answers them as RFC 9457 problems of type
 * {@code about:blank}; each service's exception handler passes its answers through here, so that they get a
 * stable type named after their status ({@code https://etax.example/problems/bad-request}), as the
 * services' own problems have.
 */
public final class FrameworkProblems {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private FrameworkProblems() {
	}

	/**
	 * @param response what {@code ResponseEntityExceptionHandler} answered
	 * @param status its status
	 * @return the same answer, its problem typed if it had no type of its own
	 */
	public static @Nullable ResponseEntity<Object> typed(@Nullable ResponseEntity<Object> response,
			HttpStatusCode status) {
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
			HttpStatus known = HttpStatus.resolve(status.value());
			String slug = (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-')
					: "http-" + status.value();
			problem.setType(URI.create(ProblemAnswers.TYPE_BASE + slug));
		}
		return response;
	}

}
