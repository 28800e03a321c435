package etax.devstack.pki;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A trust store written by {@link TestPki}, and how a service loads it.
 *
 * @param path where it is
 * @param type {@code PKCS12} or {@code PEM}
 * @param password the store password, {@code null} for PEM
 */
public record TrustStoreFile(Path path, String type, @Nullable String password) {

	public TrustStoreFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(type, "type");
	}

	/**
	 * The declaration-api properties that make its signature verification trust this store.
	 * @return property name to value, for a {@code MapPropertySource} or a child process's arguments
	 */
	public Map<String, Object> signatureProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("etax.declaration.signature.trust-store.location", this.path.toUri().toString());
		properties.put("etax.declaration.signature.trust-store.type", this.type);
		if (this.password != null) {
			properties.put("etax.declaration.signature.trust-store.password", this.password);
		}
		return properties;
	}

}
