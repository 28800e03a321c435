package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A confirmation as the gateway recorded it.
 *
 * @param confirmation the confirmation; posting ids come from {@link BankConfirmation#postingId(int)}
 * @param contentHash SHA-256 (hex) of its business content
 * @param receivedAt when it was recorded
 * @param source where it was read
 * @param amountVnd the total in VND as recorded: what the ledger and the treasury postings hold, so what a
 * view shows, never recomputed from the stored rate
 * @param lineAmountsVnd each line's amount in VND as recorded, in line order
 * @param redrive the officer's re-drive it was recorded from, or null when it is the bank's own message
 */
public record RecordedConfirmation(BankConfirmation confirmation, String contentHash, Instant receivedAt,
		MessagePosition source, BigDecimal amountVnd, List<BigDecimal> lineAmountsVnd, @Nullable RedriveOrigin redrive) {

	public RecordedConfirmation {
		lineAmountsVnd = List.copyOf(lineAmountsVnd);
	}

}
