package etax.declaration.submission;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** Reads request bodies without ever holding more than a limit in memory. */
final class RequestBodies {

	private RequestBodies() {
	}

	/**
	 * @param request the request
	 * @param limit the most bytes accepted
	 * @return the body, or {@code null} when it is larger than the limit (declared or read)
	 */
	static byte @Nullable [] readAtMost(HttpServletRequest request, long limit) throws IOException {
		if (request.getContentLengthLong() > limit) {
			return null;
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			return (bytes.length > limit) ? null : bytes;
		}
	}

}
