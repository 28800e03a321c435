package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A credit held for an officer: its payment line named a payable item of another taxpayer than the payer
 * (docs/adr/0006-taxpayer-ledger.md). The money stays the payer's credit naming that item: it is not
 * offset against the payer's items, and the named item is not paid, until two officers resolve it (a
 * correction request {@code APPLY_HELD} or {@code RELEASE_HELD}).
 *
 * @param creditId the credit
 * @param payerMst the taxpayer the bank confirmed the payment for, whose credit it is
 * @param subItem the sub-item it was paid under
 * @param amount what was credited, whole VND
 * @param remaining what is left (of a resolved one: what is left of it as the payer's credit)
 * @param paidOn the bank-confirmed payment date
 * @param bankCode the bank of the payment
 * @param bankReference the payment's bank reference
 * @param lineNumber the payment line, as a correction request names it
 * @param postingId the payment line (its treasury posting id)
 * @param creditedAt when the credit was booked
 * @param namedItem the item the line named
 * @param resolution how officers resolved it, or null while it waits
 */
public record HeldCredit(UUID creditId, String payerMst, String subItem, BigDecimal amount, BigDecimal remaining,
		LocalDate paidOn, String bankCode, String bankReference, int lineNumber, UUID postingId, Instant creditedAt,
		NamedItem namedItem, @Nullable Resolution resolution) {

	/**
	 * The payable item a held credit names, as booked.
	 * @param payableItemId the item
	 * @param mst its taxpayer
	 * @param subItem its sub-item
	 * @param taxPeriod its period
	 * @param outstanding what it still owes
	 */
	public record NamedItem(String payableItemId, String mst, String subItem, String taxPeriod,
			BigDecimal outstanding) {

	}

	/**
	 * How two officers resolved a held credit, once.
	 * @param kind {@code APPLY_HELD} (applied to the named item) or {@code RELEASE_HELD} (made the payer's own
	 * credit)
	 * @param correctionId the correction request that decided it
	 * @param amount what was held when it was resolved, whole VND
	 * @param applied what of it paid the named item
	 * @param released what of it became the payer's own credit
	 * @param requestedBy the officer who proposed it
	 * @param approvedBy the officer who approved it
	 * @param resolvedAt when
	 */
	public record Resolution(String kind, UUID correctionId, BigDecimal amount, BigDecimal applied,
			BigDecimal released, String requestedBy, String approvedBy, Instant resolvedAt) {

	}

}
