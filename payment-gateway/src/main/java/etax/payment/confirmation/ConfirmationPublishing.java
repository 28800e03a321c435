package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.outbox.OutboxMessage;
import etax.payment.bank.BankRegistry;
import etax.payment.bank.Signer;
import etax.payment.confirmation.ReversiblePaymentRepository.Reversible;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the gateway does before it publishes a confirmation itself (the HTTP intake, an officer's
 * re-drive): the same reading and checks as the listener's, then the record it will publish, keyed by
 * the payer and signed with the gateway's intake key, so that the listener accepts it as vouched for.
 */
@Component
class ConfirmationPublishing {

	/** The record header with the id the gateway gave a message it published itself. */
	static final String MESSAGE_ID = "etax.message-id";

	private final MessageReader reader = new MessageReader();

	private final ConfirmationChecks checks;

	private final BankRegistry banks;

	private final ReversiblePaymentRepository payments;

	ConfirmationPublishing(ConfirmationChecks checks, BankRegistry banks, ReversiblePaymentRepository payments) {
		this.checks = checks;
		this.banks = banks;
		this.payments = payments;
	}

	/**
	 * Reads and checks a message.
	 * @param bankCode the bank the caller authenticated as, or null for an officer (any bank)
	 * @throws ConfirmationRefusedException if the listener would reject it
	 * @throws BankMismatchException if it confirms for another bank than the caller's
	 */
	List<BankConfirmation> check(String value, @Nullable String contentType, @Nullable String bankCode) {
		try {
			List<BankConfirmation> confirmations = this.reader.readUnkeyed(value, contentType);
			if (bankCode != null && confirmations.stream().anyMatch((c) -> !c.bankCode().equals(bankCode))) {
				throw new BankMismatchException();
			}
			Signer intake = new Signer("intake", null);
			confirmations.forEach((c) -> this.checks.check(intake, c));
			checkReversals(confirmations);
			return confirmations;
		}
		catch (InvalidConfirmationException ex) {
			throw new ConfirmationRefusedException(ex.reason().code(), ex.getMessage());
		}
	}

	/**
	 * A reversal must name a payment that is recorded now (or earlier in the same message, not later): the caller
	 * learns at once, instead of from a dead letter later. The listener checks again when it records, since
	 * the payment may be reversed by another message in between.
	 */
	private void checkReversals(List<BankConfirmation> confirmations) {
		List<@Nullable Reversible> payments = Reversals.namedPayments(confirmations, this.payments);
		for (int i = 0; i < confirmations.size(); i++) {
			BankConfirmation c = confirmations.get(i);
			if (c.reversalOf() != null) {
				String problem = Reversals.problem(c, payments.get(i));
				if (problem != null) {
					throw new InvalidConfirmationException(RejectionReason.INVALID_REVERSAL, problem);
				}
			}
		}
	}

	/**
	 * The record to publish for a checked message.
	 * @throws MessageTooLargeException if the record, key and headers with the value, would be over what the
	 * producer sends: checked here, before anything is published or marked, rather than failed by the producer
	 */
	OutboxMessage message(List<BankConfirmation> confirmations, String value, @Nullable String contentType,
			UUID messageId, Map<String, String> extraHeaders) {
		Map<String, String> headers = new HashMap<>(extraHeaders);
		headers.put(PaymentRecording.SIGNATURE_HEADER, this.banks.signAsIntake(value.getBytes(StandardCharsets.UTF_8)));
		headers.put(MESSAGE_ID, messageId.toString());
		headers.put(MessageReader.CONTENT_TYPE,
				(contentType != null) ? contentType : "application/json");
		OutboxMessage message = new OutboxMessage(PaymentRecording.CONFIRMATIONS_TOPIC,
				confirmations.get(0).payer().value(), value, headers);
		if (size(message.key(), value, headers) > MessageTooLargeException.RECORD_LIMIT) {
			throw MessageTooLargeException.recordOverLimit();
		}
		return message;
	}

	/**
	 * An upper bound of the bytes the producer counts for the record: key, value, header names and values in
	 * UTF-8, and the framing of a batch of one record (under 100 bytes; 1 KiB is kept).
	 */
	private static long size(String key, String value, Map<String, String> headers) {
		long size = 1024 + utf8(key) + utf8(value);
		for (Map.Entry<String, String> header : headers.entrySet()) {
			size += utf8(header.getKey()) + utf8(header.getValue()) + 10;
		}
		return size;
	}

	private static long utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
