package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import etax.outbox.OutboxMessage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dead letter carries the headers of the record it came in (the bank's signature among them) under its own;
 * a conflict's carries the recorded version beside the rejected one while both fit in one record;
 * beyond, a header says where the recorded one is read, and the record still fits (the producer would refuse it
 * and the outbox park it: it would never reach the topic).
 */
class DeadLettersTests {

	@Test
	void aConflictCarriesTheRecordedVersionWhileBothFitInOneRecord() {
		OutboxMessage message = DeadLetters.message(conflict("r".repeat(1_000), "v".repeat(1_000)), Map.of());

		assertThat(message.headers()).containsEntry(DeadLetters.RECORDED_VALUE, "v".repeat(1_000))
			.doesNotContainKey(DeadLetters.RECORDED_VALUE_OMITTED);
	}

	@Test
	void aConflictWhoseVersionsTogetherAreOverARecordNamesWhereTheRecordedOneIsRead() {
		String rejected = "r".repeat(600_000);
		OutboxMessage message = DeadLetters.message(conflict(rejected, "v".repeat(600_000)), Map.of());

		assertThat(message.payload()).isEqualTo(rejected);
		assertThat(message.headers()).doesNotContainKey(DeadLetters.RECORDED_VALUE)
			.hasEntrySatisfying(DeadLetters.RECORDED_VALUE_OMITTED,
					(why) -> assertThat(why).contains("/api/v1/payments/confirmations/"));
		long size = rejected.length() + message.key().length() + message.headers()
			.entrySet()
			.stream()
			.mapToLong((h) -> h.getKey().length() + h.getValue().length())
			.sum();
		assertThat(size).isLessThanOrEqualTo(MessageTooLargeException.MAX_BYTES);
	}

	@Test
	void aValueNearTheMostOfARecordLeavesItsOriginalHeadersOut() {
		RecordHeaders original = new RecordHeaders();
		original.add("etax.signature", "s".repeat(8_000).getBytes(StandardCharsets.UTF_8));
		String rejected = "r".repeat(MessageTooLargeException.MAX_BYTES - 4_000);

		OutboxMessage message = DeadLetters.message(conflict(rejected, null), DeadLetters.carried(original));

		assertThat(message.headers()).doesNotContainKey("etax.signature")
			.containsKey(DeadLetters.ORIGINAL_HEADERS_OMITTED)
			.containsEntry(DeadLetters.REASON, RejectionReason.CONFLICT.code());
		assertThat(DeadLetters.message(conflict("r", null), DeadLetters.carried(original)).headers())
			.containsKey("etax.signature")
			.doesNotContainKey(DeadLetters.ORIGINAL_HEADERS_OMITTED);
	}

	@Test
	void carriesTheOriginalHeadersUnderItsOwnReasons() {
		RecordHeaders original = new RecordHeaders();
		original.add("etax.signature", "eyJhbGciOiJSUzI1NiJ9..c2ln".getBytes(StandardCharsets.UTF_8));
		original.add("etax.dlq.reason", "made-up".getBytes(StandardCharsets.UTF_8));
		original.add("etax.channel", "a\u0000b".getBytes(StandardCharsets.UTF_8));
		original.add("empty", null);
		original.add("x\u0000y", "v".getBytes(StandardCharsets.UTF_8));

		OutboxMessage message = DeadLetters.message(conflict("r", "v"), DeadLetters.carried(original));

		assertThat(message.headers()).containsEntry("etax.signature", "eyJhbGciOiJSUzI1NiJ9..c2ln")
			.containsEntry("etax.channel", "a\uFFFDb")
			.containsEntry("x\uFFFDy", "v")
			.containsEntry(DeadLetters.REASON, RejectionReason.CONFLICT.code())
			.doesNotContainKey("empty");
	}

	private static Rejection conflict(String rejected, String recorded) {
		return new Rejection(new MessagePosition("bank.payments.v1", 0, 42), 0, "0101234567", rejected,
				"application/json", RejectionReason.CONFLICT, "the bank sent another version of a recorded confirmation",
				recorded, Instant.parse("2026-04-20T03:00:00Z"), List.of(), "01202001", null);
	}

}
