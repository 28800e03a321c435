package etax.payment.confirmation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record of {@code bank.payment-confirmations.v1} (or one entry of it) that was not recorded, kept
 * with the reason it was also sent to the dead-letter topic with.
 *
 * @param id the gateway's id of the rejection
 * @param reason the stable reason code ({@code malformed-json}, {@code invalid-mst}, {@code conflict}, …)
 * @param detail what rule was broken, in words
 * @param receivedAt when it was rejected
 * @param source where it was read
 * @param entryIndex the entry of the message that was rejected, 0 when the whole message was
 * @param key the record key as received (an MST, personal data)
 * @param value the record value as received
 * @param contentType the record's content type, if it named one
 * @param recordedValue for a conflict, the message of the confirmation that is recorded
 * @param redrivenAt when an officer re-drove it, if one did
 * @param redrivenBy who did
 * @param bankCode the bank the entry confirmed for, once it was read that far and its signer could speak for
 * that bank
 * @param signerBankCode the bank whose key verified the message, if a bank's key did
 * @param signature the record's signature, kept when the key it names could not be read: nothing verified it, and
 * the message shows no sender until it verifies with the key corrected
 */
public record RejectedMessage(long id, String reason, String detail, Instant receivedAt, MessagePosition source,
		int entryIndex, @Nullable String key, @Nullable String value, @Nullable String contentType,
		@Nullable String recordedValue, @Nullable Instant redrivenAt, @Nullable String redrivenBy,
		@Nullable String bankCode, @Nullable String signerBankCode, @Nullable String signature) {

	/**
	 * The bank that sent it, as far as the gateway can tell: the bank the entry confirmed for once it was read
	 * that far (its signer could speak for it), else the bank whose key signed it; null when neither is known
	 * (no valid signature, or the gateway's intake key on a message that could not be read).
	 */
	public @Nullable String sender() {
		return (this.bankCode != null) ? this.bankCode : this.signerBankCode;
	}

}
