package etax.batch.console;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What another service answered the console with when it did not do what the officer asked: its RFC 9457
 * problem read into words an officer reads (title and detail), never the raw body or a stack of exception
 * texts. A 4xx is a refusal by that service's rules (the officer may not, or the thing is in the wrong
 * state); a 5xx, an unreadable answer or no answer at all is a failure.
 *
 * @param status the HTTP status, 0 when the service did not answer
 * @param type the problem's type, if it gave one
 * @param words what the officer is shown
 */
public record ServiceProblem(int status, @Nullable String type, String words) {

	/**
	 * @param service the service asked, e.g. {@code payment-gateway}
	 * @param ex what the client threw
	 * @return the problem in words
	 */
	public static ServiceProblem of(String service, RestClientException ex) {
		if (ex instanceof RestClientResponseException answered) {
			HttpStatusCode status = answered.getStatusCode();
			ProblemDetail problem = problem(answered);
			String said = (problem != null) ? said(problem) : null;
			String type = (problem != null && problem.getType() != null
					&& !"about:blank".equals(problem.getType().toString())) ? problem.getType().toString() : null;
			if (status.is4xxClientError()) {
				return new ServiceProblem(status.value(), type,
						service + " refused it: " + ((said != null) ? said : "status " + status.value() + "."));
			}
			return new ServiceProblem(status.value(), type,
					service + " failed: " + ((said != null) ? said : "status " + status.value() + "."));
		}
		String why = (ex instanceof ResourceAccessException) ? "it could not be reached or did not answer in time."
				: "its answer could not be read.";
		return new ServiceProblem(0, null, service + " did not answer: " + why);
	}

	/** @return whether the service refused by its rules, rather than failed */
	public boolean refused() {
		return this.status >= 400 && this.status < 500;
	}

	private static @Nullable ProblemDetail problem(RestClientResponseException ex) {
		try {
			return ex.getResponseBodyAs(ProblemDetail.class);
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

	private static @Nullable String said(ProblemDetail problem) {
		String title = text(problem.getTitle());
		String detail = text(problem.getDetail());
		if (title == null && detail == null) {
			return null;
		}
		if (title == null || detail == null) {
			return sentence((title != null) ? title : detail);
		}
		return sentence(title) + " " + sentence(detail);
	}

	private static @Nullable String text(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String line = value.strip();
		return (line.length() > 400) ? line.substring(0, 400) + "…" : line;
	}

	private static String sentence(String text) {
		return (text.endsWith(".") || text.endsWith("…") || text.endsWith("?") || text.endsWith("!")) ? text
				: text + ".";
	}

}
