package etax.payment.confirmation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TreeSet;

import etax.payment.bank.BankRegistry;
import etax.payment.bank.Signer;
import etax.payment.reference.ReferenceData;

import org.springframework.stereotype.Component;

import static etax.payment.confirmation.RejectionReason.IMPLAUSIBLE_DATE;
import static etax.payment.confirmation.RejectionReason.SIGNATURE_INVALID;
import static etax.payment.confirmation.RejectionReason.UNKNOWN_BANK;
import static etax.payment.confirmation.RejectionReason.UNKNOWN_CHAPTER;
import static etax.payment.confirmation.RejectionReason.UNKNOWN_SUB_ITEM;
import static etax.payment.confirmation.RejectionReason.UNKNOWN_TREASURY_ACCOUNT;

/**
 * The checks against registered data and the clock: the payment date and the send time are plausible (not in the
 * future beyond a bank's clock a little ahead; a payment date not before {@link #EARLIEST}, a send time not more
 * than {@value #SENT_BEFORE_PAYMENT_DAYS} days before the payment date), the bank is registered on the payment date
 * and is the one that signed; the money went to a collection account of the State budget; every chapter and
 * sub-item is in force on the payment date.
 *
 * <p>
 * A reversal is checked against its payment instead of the registered data ({@link Reversals}): it must repeat the
 * payment's bank, treasury, account and lines, and the payment passed these checks on its own date. Checked again on
 * the reversal's date they would refuse, for ever, the reversal of a payment whose sub-item, chapter, account or bank
 * registration ended in between (a payment on the last day of a sub-item, reversed the next week), leaving the money
 * applied.
 */
@Component
class ConfirmationChecks {

	/** Business dates are Vietnamese dates, whatever zone the clock is in. */
	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * How far after today a payment date may be: one day. A bank whose clock runs a little ahead confirms
	 * just after its midnight, and a debit after a bank's evening cut-off is booked on its next day; more
	 * than that is no debit that has happened, and a date in the future would also shift late-payment
	 * interest. A record checked again later (a redelivery) is never refused for this once accepted: today
	 * only moves forward.
	 */
	static final int PAYMENT_DATE_TOLERANCE_DAYS = 1;

	/**
	 * The earliest payment date a bank's message may carry (its send time is bounded by the payment date,
	 * {@link #SENT_BEFORE_PAYMENT_DAYS}): electronic tax payment through banks began long after. An earlier one is no
	 * date of this message (a default, a typing error), and PostgreSQL refuses some of what {@code java.time} reads
	 * (year 0, years before 4713 BC): such a value would pass every other check, fail the insert, and with it the
	 * poll, for ever, stopping the partition behind it.
	 */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/**
	 * How long before its payment date (in Vietnam) a confirmation may have been sent: seven days. A debit after a
	 * bank's evening cut-off is booked on its next day, so a day is normal; the rest leaves room for a bank's clock
	 * behind. The send time serves the latency only, so a generous bound costs nothing, and it still refuses what is
	 * no send time of this message (another field's time, a default). It compares two fields of the message, not
	 * the clock: a redelivery is judged the same.
	 */
	static final int SENT_BEFORE_PAYMENT_DAYS = 7;

	private final BankRegistry banks;

	private final ReferenceData reference;

	private final Clock clock;

	private final ConfirmationProperties properties;

	ConfirmationChecks(BankRegistry banks, ReferenceData reference, Clock clock, ConfirmationProperties properties) {
		this.banks = banks;
		this.reference = reference;
		this.clock = clock;
		this.properties = properties;
	}

	void check(Signer signer, BankConfirmation c) {
		// first: a rejection for any later rule could be re-driven by an officer, who would then vouch for a
		// message its bank never signed; the listener compares the bank codes a message states before it even
		// reads it (ReceivedMessages), so this holds the line for a message read by other means
		requireSignerFor(signer, c.bankCode());
		if (c.paymentDate().isAfter(LocalDate.now(this.clock.withZone(VIETNAM)).plusDays(PAYMENT_DATE_TOLERANCE_DAYS))) {
			throw new InvalidConfirmationException(IMPLAUSIBLE_DATE,
					"paymentDate is after today (Asia/Ho_Chi_Minh): a bank confirms a debit once it happened");
		}
		if (c.paymentDate().isBefore(EARLIEST)) {
			throw new InvalidConfirmationException(IMPLAUSIBLE_DATE, "paymentDate is before " + EARLIEST);
		}
		// receipt is now, whether read from the topic or the HTTP intake; it only moves forward, so a redelivery
		// or a re-drive of a confirmation accepted once is never refused for this
		if (c.sentAt().isAfter(this.clock.instant().plus(this.properties.sentAtTolerance()))) {
			throw new InvalidConfirmationException(IMPLAUSIBLE_DATE, "sentAt is later than the gateway received it by "
					+ "more than " + readable(this.properties.sentAtTolerance())
					+ ": a bank cannot have sent it yet (its clock is wrong, or the field holds another time)");
		}
		if (c.sentAt().isBefore(c.paymentDate().minusDays(SENT_BEFORE_PAYMENT_DAYS).atStartOfDay(VIETNAM).toInstant())) {
			throw new InvalidConfirmationException(IMPLAUSIBLE_DATE, "sentAt is more than " + SENT_BEFORE_PAYMENT_DAYS
					+ " days before the payment date: a bank sends a confirmation of a debit when it books it");
		}
		if (c.status() == BankConfirmation.Status.REVERSED) {
			// its bank, account and lines are its payment's, checked on the payment's date (Reversals)
			return;
		}
		if (!this.banks.isKnown(c.bankCode(), c.paymentDate())) {
			throw new InvalidConfirmationException(UNKNOWN_BANK, "bankCode is not a registered bank on the payment date");
		}
		if (!this.properties.collectionAccounts().contains(c.treasuryAccount())) {
			throw new InvalidConfirmationException(UNKNOWN_TREASURY_ACCOUNT,
					"treasuryAccount is not a collection account of the State budget ("
							+ String.join(", ", new TreeSet<>(this.properties.collectionAccounts()))
							+ "): only tax paid into the budget is recorded");
		}
		for (int i = 0; i < c.lines().size(); i++) {
			ConfirmationLine line = c.lines().get(i);
			if (!this.reference.isKnownChapter(line.chapter(), c.paymentDate())) {
				throw new InvalidConfirmationException(UNKNOWN_CHAPTER,
						"lines[" + i + "].chapter is not a budget chapter in force on the payment date");
			}
			if (!this.reference.isKnownSubItem(line.subItem(), c.paymentDate())) {
				throw new InvalidConfirmationException(UNKNOWN_SUB_ITEM,
						"lines[" + i + "].subItem is not an economic sub-item in force on the payment date");
			}
		}
	}

	/**
	 * @throws InvalidConfirmationException ({@code signature-invalid}) if the signer may not confirm for the bank: a
	 * bank's key signs for that bank only
	 */
	static void requireSignerFor(Signer signer, String bankCode) {
		if (!signer.mayConfirmFor(bankCode)) {
			throw new InvalidConfirmationException(SIGNATURE_INVALID,
					"signed with a key of another bank than the one it confirms for (bankCode, in camt.054 "
							+ "Ntfctn/Acct/Svcr/FinInstnId/ClrSysMmbId/MmbId): a bank can only confirm as itself");
		}
	}

	private static String readable(Duration duration) {
		return (duration.toSeconds() % 60 == 0) ? duration.toMinutes() + " minutes" : duration.toSeconds() + " seconds";
	}

}
