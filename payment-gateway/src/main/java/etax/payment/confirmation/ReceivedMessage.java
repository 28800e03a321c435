package etax.payment.confirmation;

import java.util.List;

import org.apache.kafka.common.header.Headers;

import org.jspecify.annotations.Nullable;

/**
 * What one record of a poll holds once verified, read and checked: its confirmations, or why it is rejected,
 * and whether the gateway's intake published it as an officer's re-drive.
 *
 * @param valid its confirmations, in the message's order; empty when it is rejected
 * @param rejection why it is rejected, or null
 * @param redrive the re-drive it claims to come from, for a record the intake key signed, or null
 * @param unstorable its rejection should PostgreSQL refuse a value of it that no check caught (a bug): then the
 * record is kept as that, reason {@code unstorable}, rather than fail its poll for ever
 * @param headers the record's headers, which the dead letters of its rejections carry ({@link DeadLetters#carried}, made
 * only for those)
 */
record ReceivedMessage(List<ReceivedConfirmation> valid, @Nullable Rejection rejection, @Nullable RedriveClaim redrive,
		Rejection unstorable, Headers headers) {

	ReceivedMessage {
		valid = List.copyOf(valid);
	}

	/** Where the record was read. */
	MessagePosition source() {
		return this.unstorable.source();
	}

	/** The same record, rejected as one PostgreSQL refuses. */
	ReceivedMessage refused() {
		return new ReceivedMessage(List.of(), this.unstorable, null, this.unstorable, this.headers);
	}

}
