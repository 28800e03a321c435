package etax.batch;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of the service's RFC 9457 problems: a stable {@code type} under
 * {@value #TYPES}, a title, the exception's message as the detail.
 */
public final class Problems {

	public static final String TYPES = "https://etax.example/problems/";

	private Problems() {
	}

	/**
	 * A problem.
	 * @param status the HTTP status
	 * @param slug the last segment of the type URI, e.g. {@code job-execution-not-found}
	 * @param title a short, stable summary
	 * @param ex the exception, whose message becomes the detail
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, String slug, String title, RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(URI.create(TYPES + slug));
		problem.setTitle(title);
		return problem;
	}

}
