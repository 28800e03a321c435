package etax.access;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Which tokens a service accepts: those its identity provider signed ({@code jwk-set-uri}, or a fixed RSA
 * public key for a local run and tests), naming it as issuer and the API as audience.
 *
 * @param issuer the required {@code iss}; no default, so that a service never starts accepting anything
 * @param jwkSetUri where the issuer publishes its signing keys
 * @param publicKeyLocation an X.509 PEM RSA public key, when there is no key set to fetch
 * @param audience the required {@code aud}
 */
@ConfigurationProperties("etax.access")
public record AccessProperties(@Nullable String issuer, @Nullable URI jwkSetUri, @Nullable Resource publicKeyLocation,
		@DefaultValue("etax-api") String audience) {

}
