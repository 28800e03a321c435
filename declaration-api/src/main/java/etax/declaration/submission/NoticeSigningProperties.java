package etax.declaration.submission;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The tax authority's key that signs acceptance notices served as XML: a PKCS#12 key store with one key
 * entry and its certificate chain. Without one, the service signs with a key made at start and says so in
 * its log: fine for tests, not for a deployment, where notices must verify against a published certificate.
 *
 * @param keyStore the PKCS#12 file
 * @param keyStorePassword its password (also the key's)
 * @param alias the key entry; the first key entry when empty
 */
@ConfigurationProperties("etax.declaration.notice-signing")
record NoticeSigningProperties(@Nullable Resource keyStore, @DefaultValue("") String keyStorePassword,
		@Nullable String alias) {

}
