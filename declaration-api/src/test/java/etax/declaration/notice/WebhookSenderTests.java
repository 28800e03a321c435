package etax.declaration.notice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deliveries go to exactly the address the check resolved, with a resolver that answers a made-up name with
 * this machine's loopback (no real DNS): refused without the local allowance, delivered with it, and the name
 * resolved once. The receiver is a server on the loopback.
 */
class WebhookSenderTests {

	private HttpServer receiver;

	private final List<String> hosts = new CopyOnWriteArrayList<>();

	private final AtomicInteger lookups = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			try (exchange) {
				this.hosts.add(exchange.getRequestHeaders().getFirst("Host"));
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(204, -1);
			}
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void aNameThatResolvesToLoopbackIsRefusedAndNothingIsSent() throws IOException {
		try (WebhookSender sender = new WebhookSender(new WebhookTargets(false, this::rebound), Duration.ofSeconds(5), 4)) {
			assertThatExceptionOfType(WebhookTargets.Refused.class)
				.isThrownBy(() -> sender.post(hook("rebound.test"), Map.of(), "{}"))
				.withMessage("rebound.test resolves to no address the service calls (unknown, internal or reserved)");
			assertThatExceptionOfType(WebhookTargets.Refused.class)
				.isThrownBy(() -> sender.post(hook("127.0.0.1"), Map.of(), "{}"));
		}
		assertThat(this.hosts).isEmpty();
	}

	@Test
	void withTheLocalAllowanceItConnectsToTheAddressItCheckedAndNamesTheHost() throws IOException {
		try (WebhookSender sender = new WebhookSender(new WebhookTargets(true, this::rebound), Duration.ofSeconds(5), 4)) {
			assertThat(sender.post(hook("rebound.test"), Map.of("X-Etax-Signature", "t=1,v1=00"), "{}")).isEqualTo(204);
		}
		// the name exists in no DNS: the request could only reach the receiver through the checked address
		assertThat(this.hosts).containsExactly("rebound.test:" + this.receiver.getAddress().getPort());
		assertThat(this.lookups).hasValue(1);
	}

	/**
	 * A name whose name servers never answer holds the attempt no longer than its timeout: the system's resolver
	 * would wait half a minute and more, past the delivery's lease.
	 */
	@Test
	void aNameNeverResolvedIsGivenUpAtTheTimeout() throws IOException {
		HostResolver silent = (host) -> {
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new java.net.UnknownHostException(host);
		};
		try (WebhookSender sender = new WebhookSender(new WebhookTargets(true, silent), Duration.ofSeconds(1), 4)) {
			long started = System.nanoTime();
			assertThatExceptionOfType(java.net.UnknownHostException.class)
				.isThrownBy(() -> sender.post(hook("silent.test"), Map.of(), "{}"))
				.withMessageContaining("not resolved within 1 s");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}
	}

	/** A receiver that answers at once but trickles its body for ever is cut off at the attempt's timeout. */
	@Test
	void anAnswerThatNeverEndsIsCutOffAtTheTimeout() throws IOException {
		this.receiver.createContext("/trickle", (exchange) -> {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(200, 0);
				for (int i = 0; i < 100; i++) {
					exchange.getResponseBody().write('.');
					exchange.getResponseBody().flush();
					Thread.sleep(300);
				}
			}
			catch (InterruptedException | IOException ex) {
				// the sender hung up
			}
		});
		URI trickle = URI.create("http://rebound.test:" + this.receiver.getAddress().getPort() + "/trickle");
		try (WebhookSender sender = new WebhookSender(new WebhookTargets(true, this::rebound), Duration.ofSeconds(2), 4)) {
			long started = System.nanoTime();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> sender.post(trickle, Map.of(), "{}"));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void aRefusalIsRecordedInWords() {
		WebhookTargets.Refused refused = new WebhookTargets.Refused("rebound.test resolves to no address the service calls (unknown, internal or reserved)");
		assertThat(DeliveryErrors.describe(new java.util.concurrent.CompletionException(refused), hook("rebound.test"),
				Duration.ofSeconds(5)))
			.isEqualTo("Not sent: rebound.test resolves to no address the service calls (unknown, internal or reserved)");
	}

	private InetAddress[] rebound(String host) throws java.net.UnknownHostException {
		this.lookups.incrementAndGet();
		return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }) };
	}

	private URI hook(String host) {
		return URI.create("http://" + host + ":" + this.receiver.getAddress().getPort() + "/hook");
	}

}
