package etax.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The token verifier every service shares: RS256 only (so {@code alg: none} and HMAC tokens are refused),
 * the configured issuer and audience, and expiry with the default minute of clock skew. A token seen before
 * is not verified again, only re-validated ({@link VerifiedTokens}).
 */
@AutoConfiguration
@EnableConfigurationProperties(AccessProperties.class)
public class AccessAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(AccessProperties properties) {
		String issuer = properties.issuer();
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalStateException("etax.access.issuer is not set: the service cannot tell whose tokens to trust");
		}
		NimbusJwtDecoder decoder;
		if (properties.jwkSetUri() != null) {
			decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
		}
		else if (properties.publicKeyLocation() != null) {
			decoder = NimbusJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation()))
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
		}
		else {
			throw new IllegalStateException(
					"Neither etax.access.jwk-set-uri nor etax.access.public-key-location is set: no key to verify tokens");
		}
		// a token without exp would never expire: the default timestamp check lets it through
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(issuer), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(properties.audience())),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator, VerifiedTokens.DEFAULT_CAPACITY);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiSecurity apiSecurity(AccessProperties properties) {
		return new ApiSecurity(new CallerTokens(), properties.issuer());
	}

	/**
	 * Requests the firewall refuses answer 400 as a problem; Spring Security uses this bean in place of its
	 * default, which answered through an error dispatch that needed a caller (401).
	 */
	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler requestRejectedHandler() {
		return new ProblemAnswers();
	}

	/** Whatever no exception handler of the service answered: a 500 problem with an incident id. */
	@Bean
	@ConditionalOnMissingBean
	UnexpectedFailures unexpectedFailures() {
		return new UnexpectedFailures();
	}

	/**
	 * No observation of the security filters, authentications or authorizations: requests stay observed
	 * (and timed) as a whole. Turned off by {@code management.observations.enable.spring.security} alone,
	 * each filter was still wrapped in a decorator asking for an observation it then discarded, a few per
	 * cent of a filing's CPU.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** What Tomcat refuses before a service sees it (an encoded NUL, a control character in a header): a problem. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.valves.ErrorReportValve",
			"org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory" })
	static class TomcatProblems {

		@Bean
		ContainerProblemsCustomizer containerProblemsCustomizer() {
			return new ContainerProblemsCustomizer();
		}

	}

	/** The bearer token and the error answers every operation shares, in each service's API documentation. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
	static class ApiDocs {

		@Bean
		ApiProblemDocs apiProblemDocs(Environment environment) {
			return new ApiProblemDocs("e-tax " + environment.getProperty("spring.application.name", "API"));
		}

	}

	private static RSAPublicKey publicKey(Resource location) {
		try (InputStream pem = location.getInputStream()) {
			return RsaKeyConverters.x509().convert(pem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token signing key at " + location, ex);
		}
	}

}
