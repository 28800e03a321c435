package etax.payment.confirmation;

/**
 * A rejected message that an officer may not re-drive (as it was, or corrected): nothing shows which bank
 * sent it (its signature did not verify, or not yet: the key it names is still registered unreadably), it confirms
 * for another bank than the one that sent it, or, for a correction, it does not state readably what was paid. A
 * re-drive would have the gateway vouch for it. The bank must send it again, signed (or an operator correct the
 * key).
 */
public final class NotRedrivableException extends RuntimeException {

	private NotRedrivableException(String message) {
		super(message);
	}

	static NotRedrivableException senderUnknown(long id) {
		return new NotRedrivableException("The rejected message " + id
				+ " shows no bank that sent it (no bank's key signed it, and it could not be read as the gateway's):"
				+ " it cannot be re-driven; the bank must send it again, signed");
	}

	static NotRedrivableException forAnotherBank(long id, String sender) {
		return new NotRedrivableException("The rejected message " + id + " was sent by bank " + sender
				+ " but confirms for another bank: it cannot be re-driven; only that bank can send its confirmations");
	}

	static NotRedrivableException unreadable(long id, String why) {
		return new NotRedrivableException("The rejected message " + id + " cannot be corrected: " + why
				+ ", so nothing shows what was paid that a correction could keep; re-drive it as it was, or the bank"
				+ " must send it again");
	}

	static NotRedrivableException empty(long id) {
		return new NotRedrivableException("The rejected message " + id
				+ " has no value: nothing shows what was paid; the bank must send it again");
	}

	static NotRedrivableException keyUnreadable(long id) {
		return new NotRedrivableException("The rejected message " + id
				+ " is signed with a key registered in a form the gateway cannot read: it is re-driven once an operator"
				+ " has corrected the key and its signature verifies with it");
	}

	static NotRedrivableException unsigned(long id) {
		return new NotRedrivableException("The rejected message " + id
				+ " failed the bank signature check: it cannot be re-driven; the bank must send it again, signed");
	}

}
