package etax.payment.confirmation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import static etax.payment.confirmation.Camt054Elements.date;
import static etax.payment.confirmation.Camt054Elements.decimal;
import static etax.payment.confirmation.Camt054Elements.required;
import static etax.payment.confirmation.Camt054Elements.text;
import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.MISSING_FIELD;
import static etax.payment.confirmation.RejectionReason.UNSUPPORTED_STATUS;

/**
 * Reads one entry ({@code Ntry}) of a camt.054 into a confirmation: its reference, status and reversal, the payer,
 * amount and rate, the treasury's coding, and its tax records ({@link Camt054TaxRecordReader}).
 */
final class Camt054EntryReader {

	private Camt054EntryReader() {
	}

	/**
	 * @param bankCode the bank, from the notification's account servicer
	 * @param sentAt when the message was created ({@code GrpHdr/CreDtTm})
	 * @param entry the entry
	 * @param at its path, for the messages
	 * @throws InvalidConfirmationException if a field is missing or malformed
	 */
	static BankConfirmation read(String bankCode, Instant sentAt, Element entry, String at) {
		Element amount = required(entry, "Amt", at + "Amt");
		Element tx = required(entry, "NtryDtls/TxDtls", at + "NtryDtls/TxDtls");
		String tp = at + "NtryDtls/TxDtls/";
		boolean reversal = reversal(entry, at);
		creditOrDebit(entry, reversal, at);
		String statusCode = (text(entry, "Sts/Cd") != null) ? text(entry, "Sts/Cd") : text(entry, "Sts");
		BankConfirmation.Status status = switch ((statusCode != null) ? statusCode : "") {
			case "BOOK" -> reversal ? BankConfirmation.Status.REVERSED : BankConfirmation.Status.DEBITED;
			case "PDNG" -> BankConfirmation.Status.PENDING;
			default -> throw new InvalidConfirmationException(UNSUPPORTED_STATUS, at + "Sts must be BOOK or PDNG");
		};
		String day = (text(entry, "BookgDt/Dt") != null) ? text(entry, "BookgDt/Dt") : text(entry, "ValDt/Dt");
		String debtor = party(tx, "RltdPties/Dbtr");
		String ultimate = party(tx, "RltdPties/UltmtDbtr");
		Element tax = required(tx, "RmtInf/Strd/TaxRmt", tp + "RmtInf/Strd/TaxRmt");
		String rate = text(tx, "AmtDtls/InstdAmt/CcyXchg/XchgRate");
		return new BankConfirmation(bankCode,
				Vouchers.check(text(entry, "AcctSvcrRef"), at + "AcctSvcrRef", Vouchers.REFERENCE, Vouchers.REFERENCE_RULE),
				Vouchers.check(text(tx, "Refs/EndToEndId"), tp + "Refs/EndToEndId", Vouchers.REFERENCE,
						Vouchers.REFERENCE_RULE),
				Vouchers.mst((ultimate != null) ? ultimate : debtor, tp + "RltdPties/Dbtr"),
				(ultimate != null && debtor != null) ? Vouchers.mst(debtor, tp + "RltdPties/Dbtr") : null,
				amount.getAttribute("Ccy"),
				(rate != null) ? Vouchers.rate(decimal(rate, tp + "AmtDtls/InstdAmt/CcyXchg/XchgRate"),
						tp + "AmtDtls/InstdAmt/CcyXchg/XchgRate") : null,
				Vouchers.amount(decimal(amount.getTextContent().strip(), at + "Amt"), at + "Amt"),
				date(day, at + "BookgDt/Dt"), sentAt, status,
				reversal ? Vouchers.check(text(tx, "Refs/AcctSvcrRef"), tp + "Refs/AcctSvcrRef", Vouchers.REFERENCE,
						Vouchers.REFERENCE_RULE) : null,
				Vouchers.check(party(tx, "RltdPties/Cdtr"), tp + "RltdPties/Cdtr", Vouchers.FOUR_DIGITS, "4 digits"),
				Vouchers.check(text(tx, "RltdPties/CdtrAcct/Id/Othr/Id"), tp + "RltdPties/CdtrAcct/Id/Othr/Id",
						Vouchers.FOUR_DIGITS, "4 digits"),
				Vouchers.check(text(tax, "Cdtr/TaxId"), tp + "TaxRmt/Cdtr/TaxId", Vouchers.AGENCY_CODE, "3 to 7 digits"),
				Vouchers.check(text(tax, "AdmstnZone"), tp + "TaxRmt/AdmstnZone", Vouchers.AREA_CODE, "2 to 5 digits"),
				Camt054TaxRecordReader.read(tax, tp + "TaxRmt/"));
	}

	/**
	 * {@code RvslInd} is an {@code xs:boolean}: {@code true} and {@code 1} mean a reversal, {@code false},
	 * {@code 0} or no element none; anything else is refused rather than read as "not a reversal".
	 */
	private static boolean reversal(Element entry, String at) {
		String indicator = text(entry, "RvslInd");
		if (indicator == null) {
			return false;
		}
		return switch (indicator) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw new InvalidConfirmationException(INVALID_FIELD, at + "RvslInd must be true, false, 1 or 0");
		};
	}

	/**
	 * The notified account is the payer's: a tax payment debits it ({@code DBIT}). ISO 20022 gives a
	 * reversal the opposite indicator of the entry it reverses ("if CreditDebitIndicator is CRDT and
	 * ReversalIndicator is Yes, the original operation was a debit entry"), so the reversal of a payment is
	 * {@code CRDT}. Any other combination (a credit to the payer that is not a reversal: a refund, an incoming
	 * transfer) is not a tax payment and must not be booked as one.
	 */
	private static void creditOrDebit(Element entry, boolean reversal, String at) {
		String indicator = text(entry, "CdtDbtInd");
		if (indicator == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, at + "CdtDbtInd is required");
		}
		String expected = reversal ? "CRDT" : "DBIT";
		if (!expected.equals(indicator)) {
			throw new InvalidConfirmationException(INVALID_FIELD, reversal
					? at + "CdtDbtInd must be CRDT for a reversal (RvslInd true): it reverses the debit of a payment"
					: at + "CdtDbtInd must be DBIT: a tax payment debits the payer's account; a credit is booked only "
							+ "as the reversal of a payment (RvslInd true)");
		}
	}

	/** The id of a party, as {@code Id/OrgId/Othr/Id} directly or under {@code Pty} (camt.054.001.08+). */
	private static @Nullable String party(Element tx, String path) {
		String direct = text(tx, path + "/Id/OrgId/Othr/Id");
		return (direct != null) ? direct : text(tx, path + "/Pty/Id/OrgId/Othr/Id");
	}

}
