package etax.declaration.notice;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryErrorsTests {

	private static final URI HOOK = URI.create("https://hooks.example.vn:8443/etax");

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void aRefusedConnectionNamesTheReceiver() {
		assertThat(DeliveryErrors.describe(new CompletionException(new ConnectException()), HOOK, TIMEOUT))
			.isEqualTo("Connection to hooks.example.vn:8443 refused or closed before an answer");
		assertThat(DeliveryErrors.describe(new ClosedChannelException(), URI.create("https://hooks.example.vn/etax"), TIMEOUT))
			.isEqualTo("Connection to hooks.example.vn refused or closed before an answer");
	}

	@Test
	void timeoutsSayWhichWaitRanOut() {
		assertThat(DeliveryErrors.describe(new HttpConnectTimeoutException("x"), HOOK, TIMEOUT))
			.isEqualTo("No connection to hooks.example.vn:8443 within 10 s");
		assertThat(DeliveryErrors.describe(new CompletionException(new HttpTimeoutException("x")), HOOK,
				Duration.ofMillis(2500)))
			.isEqualTo("No answer from hooks.example.vn:8443 within 2500 ms");
	}

	@Test
	void tlsAndNameFailuresAreExplained() {
		SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path validation failed: CN=internal-ca.corp");
		untrusted.initCause(new java.security.cert.CertificateException("No name matching db.corp.local"));
		assertThat(DeliveryErrors.describe(untrusted, HOOK, TIMEOUT)).isEqualTo("TLS handshake with hooks.example.vn:8443 "
				+ "failed: its certificate is not trusted, expired or not for the host");
		assertThat(DeliveryErrors.describe(new SSLHandshakeException("Received fatal alert: handshake_failure"), HOOK,
				TIMEOUT))
			.isEqualTo("TLS handshake with hooks.example.vn:8443 failed");
		assertThat(DeliveryErrors.describe(new UnknownHostException("hooks.example.vn"), HOOK, TIMEOUT))
			.isEqualTo("Not sent: hooks.example.vn resolves to no address the service calls (unknown, internal or reserved)");
	}

	@Test
	void theHttpClientsFailuresAreExplainedToo() {
		assertThat(DeliveryErrors.describe(new ConnectTimeoutException("x"), HOOK, TIMEOUT))
			.isEqualTo("No connection to hooks.example.vn:8443 within 10 s");
		assertThat(DeliveryErrors.describe(new SocketTimeoutException("Read timed out"), HOOK, TIMEOUT))
			.isEqualTo("No answer from hooks.example.vn:8443 within 10 s");
		assertThat(DeliveryErrors.describe(new NoHttpResponseException("x"), HOOK, TIMEOUT))
			.isEqualTo("Connection to hooks.example.vn:8443 refused or closed before an answer");
	}

	@Test
	void anythingElseStillNamesTheReceiver() {
		assertThat(DeliveryErrors.describe(new IllegalStateException("internal"), HOOK, TIMEOUT))
			.isEqualTo("Delivery to hooks.example.vn:8443 failed before an answer");
	}

}
