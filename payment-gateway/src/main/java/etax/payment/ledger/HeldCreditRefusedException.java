package etax.payment.ledger;

import java.time.Duration;

/**
 * An officer's resolution of a held credit that the ledger does not carry out, and why, in words an officer
 * acts on (no taxpayer data: the officer knows the voucher).
 */
public final class HeldCreditRefusedException extends RuntimeException {

	/** Why a resolution is refused. */
	public enum Reason {

		/** The line has no credit held for an officer (or nothing is left of it). */
		NOT_HELD,

		/** The credit was resolved before: it is resolved once. */
		RESOLVED,

		/** The credit cannot be applied to the item it names. */
		NOT_APPLICABLE

	}

	private final Reason reason;

	private HeldCreditRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	static HeldCreditRefusedException notHeld(String line, Duration unbookedItemWait) {
		return new HeldCreditRefusedException(Reason.NOT_HELD, "No credit of " + line
				+ " is held for an officer: only a payment line that named another taxpayer's payable item waits for one, "
				+ "or one that named an item still not booked " + days(unbookedItemWait)
				+ " after the payment was recorded (until then the item may still arrive and take it)");
	}

	static HeldCreditRefusedException itemNeverBooked(String line) {
		return new HeldCreditRefusedException(Reason.NOT_APPLICABLE, "The item the credit held for " + line
				+ " names was never booked: there is nothing to apply it to; release it to the payer instead");
	}

	/** The wait in words: whole days as configured in production, the exact duration otherwise (tests). */
	private static String days(Duration wait) {
		return (wait.toSeconds() % 86_400 == 0) ? wait.toDays() + " days" : wait.toString();
	}

	static HeldCreditRefusedException nothingLeft(String line) {
		return new HeldCreditRefusedException(Reason.NOT_HELD, "Nothing is left of the credit held for " + line
				+ ": the bank reversed the payment, there is no money to apply or release");
	}

	static HeldCreditRefusedException resolved(String line, String kind, Object correctionId) {
		return new HeldCreditRefusedException(Reason.RESOLVED, "The credit held for " + line + " was resolved already ("
				+ kind + " by correction request " + correctionId + "): a held credit is resolved once");
	}

	static HeldCreditRefusedException otherSubItem(String line, String creditSubItem, String itemSubItem) {
		return new HeldCreditRefusedException(Reason.NOT_APPLICABLE, "The credit held for " + line
				+ " was paid under sub-item " + creditSubItem + " and the item it names is of sub-item " + itemSubItem
				+ ": applying it needs a reclassification at the treasury (a RECODE); release it to the payer instead");
	}

	static HeldCreditRefusedException itemOwesNothing(String line) {
		return new HeldCreditRefusedException(Reason.NOT_APPLICABLE, "The item the credit held for " + line
				+ " names owes nothing now: there is nothing to apply it to; release it to the payer instead");
	}

	public Reason reason() {
		return this.reason;
	}

}
