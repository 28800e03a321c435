package etax.payment.confirmation;

import java.time.Instant;
import java.util.List;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;

/**
 * A record (or one entry of it) the gateway will not record, and why.
 *
 * @param source where it was read
 * @param entryIndex the entry of the message that was rejected, 0 when the whole message was
 * @param key the record key as received
 * @param value the record value as received
 * @param contentType the record's content type, if it named one
 * @param reason the reason
 * @param detail the broken rule, in words, without personal data
 * @param recordedValue for a conflict, the message the recorded confirmation came in
 * @param receivedAt when this poll was recorded
 * @param confirmations the bank and reference the entry carried, when it could be read that far and its signer may
 * confirm for that bank; for a message rejected whole, those of each of its entries that could be read so far: the
 * bank's status report lists the rejection under each
 * @param signerBank the bank whose key verified the message, when one did (not for the gateway's intake key): a
 * re-drive may only ever confirm for it
 * @param signature the record's signature, kept when the key it names could not be read, so that nothing verified
 * it: a re-drive verifies it with the key as corrected, and only then knows the bank that sent it
 */
record Rejection(MessagePosition source, int entryIndex, @Nullable String key, @Nullable String value,
		@Nullable String contentType, RejectionReason reason, String detail, @Nullable String recordedValue,
		Instant receivedAt, List<ConfirmationKey> confirmations, @Nullable String signerBank,
		@Nullable String signature) {

	private static final String UNSTORABLE_DETAIL = "the database refused a value of the message that no check "
			+ "caught; report it with this rejection";

	Rejection {
		confirmations = List.copyOf(confirmations);
	}

	static Rejection of(MessagePosition source, @Nullable String key, @Nullable String value,
			@Nullable String contentType, RejectionReason reason, String detail, Instant receivedAt,
			List<ConfirmationKey> confirmations, @Nullable String signerBank) {
		return new Rejection(source, 0, key, value, contentType, reason, detail, null, receivedAt, confirmations,
				signerBank, null);
	}

	/**
	 * A record signed with a key its bank registered in a form the gateway cannot read: the registry's fault, but
	 * nothing shows the bank sent it until its signature verifies, so it names no signer and keeps the signature.
	 */
	static Rejection unreadableKey(MessagePosition source, @Nullable String key, @Nullable String value,
			@Nullable String contentType, Instant receivedAt, String signature) {
		return new Rejection(source, 0, key, value, contentType, RejectionReason.UNREADABLE,
				"the key the message is signed with is registered in a form this gateway cannot read; an operator "
						+ "corrects it, then the message is re-driven if its signature verifies with it",
				null, receivedAt, List.of(), null, signature);
	}

	/**
	 * A record PostgreSQL refused a value of (SQLState class 22) that no check caught: a bug of the checks, kept
	 * for an officer (and a fix, then a re-drive) instead of failing its poll for ever.
	 */
	static Rejection unstorable(MessagePosition source, @Nullable String key, @Nullable String value,
			@Nullable String contentType, Instant receivedAt, List<ConfirmationKey> confirmations,
			@Nullable String signerBank) {
		return of(source, key, value, contentType, RejectionReason.UNSTORABLE, UNSTORABLE_DETAIL, receivedAt,
				confirmations, signerBank);
	}

	/** This rejection's record as one PostgreSQL refused, should it refuse this rejection too. */
	Rejection asUnstorable() {
		return new Rejection(this.source, 0, this.key, this.value, this.contentType, RejectionReason.UNSTORABLE,
				UNSTORABLE_DETAIL, null, this.receivedAt, this.confirmations, this.signerBank, this.signature);
	}

	static Rejection of(ReceivedConfirmation received, RejectionReason reason, String detail) {
		return new Rejection(received.source(), received.entryIndex(), received.key(), received.rawValue(),
				received.contentType(), reason, detail, null, received.receivedAt(), List.of(received.confirmationKey()),
				received.signerBank(), null);
	}

	/**
	 * A pending or failed report of a bank code and reference already booked (debited or reversed): the money is
	 * allocated, and only a reversal takes it back.
	 */
	static Rejection bookedAlready(ReceivedConfirmation received, String recordedValue) {
		BankConfirmation confirmation = received.confirmation();
		return new Rejection(received.source(), received.entryIndex(), received.key(), received.rawValue(),
				received.contentType(), RejectionReason.CONFLICT,
				"bank " + confirmation.bankCode() + " reference " + confirmation.bankReference() + " is booked already: a "
						+ confirmation.status().name() + " report does not undo a booked payment, the bank sends a "
						+ "reversal of it; the booked confirmation is kept",
				recordedValue, received.receivedAt(), List.of(received.confirmationKey()), received.signerBank(), null);
	}

	/** The same bank code and reference as a recorded confirmation, with other content. */
	static Rejection conflict(ReceivedConfirmation received, String recordedValue) {
		BankConfirmation confirmation = received.confirmation();
		return new Rejection(received.source(), received.entryIndex(), received.key(), received.rawValue(),
				received.contentType(), RejectionReason.CONFLICT,
				"bank " + confirmation.bankCode() + " reference " + confirmation.bankReference()
						+ " is already recorded with different content; the recorded confirmation is kept",
				recordedValue, received.receivedAt(), List.of(received.confirmationKey()), received.signerBank(), null);
	}

}
