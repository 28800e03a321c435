package etax.payment.confirmation;

import java.util.List;

/**
 * An officer's corrected message changes who sent the rejected message or what it says was paid: the bank
 * (and reference), payer, currency, rate, amount, payment date, status, reversed payment or a line's chapter,
 * sub-item, tax period or amount. A correction may mend the rest; a payment of other content is for the bank
 * to send, or a correction request with four eyes (docs/adr/0014-reconciliation.md).
 */
public final class RedriveChangesPaymentException extends RuntimeException {

	private final List<String> changed;

	private RedriveChangesPaymentException(String message, List<String> changed) {
		super(message, null, false, false);
		this.changed = List.copyOf(changed);
	}

	static RedriveChangesPaymentException of(long id, String sender, List<String> changed) {
		return new RedriveChangesPaymentException("The corrected message changes what the rejected message " + id
				+ " of bank " + sender + " says was paid or who sent it (" + String.join(", ", changed)
				+ "): a correction may mend the rest of the message, never the bank, reference, payer, currency,"
				+ " amounts, payment date, status or lines", changed);
	}

	/** @return the names of the changed facts ({@code amount}, {@code lines[0].subItem}, …) */
	public List<String> changed() {
		return this.changed;
	}

}
