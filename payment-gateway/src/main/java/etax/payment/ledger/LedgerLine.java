package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of a taxpayer's ledger, as stored.
 *
 * @param entryId the entry it is half of
 * @param side {@code D} or {@code C}
 * @param entryType what the entry records
 * @param account the account kind
 * @param subItem the sub-item
 * @param taxPeriod the period, for obligations
 * @param amount whole VND
 * @param valueDate the business date
 * @param bookedAt when it was written
 * @param payableItemId the obligation it concerns, if any
 * @param postingId the payment line, if any
 * @param reversesEntry the entry a reversal takes back
 */
public record LedgerLine(UUID entryId, String side, String entryType, String account, String subItem,
		@Nullable String taxPeriod, BigDecimal amount, LocalDate valueDate, Instant bookedAt,
		@Nullable String payableItemId, @Nullable UUID postingId, @Nullable UUID reversesEntry) {

}
