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
 */
record ReceivedConfirmation(BankConfirmation confirmation, String key, String contentHash, String rawValue,
		@Nullable String contentType, MessagePosition source, int entryIndex, String signedBy, Instant receivedAt) {

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
