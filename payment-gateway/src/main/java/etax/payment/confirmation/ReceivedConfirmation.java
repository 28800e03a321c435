package etax.payment.confirmation;

import java.time.Instant;

/**
 * A valid confirmation on its way into the database, with what the gateway stores beside it.
 *
 * @param confirmation the confirmation
 * @param key the record key as received (the payer MST, perhaps not in canonical form)
 * @param contentHash its content hash
 * @param rawValue the record value as received
 * @param source where it was read
 * @param receivedAt when this poll was recorded
 */
record ReceivedConfirmation(BankConfirmation confirmation, String key, String contentHash, String rawValue,
		MessagePosition source, Instant receivedAt) {

	ConfirmationKey confirmationKey() {
		return new ConfirmationKey(this.confirmation.bankCode(), this.confirmation.bankReference());
	}

	/** What identifies a confirmation: the bank and its reference. */
	record ConfirmationKey(String bankCode, String bankReference) {

	}

}
