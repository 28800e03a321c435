package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.bank.BankRegistry;
import etax.payment.bank.InvalidSignatureException;
import etax.payment.bank.UnreadableKeyException;
import etax.payment.office.OfficeScope;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer re-drives a rejected message, as it was or corrected: it is checked as the listener
 * would, published again to {@value PaymentRecording#CONFIRMATIONS_TOPIC} through the outbox (signed
 * with the gateway's intake key, the officer vouching for it) and the rejection is marked re-driven in
 * the same transaction. The listener then records it like any other message, exactly once by its key,
 * naming the rejection it came from (so the officer's view tells it from the bank's own message); if it is
 * rejected again, that is a new rejection, which can be re-driven in turn. Nothing is dropped.
 *
 * <p>
 * The officer vouches only for what the bank is shown to have sent. A message whose bank signature failed
 * is never re-driven, nor one that confirms for another bank than the one that sent it; one signed with a key
 * registered in a form the gateway could not read is re-driven only once its signature verifies with the key as
 * an operator corrected it, and then as that key's bank's only. A correction keeps
 * who sent the message and what it says was paid ({@link PaymentFacts}); a message that does not state them
 * readably is not corrected at all.
 */
@Service
public class RejectionRedrive {

	private final RejectedMessageRepository rejections;

	private final ConfirmationPublishing publishing;

	private final Outbox outbox;

	private final BankRegistry banks;

	private final Clock clock;

	RejectionRedrive(RejectedMessageRepository rejections, ConfirmationPublishing publishing, Outbox outbox,
			BankRegistry banks, Clock clock) {
		this.rejections = rejections;
		this.publishing = publishing;
		this.outbox = outbox;
		this.banks = banks;
		this.clock = clock;
	}

	/**
	 * Re-drives a rejection.
	 * @param id the rejection
	 * @param correctedValue the corrected message, or null to send it as it was
	 * @param contentType the corrected message's content type (ignored without one)
	 * @param officer who re-drives it
	 * @param scope what the officer reads: a rejection is of no office (ADR 0022), so only the payment desk and
	 * national officers find it
	 * @return what was published
	 */
	@Transactional
	public Redriven redrive(long id, @Nullable String correctedValue, @Nullable String contentType, String officer,
			OfficeScope scope) {
		RejectedMessage rejected = this.rejections.find(id)
			.filter((found) -> scope.sees(null))
			.orElseThrow(() -> RejectionNotFoundException.forId(id));
		if (rejected.redrivenAt() != null) {
			throw AlreadyRedrivenException.forId(id);
		}
		if (RejectionReason.SIGNATURE_INVALID.code().equals(rejected.reason())) {
			// nothing proves the bank sent it: re-driving it, as it was or "corrected", would sign it with the
			// gateway's intake key and record it as the bank's; only the bank can send it again, signed
			throw NotRedrivableException.unsigned(id);
		}
		String sender = (rejected.signature() != null) ? verifiedSender(rejected) : rejected.sender();
		if (sender == null) {
			throw NotRedrivableException.senderUnknown(id);
		}
		String value = (correctedValue != null) ? correctedValue : rejected.value();
		String type = (correctedValue != null) ? contentType : rejected.contentType();
		if (value == null || value.isEmpty()) {
			throw NotRedrivableException.empty(id);
		}
		Map<String, String> original = (correctedValue != null) ? original(rejected, sender) : Map.of();
		List<BankConfirmation> confirmations = this.publishing.check(value, type, null);
		if (correctedValue == null) {
			if (confirmations.stream().anyMatch((c) -> !c.bankCode().equals(sender))) {
				throw NotRedrivableException.forAnotherBank(id, sender);
			}
		}
		else {
			List<String> changed = PaymentFacts.changed(original, PaymentFacts.of(confirmations));
			if (!changed.isEmpty()) {
				throw RedriveChangesPaymentException.of(id, sender, changed);
			}
		}
		UUID messageId = UUID.randomUUID();
		// built before the rejection is marked: a message too large to publish is refused (413), not marked
		// re-driven and then parked by the outbox relay
		OutboxMessage message = this.publishing.message(confirmations, value, type, messageId,
				Map.of(RedriveClaim.REDRIVE_OF, Long.toString(id), "etax.channel", "redrive"));
		Instant now = this.clock.instant();
		if (!this.rejections.markRedriven(id, now, officer, messageId)) {
			throw AlreadyRedrivenException.forId(id);
		}
		this.outbox.append(message);
		return new Redriven(id, messageId, Objects.requireNonNull(now), officer);
	}

	/**
	 * The bank whose key verifies, now, the signature of a message that came signed with a key the gateway could not
	 * read: anyone may name a key id, so only a signature verified with the key as corrected shows the bank sent it.
	 * @return that bank, or null for the gateway's intake key
	 */
	private @Nullable String verifiedSender(RejectedMessage rejected) {
		String value = (rejected.value() != null) ? rejected.value() : "";
		try {
			return this.banks.verify(rejected.signature(), value.getBytes(StandardCharsets.UTF_8)).bankCode();
		}
		catch (UnreadableKeyException ex) {
			throw NotRedrivableException.keyUnreadable(rejected.id());
		}
		catch (InvalidSignatureException ex) {
			throw NotRedrivableException.unsigned(rejected.id());
		}
	}

	private static Map<String, String> original(RejectedMessage rejected, String sender) {
		try {
			return PaymentFacts.ofOriginal(rejected.value(), rejected.contentType(), sender);
		}
		catch (PaymentFacts.Unreadable ex) {
			throw NotRedrivableException.unreadable(rejected.id(), ex.getMessage());
		}
		catch (PaymentFacts.ForAnotherBank ex) {
			throw NotRedrivableException.forAnotherBank(rejected.id(), sender);
		}
	}

	/**
	 * A re-driven rejection.
	 * @param id the rejection
	 * @param messageId the id of the message published again ({@code etax.message-id} header)
	 * @param redrivenAt when
	 * @param redrivenBy by whom
	 */
	public record Redriven(long id, UUID messageId, Instant redrivenAt, String redrivenBy) {

	}

}
