package etax.declaration.submission;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The tax authority's key that signs acceptance notices served as XML: a PKCS#12 key store with one key
 * entry and its certificate chain. Without one the service does not start, unless {@code ephemeral} allows a key
 * made at start: fine for tests and local runs, never for a deployment, where every replica must sign notices that
 * verify against one published certificate (until 2026-12 a missing key store was only a warning, and each replica
 * signed with a throwaway key of its own).
 *
 * @param keyStore the PKCS#12 file
 * @param keyStorePassword its password (also the key's)
 * @param alias the key entry; the first key entry when empty
 * @param ephemeral whether, without a key store, notices may be signed with a key made at start (tests and local
 * runs only; false by default)
 */
@ConfigurationProperties("etax.declaration.notice-signing")
record NoticeSigningProperties(@Nullable Resource keyStore, @DefaultValue("") String keyStorePassword,
		@Nullable String alias, @DefaultValue("false") boolean ephemeral) {

}
