package etax.payment.confirmation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record the gateway will not record, and why.
 *
 * @param source where it was read
 * @param key the record key as received
 * @param value the record value as received
 * @param reason the reason
 * @param detail the broken rule, in words, without personal data
 * @param receivedAt when this poll was recorded
 */
record Rejection(MessagePosition source, @Nullable String key, @Nullable String value, RejectionReason reason,
		String detail, Instant receivedAt) {

	/** The same bank code and reference as a recorded confirmation, with other content. */
	static Rejection conflict(ReceivedConfirmation received) {
		BankConfirmation confirmation = received.confirmation();
		return new Rejection(received.source(), received.key(), received.rawValue(), RejectionReason.CONFLICT,
				"bank " + confirmation.bankCode() + " reference " + confirmation.bankReference()
						+ " is already recorded with different content; the recorded confirmation is kept",
				received.receivedAt());
	}

}
