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

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

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

	/** The services of the local run verify tokens from the published key set, as a deployment's do. */
	@Test
	void publishesTheIssuersKeySetFromWhichItsTokensVerify() throws Exception {
		TokenIssuer issuer = TokenIssuer.local();
		try (DevTokenEndpoint endpoint = DevTokenEndpoint.start(issuer)) {
			String uri = (String) endpoint.accessProperties().get("etax.access.jwk-set-uri");
			JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(uri).jwsAlgorithm(SignatureAlgorithm.RS256).build();

			Jwt verified = decoder.decode(issuer.officer("99999"));

			assertThat(verified.getClaimAsString(Caller.TAX_OFFICE)).isEqualTo("99999");
			assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
				.body()).as("the public key only").doesNotContain("\"d\"");
		}
	}

}
