package etax.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import etax.access.Caller;
import etax.access.Role;

/**
 * The identity provider's token endpoint of the local run (LOCAL RUN ONLY): the OAuth 2.0 client-credentials grant
 * (RFC 6749 §4.4, client authenticated with HTTP Basic) for batch-processor, which files bulk returns at
 * declaration-api as a SERVICE (docs/adr/0013-bulk-filing.md); and the issuer's public key set ({@code /oauth2/jwks}),
 * from which every service verifies tokens, as a deployment's services do from their identity provider's (the
 * production path of {@code etax.access.jwk-set-uri}, not a key file). Its tokens live half an hour, so a run of the stack
 * renews them as a deployment does, instead of holding one token for as long as it runs. The secret is made anew at
 * every start and given only to batch-processor; the endpoint listens on the loopback interface only.
 */
final class DevTokenEndpoint implements AutoCloseable {

	static final String CLIENT_ID = "batch-processor";

	static final Duration LIFETIME = Duration.ofMinutes(30);

	private final HttpServer server;

	private final TokenIssuer issuer;

	private final String secret;

	private DevTokenEndpoint(HttpServer server, TokenIssuer issuer, String secret) {
		this.server = server;
		this.issuer = issuer;
		this.secret = secret;
	}

	/**
	 * @param issuer the local run's issuer, whose tokens the services trust
	 * @return the endpoint, listening on a free port of the loopback interface
	 */
	static DevTokenEndpoint start(TokenIssuer issuer) throws IOException {
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		DevTokenEndpoint endpoint = new DevTokenEndpoint(server, issuer, HexFormat.of().formatHex(secret));
		server.createContext("/oauth2/token", endpoint::token);
		server.createContext("/oauth2/jwks", endpoint::keySet);
		server.start();
		return endpoint;
	}

	/**
	 * @return the properties that register the endpoint as batch-processor's client {@code declaration-api}
	 */
	Map<String, Object> clientProperties() {
		String registration = "spring.security.oauth2.client.registration.declaration-api.";
		return Map.of(registration + "client-id", CLIENT_ID, registration + "client-secret", this.secret,
				registration + "authorization-grant-type", "client_credentials",
				registration + "client-authentication-method", "client_secret_basic",
				"spring.security.oauth2.client.provider.declaration-api.token-uri", tokenUri());
	}

	/**
	 * @return the properties that make a service trust this issuer's tokens through its published key set, as a
	 * deployment does ({@code etax.access.jwk-set-uri}), in place of a key file
	 */
	Map<String, Object> accessProperties() {
		return Map.of("etax.access.jwk-set-uri", base() + "/oauth2/jwks");
	}

	String tokenUri() {
		return base() + "/oauth2/token";
	}

	private String base() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	private void keySet(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				respond(exchange, 405, "{\"error\":\"invalid_request\"}");
				return;
			}
			respond(exchange, 200, this.issuer.publicKeySet());
		}
	}

	private void token(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				respond(exchange, 405, "{\"error\":\"invalid_request\"}");
				return;
			}
			if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
				exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"etax-local\"");
				respond(exchange, 401, "{\"error\":\"invalid_client\"}");
				return;
			}
			String form = new String(exchange.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8);
			if (!grantType(form).equals("client_credentials")) {
				respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
				return;
			}
			String token = this.issuer.sign(this.issuer
				.claims(new Caller(CLIENT_ID, Role.SERVICE, null, null, null), Instant.now(), LIFETIME)
				.build());
			respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
					+ LIFETIME.toSeconds() + "}");
		}
	}

	private boolean authenticated(String authorization) {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + this.secret).getBytes(StandardCharsets.UTF_8));
		return authorization != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				authorization.getBytes(StandardCharsets.UTF_8));
	}

	private static String grantType(String form) {
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals("grant_type")) {
				return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return "";
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
