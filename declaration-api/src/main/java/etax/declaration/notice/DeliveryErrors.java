package etax.declaration.notice;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed delivery records as its last error, for the receiver's operator to act on: which host did
 * what (refused the connection, took too long, failed the TLS handshake, resolved to an address the service
 * does not call), not an exception's class name. Only the receiver's own host and address and the failure's
 * kind are named: not an exception's message, which may name what the receiver's certificate or the service's
 * network hold.
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
		WebhookTargets.Refused refused = refusal(failure);
		if (refused != null) {
			return "Not sent: " + refused.getMessage();
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectTimeoutException || cause instanceof HttpConnectTimeoutException) {
				return "No connection to " + receiver + " within " + seconds(timeout);
			}
			if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
				return "No answer from " + receiver + " within " + seconds(timeout);
			}
			if (cause instanceof SSLException) {
				return "TLS handshake with " + receiver + " failed" + (certificateRefused(cause)
						? ": its certificate is not trusted, expired or not for the host" : "");
			}
			if (cause instanceof UnknownHostException) {
				// worded as a refused address: told apart, a filer would learn which of its names the service's
				// resolver knows (its internal names among them)
				return "Not sent: " + target.getHost() + " resolves to no address the service calls (unknown, internal "
						+ "or reserved)";
			}
			if (cause instanceof ConnectException || cause instanceof NoHttpResponseException
					|| cause instanceof ConnectionClosedException || cause instanceof ClosedChannelException) {
				return "Connection to " + receiver + " refused or closed before an answer";
			}
		}
		return "Delivery to " + receiver + " failed before an answer";
	}

	/**
	 * @param failure why a delivery was not sent or not answered
	 * @return the refusal to call the receiver's address, if that was why
	 */
	static WebhookTargets.@Nullable Refused refusal(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WebhookTargets.Refused refused) {
				return refused;
			}
		}
		return null;
	}

	private static boolean certificateRefused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CertificateException || cause instanceof CertPathValidatorException
					|| cause instanceof CertPathBuilderException) {
				return true;
			}
		}
		return false;
	}

	private static String seconds(Duration timeout) {
		return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
	}

}
