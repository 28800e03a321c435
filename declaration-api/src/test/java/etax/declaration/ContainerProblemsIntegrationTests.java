package etax.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses before any service code runs answer in the one error shape, not with the
 * container's HTML page. Sent over a raw socket: HTTP clients refuse to send such requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class ContainerProblemsIntegrationTests {

	private static final String MALFORMED = "\"type\":\"https://etax.example/problems/malformed-request\"";

	@LocalServerPort
	int port;

	@Test
	void anEncodedNulInThePathIsAMalformedRequestProblem() throws IOException {
		String answer = send("GET /api/v1/returns/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("Content-Type: application/problem+json")
			.contains(MALFORMED)
			.doesNotContain("<html");
	}

	@Test
	void aControlCharacterInAHeaderIsAMalformedRequestProblem() throws IOException {
		String answer = send("GET /api/v1/returns HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400").contains(MALFORMED).doesNotContain("<html");
	}

	@Test
	void anOversizedHeaderIsAProblem() throws IOException {
		String answer = send("GET /api/v1/returns HTTP/1.1\r\nHost: localhost\r\nX-Note: " + "a".repeat(20_000)
				+ "\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 4").contains("\"type\":\"https://etax.example/problems/")
			.doesNotContain("<html");
	}

	@Test
	void aServiceProblemIsLeftAsTheServiceWroteIt() throws IOException {
		String answer = send("GET /api/v1/returns HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 401").contains("\"type\":\"https://etax.example/problems/unauthenticated\"");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
