package etax.declaration.notice;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

import javax.net.ssl.SSLException;

/**
 * What a failed delivery records as its last error, for the receiver's operator to act on: which host did
 * what (refused the connection, took too long, failed the TLS handshake), not an exception's class name.
 * Only the receiver's own address and the failure's kind are named; a TLS failure's message is the JDK's
 * description of the handshake, which holds nothing of the notice.
 */
final class DeliveryErrors {

	private DeliveryErrors() {
	}

	/**
	 * @param failure why the request did not get an answer
	 * @param target the webhook
	 * @param timeout how long a delivery may take
	 * @return the explanation
	 */
	static String describe(Throwable failure, URI target, Duration timeout) {
		String receiver = target.getHost() + ((target.getPort() < 0) ? "" : ":" + target.getPort());
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException) {
				return "No connection to " + receiver + " within " + seconds(timeout);
			}
			if (cause instanceof HttpTimeoutException) {
				return "No answer from " + receiver + " within " + seconds(timeout);
			}
			if (cause instanceof SSLException) {
				return "TLS handshake with " + receiver + " failed" + ((cause.getMessage() == null) ? ""
						: ": " + cause.getMessage());
			}
			if (cause instanceof UnknownHostException) {
				return "Host " + target.getHost() + " not found";
			}
			if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
				return "Connection to " + receiver + " refused or closed before an answer";
			}
		}
		return "Delivery to " + receiver + " failed (" + failure.getClass().getSimpleName() + ")";
	}

	private static String seconds(Duration timeout) {
		return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
	}

}
