package etax.schemas;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Something a hostile return points at: a local file and a local HTTP endpoint, both holding a secret
 * marker. The HTTP endpoint counts requests, so a test can prove that nothing was fetched at all.
 */
final class Bait implements AutoCloseable {

	final String marker = "SECRET-" + UUID.randomUUID();

	final Path file;

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	Bait(Path directory) {
		try {
			this.file = Files.writeString(directory.resolve("secret.txt"), this.marker);
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.server.createContext("/", (exchange) -> {
				this.requests.incrementAndGet();
				byte[] body = this.marker.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String fileUri() {
		return this.file.toUri().toString();
	}

	String httpUri() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort()
				+ "/secret";
	}

	int requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
