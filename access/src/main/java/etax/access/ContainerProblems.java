package etax.access;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The one error shape for what Tomcat refuses before any service code sees the request: an encoded NUL or
 * an invalid URI, control characters or oversized headers. Tomcat answers those from its host's error
 * report valve, which wrote an HTML page; this valve takes that place and writes an RFC 9457 problem.
 * Errors a service answered itself (with a body) are left as they are.
 */
final class ContainerProblems extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(problem(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException notWritten) {
			// the connection is gone or the response was taken over: nothing left to tell the caller
		}
	}

	static String problem(int status) {
		if (status == HttpStatus.BAD_REQUEST.value()) {
			return body(status, "malformed-request", "Malformed request",
					"The request line or a header could not be read (an encoded NUL, an invalid URI, a control "
							+ "character, a header too large); send a well-formed HTTP/1.1 request.");
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = known == null ? "HTTP " + status : known.getReasonPhrase();
		String slug = known == null ? "http-" + status : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
		return body(status, slug, title, "The server refused the request before reading it (" + title + ").");
	}

	private static String body(int status, String slug, String title, String detail) {
		return "{\"type\":\"" + ProblemAnswers.TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}";
	}

}
