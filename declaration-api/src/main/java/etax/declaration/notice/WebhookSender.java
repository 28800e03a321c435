package etax.declaration.notice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts a notice to a webhook, connecting to exactly the addresses {@link WebhookTargets#resolve} checked:
 * the client's resolver is that check, so the host is resolved once per new connection and never again
 * behind its back (DNS rebinding finds no second look-up to win). TLS goes to the host by name: the server
 * name indication and the certificate's check are against the host name, never the address. No redirect is
 * followed, no cookie kept, no proxy used, no request retried here (the dispatcher retries). A pooled
 * connection is reused only to the address it was opened to, which was checked then.
 */
final class WebhookSender implements AutoCloseable {

	private final CloseableHttpClient client;

	private final Duration timeout;

	/** Aborts an attempt at its deadline: the client's own timeouts bound each wait, not the whole exchange. */
	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "webhook-deadline");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param targets resolves and checks receivers' hosts
	 * @param timeout how long one attempt may take in all: connecting, sending, and the answer with its body
	 * @param connections connections open at once, to all receivers and to one
	 */
	WebhookSender(WebhookTargets targets, Duration timeout, int connections) {
		this.timeout = timeout;
		Timeout limit = Timeout.of(timeout);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckingResolver(targets, timeout))
				.setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setMaxConnTotal(connections)
				.setMaxConnPerRoute(connections)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
	}

	/**
	 * Sends a JSON body and waits for the answer, at most the timeout in all: a receiver that answers slowly, or
	 * trickles a body that never ends, is cut off then (each of the client's own timeouts bounds one wait, and a
	 * byte every few seconds would keep an attempt, and a place among those in flight, for ever).
	 * @param target the webhook
	 * @param headers the request's headers besides the content type
	 * @param json the body
	 * @return the answer's status code
	 * @throws IOException if no answer came in time (connection refused, timeout, TLS failure, host not found)
	 * @throws WebhookTargets.Refused if the host resolves to an address the service may not call
	 */
	int post(URI target, Map<String, String> headers, String json) throws IOException {
		HttpPost request = new HttpPost(target);
		headers.forEach(request::setHeader);
		request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
		ScheduledFuture<?> abort = this.deadlines.schedule(request::cancel, this.timeout.toMillis(),
				TimeUnit.MILLISECONDS);
		try {
			return this.client.execute(request, (response) -> response.getCode());
		}
		finally {
			abort.cancel(false);
		}
	}

	@Override
	public void close() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close();
	}

	/**
	 * The client's only way to learn an address: resolved and checked by {@link WebhookTargets}, within the attempt's
	 * timeout. A name whose name servers never answer would hold the attempt for the system resolver's own timeouts
	 * (half a minute and more), which no cancel of the request ends: past the delivery's lease, so that another claim
	 * sent it again while this one still waited.
	 */
	private static final class CheckingResolver implements DnsResolver {

		private final WebhookTargets targets;

		private final Duration timeout;

		private final ExecutorService lookups = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "webhook-dns");
			thread.setDaemon(true);
			return thread;
		});

		CheckingResolver(WebhookTargets targets, Duration timeout) {
			this.targets = targets;
			this.timeout = timeout;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			Future<InetAddress[]> lookup = this.lookups.submit(() -> this.targets.resolve(host));
			try {
				return lookup.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				lookup.cancel(true);
				throw new UnknownHostException(host + " (not resolved within " + this.timeout.toSeconds() + " s)");
			}
			catch (InterruptedException ex) {
				lookup.cancel(true);
				Thread.currentThread().interrupt();
				throw new UnknownHostException(host + " (resolution interrupted)");
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof UnknownHostException unknown) {
					throw unknown;
				}
				if (ex.getCause() instanceof RuntimeException refused) {
					throw refused;
				}
				throw new UnknownHostException(host);
			}
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			// only asked for by authentication schemes (Kerberos) that webhooks never use: no second look-up
			return host;
		}

	}

}
