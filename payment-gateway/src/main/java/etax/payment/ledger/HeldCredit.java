package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A credit held for an officer: its payment line named a payable item of another taxpayer than the payer
 * (docs/adr/0006-taxpayer-ledger.md). The money stays the payer's credit naming that item: it is not
 * offset against the payer's items, and the named item is not paid, until an officer acts.
 *
 * @param creditId the credit
 * @param payerMst the taxpayer the bank confirmed the payment for, whose credit it is
 * @param subItem the sub-item it was paid under
 * @param amount what was credited, whole VND
 * @param remaining what is left
 * @param paidOn the bank-confirmed payment date
 * @param bankCode the bank of the payment
 * @param bankReference the payment's bank reference
 * @param postingId the payment line (its treasury posting id)
 * @param creditedAt when the credit was booked
 * @param namedItem the item the line named
 */
public record HeldCredit(UUID creditId, String payerMst, String subItem, BigDecimal amount, BigDecimal remaining,
		LocalDate paidOn, String bankCode, String bankReference, UUID postingId, Instant creditedAt,
		NamedItem namedItem) {

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

}
