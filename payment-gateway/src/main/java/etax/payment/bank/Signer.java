package etax.payment.bank;

import org.jspecify.annotations.Nullable;

/**
 * Who signed a message, as verified.
 *
 * @param keyId the key that verified the signature
 * @param bankCode the bank owning the key, or {@code null} for the gateway's own intake key (the
 * gateway checked the bank itself before it signed: an authenticated HTTP caller or an officer)
 */
public record Signer(String keyId, @Nullable String bankCode) {

	/** Whether this signer may speak for a bank: its own key, or the gateway's intake. */
	public boolean mayConfirmFor(String bankCode) {
		return this.bankCode == null || this.bankCode.equals(bankCode);
	}

}
