package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import etax.outbox.OutboxMessage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The dead-letter record of a rejection: the original key, value and headers, unchanged (the bank's signature still
 * verifies over the value), on {@value PaymentRecording#DEAD_LETTER_TOPIC}, with headers saying why and where it came
 * from; a
 * conflict carries both versions: the rejected one as the value, the recorded one in a header, unless the two
 * together are over what one record may have ({@link MessageTooLargeException#MAX_BYTES}).
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

	/**
	 * For a conflict whose two versions together are over the most a record may have: where the recorded one is
	 * read instead. Without it the record would be refused by the producer and parked, and never reach the topic.
	 */
	static final String RECORDED_VALUE_OMITTED = "etax.dlq.recorded-value-omitted";

	/**
	 * For a record too large to carry its original headers beside the reasons (a value near the most a record may
	 * have): they are left out, so that the dead letter still reaches the topic.
	 */
	static final String ORIGINAL_HEADERS_OMITTED = "etax.dlq.original-headers-omitted";

	private static final String OWN_HEADERS = "etax.dlq.";

	private DeadLetters() {
	}

	/**
	 * The headers of a record as its dead letters carry them: the last value of each name, as text (the outbox
	 * carries text), NUL replaced in names and values as in the value (a NUL in a name stopped the partition: the
	 * outbox's jsonb refuses it); none of a name of the dead letters' own, which say why this gateway rejected it.
	 */
	static Map<String, String> carried(Headers headers) {
		Map<String, String> carried = new LinkedHashMap<>();
		for (Header header : headers) {
			if (header.value() != null && !header.key().startsWith(OWN_HEADERS)) {
				carried.put(RejectedMessageRepository.storable(header.key()),
						RejectedMessageRepository.storable(new String(header.value(), StandardCharsets.UTF_8)));
			}
		}
		return carried;
	}

	/**
	 * The outbox cannot carry a null key or value, nor NUL characters (PostgreSQL text): a missing key or
	 * value becomes empty, a NUL becomes U+FFFD. Every other record goes out byte for byte as it came in
	 * (as UTF-8).
	 * @param originalHeaders the headers of the record it came in ({@link #carried})
	 */
	static OutboxMessage message(Rejection rejection, Map<String, String> originalHeaders) {
		String key = RejectedMessageRepository.storable(rejection.key());
		String value = RejectedMessageRepository.storable(rejection.value());
		Map<String, String> headers = new LinkedHashMap<>(originalHeaders);
		if (bytes(key) + bytes(value) + size(headers) > MessageTooLargeException.MAX_BYTES) {
			// a value near the most a record may have leaves no room for the original headers beside the reasons:
			// the record would be refused by the producer and parked, and never reach the topic
			headers.clear();
			headers.put(ORIGINAL_HEADERS_OMITTED, "the record and its original headers are over the size of one record");
		}
		headers.putAll(Map.of(REASON, rejection.reason().code(), DETAIL,
				rejection.detail(), ORIGINAL_TOPIC, rejection.source().topic(), ORIGINAL_PARTITION,
				Integer.toString(rejection.source().partition()), ORIGINAL_OFFSET,
				Long.toString(rejection.source().offset()), ENTRY, Integer.toString(rejection.entryIndex())));
		String contentType = RejectedMessageRepository.storable(rejection.contentType());
		if (contentType != null) {
			headers.put(MessageReader.CONTENT_TYPE, contentType);
		}
		String recorded = rejection.recordedValue();
		if (recorded != null) {
			long size = bytes(key) + bytes(value) + bytes(RECORDED_VALUE) + bytes(recorded) + size(headers);
			if (size <= MessageTooLargeException.MAX_BYTES) {
				headers.put(RECORDED_VALUE, recorded);
			}
			else {
				headers.put(RECORDED_VALUE_OMITTED, "both versions are over the size of one record: the recorded one "
						+ "is read by its bank and reference (GET /api/v1/payments/confirmations/{bank}/{reference})");
			}
		}
		return new OutboxMessage(PaymentRecording.DEAD_LETTER_TOPIC, (key != null) ? key : "",
				(value != null) ? value : "", headers);
	}

	private static long size(Map<String, String> headers) {
		return headers.entrySet().stream().mapToLong((h) -> bytes(h.getKey()) + bytes(h.getValue())).sum();
	}

	/** Bytes as the record carries it, UTF-8. */
	private static long bytes(@Nullable String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8).length : 0;
	}

}
