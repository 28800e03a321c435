package etax.payment.confirmation;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The counters of confirmation recording. The only tag is the rejection reason, a closed set; never an
 * MST or a bank reference. All counters exist from the start, so a dashboard shows zero, not nothing.
 */
@Component
class RecordingMetrics {

	private final Counter recorded;

	private final Counter duplicate;

	private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

	RecordingMetrics(MeterRegistry meters) {
		this.recorded = Counter.builder("etax.payment.confirmation.recorded")
			.description("Bank confirmations recorded for the first time")
			.register(meters);
		this.duplicate = Counter.builder("etax.payment.confirmation.duplicate")
			.description("Bank confirmations received again with the same content (redeliveries, resends)")
			.register(meters);
		for (RejectionReason reason : RejectionReason.values()) {
			this.rejected.put(reason, Counter.builder("etax.payment.confirmation.rejected")
				.description("Records rejected to the dead-letter topic")
				.tag("reason", reason.code())
				.register(meters));
		}
	}

	void count(PaymentRecording.Outcome outcome) {
		this.recorded.increment(outcome.recorded());
		this.duplicate.increment(outcome.duplicates());
		outcome.rejected().forEach((rejection) -> this.rejected.get(rejection.reason()).increment());
	}

}
