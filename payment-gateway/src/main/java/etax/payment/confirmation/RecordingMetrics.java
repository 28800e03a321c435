package etax.payment.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The meters of confirmation recording. Tags are closed sets (status, rejection reason); never an MST
 * or a bank reference. All counters exist from the start, so a dashboard shows zero, not nothing.
 *
 * <ul>
 * <li>{@code etax.payment.confirmation.recorded{status}}: recorded for the first time</li>
 * <li>{@code etax.payment.confirmation.duplicate}: received again with the same content</li>
 * <li>{@code etax.payment.confirmation.conflicting}: the same key with other content (also counted in
 * {@code rejected{reason=conflict}})</li>
 * <li>{@code etax.payment.confirmation.rejected{reason}}: dead-lettered</li>
 * <li>{@code etax.payment.confirmation.latency}: from the bank's send time to the commit that recorded it;
 * never negative: a confirmation whose send time is after its commit (the bank's clock ahead, within
 * {@code etax.payment.confirmation.sent-at-tolerance}) has no latency to measure and is counted in
 * {@code etax.payment.confirmation.latency.unmeasured} instead</li>
 * <li>{@code etax.payment.confirmation.commit}: from the poll reaching the listener to its commit, per
 * recorded confirmation</li>
 * </ul>
 */
@Component
class RecordingMetrics {

	private final Map<BankConfirmation.Status, Counter> recorded = new EnumMap<>(BankConfirmation.Status.class);

	private final Counter duplicate;

	private final Counter conflicting;

	private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

	private final Timer latency;

	private final Timer commit;

	private final Counter unmeasured;

	RecordingMetrics(MeterRegistry meters) {
		for (BankConfirmation.Status status : BankConfirmation.Status.values()) {
			this.recorded.put(status, Counter.builder("etax.payment.confirmation.recorded")
				.description("Bank confirmations recorded for the first time")
				.tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
				.register(meters));
		}
		this.duplicate = Counter.builder("etax.payment.confirmation.duplicate")
			.description("Bank confirmations received again with the same content (redeliveries, resends)")
			.register(meters);
		this.conflicting = Counter.builder("etax.payment.confirmation.conflicting")
			.description("Bank confirmations whose key was recorded with other content (dead-lettered with both)")
			.register(meters);
		for (RejectionReason reason : RejectionReason.values()) {
			this.rejected.put(reason, Counter.builder("etax.payment.confirmation.rejected")
				.description("Records rejected to the dead-letter topic")
				.tag("reason", reason.code())
				.register(meters));
		}
		this.latency = Timer.builder("etax.payment.confirmation.latency")
			.description("From the bank's send time to the commit that recorded the confirmation")
			.publishPercentiles(0.5, 0.99)
			.publishPercentileHistogram()
			.register(meters);
		this.unmeasured = Counter.builder("etax.payment.confirmation.latency.unmeasured")
			.description("Recorded confirmations sent, by the bank's clock, after their commit: not in the latency")
			.register(meters);
		this.commit = Timer.builder("etax.payment.confirmation.commit")
			.description("From the poll reaching the listener to its database commit, per recorded confirmation")
			.publishPercentiles(0.5, 0.99)
			.publishPercentileHistogram()
			.register(meters);
	}

	void count(PaymentRecording.Outcome outcome, Instant consumedAt, Instant committedAt) {
		Duration pollTime = Duration.between(consumedAt, committedAt);
		for (BankConfirmation confirmation : outcome.recorded()) {
			this.recorded.get(confirmation.status()).increment();
			Duration latency = Duration.between(confirmation.sentAt(), committedAt);
			if (latency.isNegative()) {
				this.unmeasured.increment();
			}
			else {
				this.latency.record(latency);
			}
			this.commit.record(pollTime);
		}
		this.duplicate.increment(outcome.duplicates());
		outcome.rejected().forEach((rejection) -> {
			this.rejected.get(rejection.reason()).increment();
			if (rejection.reason() == RejectionReason.CONFLICT) {
				this.conflicting.increment();
			}
		});
	}

}
