package etax.payment.confirmation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A valid confirmation on its way into the database, with what the gateway stores beside it.
 *
 * @param confirmation the confirmation
 * @param key the record key as received (the payer MST, perhaps not in canonical form)
 * @param contentHash its content hash
 * @param rawValue the record value as received (the whole message, if it held several entries)
 * @param contentType the record's content type, if it named one
 * @param source where it was read
 * @param entryIndex its entry in the message, from 0
 * @param signedBy the key id that verified the message's signature
 * @param receivedAt when this poll was recorded
 * @param signerBank the bank owning the key that verified it, null for the gateway's intake key
 * @param redriveOf the rejection an officer re-drove it from, once the recording checked the claim against the
 * rejection (the header alone proves nothing)
 */
record ReceivedConfirmation(BankConfirmation confirmation, String key, String contentHash, String rawValue,
		@Nullable String contentType, MessagePosition source, int entryIndex, String signedBy, Instant receivedAt,
		@Nullable String signerBank, @Nullable Long redriveOf) {

	/** The same confirmation, not (or no longer) claimed to come from a re-drive. */
	ReceivedConfirmation withRedriveOf(@Nullable Long rejection) {
		return new ReceivedConfirmation(this.confirmation, this.key, this.contentHash, this.rawValue, this.contentType,
				this.source, this.entryIndex, this.signedBy, this.receivedAt, this.signerBank, rejection);
	}

	ConfirmationKey confirmationKey() {
		return new ConfirmationKey(this.confirmation.bankCode(), this.confirmation.bankReference());
	}

	/** What identifies a confirmation: the bank and its reference. */
	record ConfirmationKey(String bankCode, String bankReference) implements Comparable<ConfirmationKey> {

		@Override
		public int compareTo(ConfirmationKey other) {
			int byBank = this.bankCode.compareTo(other.bankCode);
			return (byBank != 0) ? byBank : this.bankReference.compareTo(other.bankReference);
		}

	}

}
