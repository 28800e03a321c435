package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A credit held for an officer: its payment line named a payable item of another taxpayer than the payer, or an
 * item that was still not booked a while after the payment was recorded (docs/adr/0006-taxpayer-ledger.md). The
 * money stays the payer's credit naming that item: it is not offset against the payer's items, and the named item
 * is not paid, until two officers resolve it (a correction request {@code APPLY_HELD} or {@code RELEASE_HELD}; of
 * an item never booked only the release) or, for an item never booked, until the item arrives.
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
 * @param reason why it waits for an officer
 * @param resolution how officers resolved it, or null while it waits
 */
public record HeldCredit(UUID creditId, String payerMst, String subItem, BigDecimal amount, BigDecimal remaining,
		LocalDate paidOn, String bankCode, String bankReference, int lineNumber, UUID postingId, Instant creditedAt,
		NamedItem namedItem, Reason reason, @Nullable Resolution resolution) {

	/** Why a credit waits for an officer, a stable word a console may show or filter on. */
	public enum Reason {

		/** The line named an item booked for another taxpayer: to apply to it, or release. */
		ITEM_OF_ANOTHER_TAXPAYER,

		/**
		 * The line named an item that was still not booked when the wait after the payment's recording ended
		 * (a typing error, an item of another system): waiting for an item never booked, to release.
		 */
		ITEM_NEVER_BOOKED

	}

	/**
	 * The payable item a held credit names, as booked; only its id for an item never booked.
	 * @param payableItemId the item
	 * @param mst its taxpayer, null for an item never booked
	 * @param subItem its sub-item, null for an item never booked
	 * @param taxPeriod its period, null for an item never booked
	 * @param outstanding what it still owes, null for an item never booked
	 */
	public record NamedItem(String payableItemId, @Nullable String mst, @Nullable String subItem,
			@Nullable String taxPeriod, @Nullable BigDecimal outstanding) {

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
