package etax.payment.confirmation;

import java.time.Instant;

/**
 * A confirmation as the gateway recorded it.
 *
 * @param confirmation the confirmation; posting ids come from {@link BankConfirmation#postingId(int)}
 * @param contentHash SHA-256 (hex) of its business content
 * @param receivedAt when it was recorded
 * @param source where it was read
 */
public record RecordedConfirmation(BankConfirmation confirmation, String contentHash, Instant receivedAt,
		MessagePosition source) {

}
