package etax.declaration.submission;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counters of the intake: {@code etax.declaration.received} and {@code etax.declaration.accepted} by
 * form ({@code form.type}, a bounded set from the catalog), {@code etax.declaration.rejected} by
 * {@code reason}. Never a taxpayer id.
 */
@Component
class IntakeMetrics {

	private final MeterRegistry meters;

	IntakeMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void received(String formCode, ReturnStatus status) {
		this.meters.counter("etax.declaration.received", "form.type", formCode).increment();
		if (status == ReturnStatus.ACCEPTED) {
			this.meters.counter("etax.declaration.accepted", "form.type", formCode).increment();
		}
		else {
			rejected("not-accepted");
		}
	}

	void rejected(String reason) {
		this.meters.counter("etax.declaration.rejected", "reason", reason).increment();
	}

}
