package etax.declaration.notice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook delivery with the webhook's secret, as its receiver checks it: the header
 * {@value Notices#SIGNATURE_HEADER} is {@code t=<epoch seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
 */
final class WebhookSignatures {

	private WebhookSignatures() {
	}

	/**
	 * @param secret the webhook's secret, in hex
	 * @param at the moment of sending
	 * @param body the notice sent
	 * @return the header's value
	 */
	static String sign(String secret, Instant at, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256"));
			String timestamp = String.valueOf(at.getEpochSecond());
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
