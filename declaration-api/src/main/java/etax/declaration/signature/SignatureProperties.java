package etax.declaration.signature;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * Settings of signature verification ({@code etax.declaration.signature.*}).
 *
 * @param required whether every return must carry a valid signature; when {@code true} (production) a trust
 * store must be configured or the service does not start. When {@code false} (development, tests without
 * PKI) unsigned returns pass, signed ones are still checked, and without a trust store their certificate
 * chain and revocation are not.
 * @param trustStore the certification authorities whose certificates are trusted, or {@code null}
 * @param crls locations of CRL files (PEM or DER, one or more CRLs each); empty: no revocation check
 * @param sha1AllowedBefore RSA-SHA1 and SHA-1 digests, and RSA keys shorter than 2048 bits (of 1024 or more), are
 * accepted only for returns whose tax period starts before this day
 */
@Validated
@ConfigurationProperties("etax.declaration.signature")
record SignatureProperties(@DefaultValue("false") boolean required, @Valid @Nullable TrustStore trustStore,
		@DefaultValue List<String> crls,
		@DefaultValue("2022-01-01") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sha1AllowedBefore) {

	/**
	 * A trust store.
	 *
	 * @param location a file path, a {@code file:} URL or a {@code classpath:} resource
	 * @param type {@code PKCS12}, {@code JKS} or {@code PEM} (concatenated certificates)
	 * @param password the store password; not needed for PEM
	 */
	record TrustStore(@NotBlank String location, @DefaultValue("PKCS12") String type, @Nullable String password) {

	}

}
