package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import etax.access.RedactedException;
import etax.payment.bank.BankRegistry;
import etax.payment.bank.ExpiredKeyException;
import etax.payment.bank.InvalidSignatureException;
import etax.payment.bank.Signer;
import etax.payment.bank.UnreadableKeyException;
import etax.payment.confirmation.ConfirmationStateRepository.StoredState;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Verifies, reads and checks one record of {@value PaymentRecording#CONFIRMATIONS_TOPIC}: its signature first, then
 * its value in the format its content type names (JSON or camt.054, one or many confirmations), the banks it states
 * compared with the signer's as soon as it is parsed, before any rule of its content, then every rule of
 * {@link ConfirmationChecks}. The records of a poll are independent, so the recording runs this on every core before
 * its transaction.
 *
 * <p>
 * A message signed with a bank's key whose validity has ended since is refused ({@code signature-invalid}) unless
 * every entry of it is recorded already with the same content: a poll recorded just before the key expired, whose
 * offsets a crash left uncommitted, comes back after it, and must change nothing (ADR 0003) rather than put
 * rejections beside the payments it recorded. Its entries then go on to be judged duplicates; nothing new is
 * recorded on an expired key.
 */
@Component
class ReceivedMessages {

	private static final Logger log = LoggerFactory.getLogger(ReceivedMessages.class);

	private final MessageReader reader = new MessageReader();

	private final BankRegistry banks;

	private final ConfirmationChecks checks;

	private final ConfirmationStateRepository confirmations;

	ReceivedMessages(BankRegistry banks, ConfirmationChecks checks, ConfirmationStateRepository confirmations) {
		this.banks = banks;
		this.checks = checks;
		this.confirmations = confirmations;
	}

	/**
	 * @param record a record of the topic
	 * @param now when its poll reached the listener: the receipt
	 * @return what it holds, or why it is rejected
	 * @throws DataAccessException if the bank registry or reference data could not be read: the database's trouble,
	 * not the record's; the poll fails and is tried again, as a failed recording transaction is
	 */
	ReceivedMessage read(ConsumerRecord<String, String> record, Instant now) {
		MessagePosition source = new MessagePosition(record.topic(), record.partition(), record.offset());
		String contentType = MessageReader.header(record.headers(), MessageReader.CONTENT_TYPE, "contentType");
		Headers headers = record.headers();
		String value = record.value();
		// the bank and reference of each entry, once they could be read and its signer may speak for their bank:
		// that bank's status report lists a rejection of the message under each (the message is all or nothing, so
		// a rule one entry or the message breaks refuses them all); no bank can put entries in another's
		List<ConfirmationKey> carried = List.of();
		String signerBank = null;
		try {
			Signer signer;
			try {
				signer = this.banks.verify(MessageReader.header(record.headers(), PaymentRecording.SIGNATURE_HEADER),
						(value != null) ? value.getBytes(StandardCharsets.UTF_8) : new byte[0]);
			}
			catch (ExpiredKeyException ex) {
				return signedWithExpiredKey(record, source, contentType, headers, ex, now);
			}
			signerBank = signer.bankCode();
			MessageReader.Parsed parsed = this.reader.parse(value, contentType);
			// the banks it confirms for before any other rule: what one bank signed for another is refused for that
			// alone (and never re-driven), not for a rule of its content that an officer's re-drive could mend
			for (String bank : parsed.banks()) {
				ConfirmationChecks.requireSignerFor(signer, bank);
			}
			carried = parsed.keys();
			List<BankConfirmation> read = parsed.read(record.key());
			for (int i = 0; i < read.size(); i++) {
				check(signer, read, i);
			}
			return new ReceivedMessage(received(record, source, contentType, read, signer, now), null,
					(signerBank == null) ? RedriveClaim.of(record.headers()) : null,
					Rejection.unstorable(source, record.key(), value, contentType, now, carried, signerBank), headers);
		}
		catch (InvalidSignatureException ex) {
			return rejected(Rejection.of(source, record.key(), value, contentType, RejectionReason.SIGNATURE_INVALID,
					ex.getMessage(), now, List.of(), null), headers);
		}
		catch (InvalidConfirmationException ex) {
			return rejected(Rejection.of(source, record.key(), value, contentType, ex.reason(), ex.getMessage(), now,
					carried, signerBank), headers);
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (UnreadableKeyException ex) {
			// the registry's fault, but nothing verified the signature: whoever knows the key id can name it, so the
			// rejection names no bank and keeps the signature, which the re-drive verifies with the key corrected
			log.error("A bank's registered key cannot be read keyId={} topic={} partition={} offset={}", ex.keyId(),
					source.topic(), source.partition(), source.offset());
			return rejected(Rejection.unreadableKey(source, record.key(), value, contentType, now,
					Objects.requireNonNull(MessageReader.header(headers, PaymentRecording.SIGNATURE_HEADER))), headers);
		}
		catch (RuntimeException ex) {
			// a bug or a limit this code does not know of, hit by this record alone: it becomes a rejection
			// (an officer sees it, a fix can re-drive it) instead of failing the poll for ever and stopping the
			// partition behind it; the exception's message may quote the record: the log keeps its class only
			log.error("Reading a bank confirmation failed unexpectedly topic={} partition={} offset={}", source.topic(),
					source.partition(), source.offset(), RedactedException.of(ex));
			return rejected(Rejection.of(source, record.key(), value, contentType, RejectionReason.UNREADABLE,
					"the message could not be read; report it with this rejection",
					now, carried, signerBank), headers);
		}
	}

	/**
	 * Checks an entry; the detail of a rule it breaks names it among several, since the whole message is refused and
	 * listed under each entry's reference.
	 */
	private void check(Signer signer, List<BankConfirmation> read, int entry) {
		try {
			this.checks.check(signer, read.get(entry));
		}
		catch (InvalidConfirmationException ex) {
			if (read.size() == 1) {
				throw ex;
			}
			throw new InvalidConfirmationException(ex.reason(), "Ntry[" + entry + "]: " + ex.getMessage());
		}
	}

	/**
	 * A message whose signature verifies with a key of its bank that has expired: its entries, if every one is of
	 * the signer's bank and recorded already with the same content, else a rejection for the signature. The checks
	 * are not run again: they were when it was recorded.
	 */
	private ReceivedMessage signedWithExpiredKey(ConsumerRecord<String, String> record, MessagePosition source,
			@Nullable String contentType, Headers headers, ExpiredKeyException expired, Instant now) {
		Signer signer = expired.signer();
		List<ReceivedConfirmation> received = List.of();
		try {
			List<BankConfirmation> read = this.reader.read(record.key(), record.value(), contentType);
			if (read.stream().allMatch((c) -> signer.mayConfirmFor(c.bankCode()))) {
				received = received(record, source, contentType, read, signer, now);
			}
		}
		catch (RuntimeException ex) {
			// unreadable or invalid now: nothing of it can be recorded already
		}
		if (!received.isEmpty() && recordedAlready(received)) {
			return new ReceivedMessage(received, null, null, Rejection.unstorable(source, record.key(), record.value(),
					contentType, now, List.of(), signer.bankCode()), headers);
		}
		return rejected(Rejection.of(source, record.key(), record.value(), contentType, RejectionReason.SIGNATURE_INVALID,
				expired.getMessage(), now, List.of(), null), headers);
	}

	/** Whether every entry is recorded under its key (booked, or with its status) with the same content. */
	private boolean recordedAlready(List<ReceivedConfirmation> received) {
		for (ReceivedConfirmation r : received) {
			BankConfirmation.Status status = r.confirmation().status();
			StoredState state = this.confirmations
				.states(List.of(r.confirmationKey()), status.isBooked() ? null : status.name())
				.get(r.confirmationKey());
			if (state == null || !state.contentHash().equals(r.contentHash())) {
				return false;
			}
		}
		return true;
	}

	private static List<ReceivedConfirmation> received(ConsumerRecord<String, String> record, MessagePosition source,
			@Nullable String contentType, List<BankConfirmation> read, Signer signer, Instant now) {
		List<ReceivedConfirmation> received = new ArrayList<>(read.size());
		for (int i = 0; i < read.size(); i++) {
			BankConfirmation confirmation = read.get(i);
			received.add(new ReceivedConfirmation(confirmation, Objects.requireNonNull(record.key()),
					confirmation.contentHash(), Objects.requireNonNull(record.value()), contentType, source, i,
					signer.keyId(), now, signer.bankCode(), null));
		}
		return received;
	}

	private static ReceivedMessage rejected(Rejection rejection, Headers headers) {
		return new ReceivedMessage(List.of(), rejection, null, rejection.asUnstorable(), headers);
	}

}
