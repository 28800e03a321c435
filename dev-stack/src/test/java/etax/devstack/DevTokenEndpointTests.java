package etax.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import etax.access.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The local run's client-credentials grant, as batch-processor's client registration uses it. */
class DevTokenEndpointTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void issuesAServiceTokenOfHalfAnHourToTheClientWithItsSecretOnly() throws Exception {
		try (DevTokenEndpoint endpoint = DevTokenEndpoint.start(TokenIssuer.local())) {
			String secret = (String) endpoint.clientProperties()
				.get("spring.security.oauth2.client.registration.declaration-api.client-secret");

			HttpResponse<String> issued = token(endpoint, secret, "grant_type=client_credentials");

			assertThat(issued.statusCode()).isEqualTo(200);
			assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(issued.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":1800");
			JWTClaimsSet claims = claims(issued.body());
			assertThat(claims.getSubject()).isEqualTo("batch-processor");
			assertThat(claims.getStringClaim(Caller.ROLE)).isEqualTo("SERVICE");
			assertThat(claims.getExpirationTime()).isBefore(new Date(System.currentTimeMillis() + 31 * 60_000L));
			assertThat(token(endpoint, "not-the-secret", "grant_type=client_credentials").statusCode()).isEqualTo(401);
			assertThat(token(endpoint, secret, "grant_type=password").body()).contains("unsupported_grant_type");
		}
	}

	private static HttpResponse<String> token(DevTokenEndpoint endpoint, String secret, String form)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString(("batch-processor:" + secret).getBytes(StandardCharsets.UTF_8));
		return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint.tokenUri()))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JWTClaimsSet claims(String body) throws ParseException {
		String token = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		return SignedJWT.parse(token).getJWTClaimsSet();
	}

}
