package etax.payment.bank;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the bank registry ({@code etax.payment.bank.*}).
 *
 * @param intakeKeyId the JWS {@code kid} the gateway signs with when it publishes a confirmation
 * itself (the HTTP intake, an officer's re-drive)
 * @param intakeSecret the HMAC secret of that key, at least 32 bytes; shared by every gateway instance
 * @param cacheTtl how long a bank or key read from the database is trusted before it is read again
 * @param acceptedIntakeKeyId another key id whose signatures the gateway accepts as its intake's without signing with
 * it, for a change of the intake key without losing what was signed before (ADR 0005); empty for none
 * @param acceptedIntakeSecret that key's HMAC secret, at least 32 bytes when a key id is given
 */
@Validated
@ConfigurationProperties("etax.payment.bank")
record BankProperties(@DefaultValue("etax-gateway-intake") @NotBlank String intakeKeyId,
		@NotBlank @Size(min = 32) String intakeSecret, @DefaultValue("60s") Duration cacheTtl,
		@DefaultValue("") String acceptedIntakeKeyId, @DefaultValue("") String acceptedIntakeSecret) {

	BankProperties {
		if (!acceptedIntakeKeyId.isEmpty() && (acceptedIntakeSecret.getBytes(StandardCharsets.UTF_8).length < 32
				|| acceptedIntakeKeyId.equals(intakeKeyId))) {
			throw new IllegalArgumentException("etax.payment.bank.accepted-intake-key-id needs an "
					+ "accepted-intake-secret of at least 32 bytes, and another id than intake-key-id");
		}
	}

}
