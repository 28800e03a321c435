package etax.payment.confirmation;

import java.util.HashMap;
import java.util.Map;

import etax.outbox.OutboxMessage;

/**
 * The dead-letter record of a rejection: the original key and value, unchanged, on
 * {@value PaymentRecording#DEAD_LETTER_TOPIC}, with headers saying why and where it came from; a
 * conflict carries both versions: the rejected one as the value, the recorded one in a header.
 */
final class DeadLetters {

	static final String REASON = "etax.dlq.reason";

	static final String DETAIL = "etax.dlq.detail";

	static final String ORIGINAL_TOPIC = "etax.dlq.original-topic";

	static final String ORIGINAL_PARTITION = "etax.dlq.original-partition";

	static final String ORIGINAL_OFFSET = "etax.dlq.original-offset";

	static final String ENTRY = "etax.dlq.entry";

	/** For a conflict: the message of the confirmation that is recorded, beside the rejected one (the value). */
	static final String RECORDED_VALUE = "etax.dlq.recorded-value";

	private DeadLetters() {
	}

	/**
	 * The outbox cannot carry a null key or value, nor NUL characters (PostgreSQL text): a missing key or
	 * value becomes empty, a NUL becomes U+FFFD. Every other record goes out byte for byte as it came in
	 * (as UTF-8).
	 */
	static OutboxMessage message(Rejection rejection) {
		String key = RejectedMessageRepository.storable(rejection.key());
		String value = RejectedMessageRepository.storable(rejection.value());
		Map<String, String> headers = new HashMap<>(Map.of(REASON, rejection.reason().code(), DETAIL,
				rejection.detail(), ORIGINAL_TOPIC, rejection.source().topic(), ORIGINAL_PARTITION,
				Integer.toString(rejection.source().partition()), ORIGINAL_OFFSET,
				Long.toString(rejection.source().offset()), ENTRY, Integer.toString(rejection.entryIndex())));
		String contentType = RejectedMessageRepository.storable(rejection.contentType());
		if (contentType != null) {
			headers.put(MessageReader.CONTENT_TYPE, contentType);
		}
		if (rejection.recordedValue() != null) {
			headers.put(RECORDED_VALUE, rejection.recordedValue());
		}
		return new OutboxMessage(PaymentRecording.DEAD_LETTER_TOPIC, (key != null) ? key : "",
				(value != null) ? value : "", headers);
	}

}
