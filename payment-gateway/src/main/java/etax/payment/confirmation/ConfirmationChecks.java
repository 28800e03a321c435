package etax.payment.confirmation;

import etax.payment.bank.BankRegistry;
import etax.payment.bank.Signer;
import etax.payment.reference.ReferenceData;

import org.springframework.stereotype.Component;

import static etax.payment.confirmation.RejectionReason.SIGNATURE_INVALID;
import static etax.payment.confirmation.RejectionReason.UNKNOWN_BANK;
import static etax.payment.confirmation.RejectionReason.UNKNOWN_CHAPTER;
import static etax.payment.confirmation.RejectionReason.UNKNOWN_SUB_ITEM;

/**
 * The checks against registered data: the bank is registered on the payment date and is the one
 * that signed; every chapter and sub-item is in force on the payment date.
 */
@Component
class ConfirmationChecks {

	private final BankRegistry banks;

	private final ReferenceData reference;

	ConfirmationChecks(BankRegistry banks, ReferenceData reference) {
		this.banks = banks;
		this.reference = reference;
	}

	void check(Signer signer, BankConfirmation c) {
		if (!this.banks.isKnown(c.bankCode(), c.paymentDate())) {
			throw new InvalidConfirmationException(UNKNOWN_BANK, "bankCode is not a registered bank on the payment date");
		}
		if (!signer.mayConfirmFor(c.bankCode())) {
			throw new InvalidConfirmationException(SIGNATURE_INVALID,
					"signed with a key of another bank than bankCode: a bank can only confirm as itself");
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

}
