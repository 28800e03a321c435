package etax.payment.confirmation.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import etax.payment.confirmation.MessageTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * Reads a request body as text, but never more than {@link MessageTooLargeException#MAX_BYTES} bytes plus
 * one: a body that declares more, or turns out longer, is refused without being held in memory (a
 * {@code @RequestBody String} reads it whole first, 21 MB or 2 GB alike). The charset is the content type's,
 * UTF-8 when it names none.
 */
final class BoundedBody {

	private BoundedBody() {
	}

	/** @return the body, or null when there is none */
	static @Nullable String read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MessageTooLargeException.MAX_BYTES) {
			throw MessageTooLargeException.overLimit();
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(MessageTooLargeException.MAX_BYTES + 1);
		}
		if (bytes.length > MessageTooLargeException.MAX_BYTES) {
			throw MessageTooLargeException.overLimit();
		}
		return (bytes.length == 0) ? null : new String(bytes, charset(request.getContentType()));
	}

	private static Charset charset(@Nullable String contentType) {
		if (contentType == null) {
			return StandardCharsets.UTF_8;
		}
		try {
			Charset charset = MediaType.parseMediaType(contentType).getCharset();
			return (charset != null) ? charset : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

}
