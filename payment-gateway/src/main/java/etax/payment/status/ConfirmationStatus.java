package etax.payment.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What became of one bank reference.
 *
 * @param bankCode the bank
 * @param bankReference its reference ({@code MA_THAMCHIEU})
 * @param state {@code RECORDED} when a booked confirmation is recorded under it (later entries that
 * conflicted with it are listed in {@code rejected}); else {@code FAILED} or {@code PENDING} when the bank
 * reported the debit failed or pending (recorded, no money moved); else {@code REJECTED}
 * @param recorded the booked confirmation, if one is
 * @param unbooked the pending and failed reports recorded under it, oldest first
 * @param rejected every entry with this reference that was not recorded, newest first, a message rejected whole
 * once for each of its entries that carried it
 */
record ConfirmationStatus(String bankCode, String bankReference, State state, @Nullable Recorded recorded,
		List<Unbooked> unbooked, List<Rejected> rejected) {

	enum State {

		RECORDED, PENDING, FAILED, REJECTED

	}

	/**
	 * @param status {@code PENDING} or {@code FAILED}, as the bank reported it
	 * @param receivedAt when the gateway recorded it
	 * @param contentHash SHA-256 of its business content
	 * @param amount the total in the voucher's currency
	 * @param currency the voucher's currency
	 * @param origin {@code BANK}, or {@code REDRIVEN_BY_TAX_AUTHORITY} as for a recorded one
	 */
	record Unbooked(String status, Instant receivedAt, String contentHash, BigDecimal amount, String currency,
			String origin) {

	}

	/**
	 * @param receivedAt when the gateway recorded it
	 * @param status the bank's status in it (debited, failed)
	 * @param contentHash SHA-256 of its business content: a resend with another hash is a conflict
	 * @param amountVnd the total in VND
	 * @param lines each line with its treasury posting
	 * @param origin {@code BANK} when recorded from the bank's own message; {@code REDRIVEN_BY_TAX_AUTHORITY}
	 * when the tax authority re-drove a message of this bank that had been rejected (possibly corrected around
	 * who sent it and what was paid, which a correction keeps): not the message as the bank sent it
	 */
	record Recorded(Instant receivedAt, String status, String contentHash, BigDecimal amountVnd, List<Line> lines,
			String origin) {

	}

	/**
	 * @param lineNumber from 1
	 * @param postingId the treasury posting of the line
	 * @param amountVnd the line's amount in VND
	 * @param treasury {@code REQUESTED} (not answered yet), {@code POSTED} or {@code REFUSED}
	 */
	record Line(int lineNumber, UUID postingId, BigDecimal amountVnd, String treasury) {

	}

	/**
	 * @param reason the stable reason code, as on the dead-letter topic
	 * @param detail the rule broken, in words
	 * @param rejectedAt when
	 * @param redriven whether an officer re-drove it after correction
	 */
	record Rejected(String reason, String detail, Instant rejectedAt, boolean redriven) {

	}

}
