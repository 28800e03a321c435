package etax.payment.treasury;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money of a taxpayer's credit the ledger refunded on the taxpayer's request (01/ĐNXLNT), which the treasury is
 * asked to pay out of the account it was collected to, to the taxpayer's bank account
 * (docs/adr/0007-treasury-acks.md, addendum "Refund orders").
 *
 * @param postingId the refund order's posting id, name-based on the request
 * @param mst the taxpayer
 * @param paidWith the posting id of the payment line the money was paid with: the treasury, account, chapter and
 * period it is paid out of
 * @param subItem the sub-item it is paid out of, the credit's
 * @param amountVnd whole VND, positive
 * @param orderDate the day of the order: the day the request was approved
 * @param payee the taxpayer's bank account
 */
public record Refund(UUID postingId, String mst, UUID paidWith, String subItem, BigDecimal amountVnd,
		LocalDate orderDate, Payee payee) {

	/**
	 * The bank account a refund order pays into, as the taxpayer gave it on its request.
	 * @param bankCode the bank
	 * @param account the account number
	 * @param name the account holder
	 */
	public record Payee(String bankCode, String account, String name) {

		/** The account number is the taxpayer's data: only its last digits are shown. */
		@Override
		public String toString() {
			return "Payee[bankCode=" + this.bankCode + ", account=…"
					+ this.account.substring(Math.max(0, this.account.length() - 4)) + "]";
		}

	}

}
