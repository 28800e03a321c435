/**
 * Bank → us: payment confirmations from {@code bank.payment-confirmations.v1}, recorded exactly once.
 *
 * <p>
 * The public surface is {@link etax.payment.confirmation.PaymentRecording} (record a poll, read what was
 * recorded or rejected), the confirmation records, and the {@link etax.payment.confirmation.PaymentRecorded}
 * event, which is published in-process inside the recording transaction and also leaves through the
 * outbox to {@code etax.payments.v1}. See docs/adr/0003-payment-exactly-once.md.
 */
@NullMarked
package etax.payment.confirmation;

import org.jspecify.annotations.NullMarked;
