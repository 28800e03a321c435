package etax.batch.reconciliation.inputs;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may send the daily files ({@code etax.batch.reconciliation.signatures.*},
 * docs/adr/0014-reconciliation.md): each carries a detached JWS over its exact bytes, a bank's file by a key
 * that bank registered at the gateway ({@code payment.bank_keys_v1}), the treasury's statement by a key
 * configured here. The banks' keys are the gateway's registry and not repeated here.
 *
 * @param required whether a file without a signature is refused (the default); {@code false} only for the
 * period while senders start signing: an unsigned file is then imported, with a warning in the log, but a
 * file that carries a signature is still refused if it does not verify
 * @param treasuryKeys the treasury's (KBNN) keys by key id ({@code kid})
 * @param sidecarGrace how long a file in the watched directory waits for its signature ({@code <file>.jws})
 * after it was last written; then it is refused as unsigned
 */
@Validated
@ConfigurationProperties("etax.batch.reconciliation.signatures")
record FileSignatureProperties(@DefaultValue("true") boolean required,
		@DefaultValue Map<@NotBlank String, @Valid TreasuryKey> treasuryKeys,
		@DefaultValue("15m") @NotNull Duration sidecarGrace) {

	/**
	 * @param algorithm the JWS algorithm the key signs with, RS256 or ES256
	 * @param publicKey X.509 SubjectPublicKeyInfo, base64 (DER)
	 */
	record TreasuryKey(@NotNull @Pattern(regexp = "RS256|ES256") String algorithm, @NotBlank String publicKey) {
	}

}
