package etax.payment.confirmation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import static etax.payment.confirmation.Camt054Elements.children;
import static etax.payment.confirmation.Camt054Elements.instant;
import static etax.payment.confirmation.Camt054Elements.required;
import static etax.payment.confirmation.Camt054Elements.text;
import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.MISSING_FIELD;

/**
 * Reads an ISO 20022 camt.054 (bank-to-customer debit/credit notification, any version
 * {@code camt.054.001.*}) into confirmations, one per entry ({@code Ntry}, {@link Camt054EntryReader}); the mapping
 * is in docs/adr/0005-bank-messages.md. Parsing is secure ({@link Camt054Parser}): DOCTYPE declarations are refused
 * (so no entity can be declared or fetched), no external DTD or schema is read, and secure processing limits apply.
 * The message is all or nothing: one broken entry rejects it.
 */
final class Camt054Reader {

	private static final int MAX_ENTRIES = 1000;

	/**
	 * The most characters a notification's entries may carry together when each keeps the whole message: every
	 * entry's row, rejection and dead letter holds the message as received, so a message of n entries is stored n
	 * times (1,000 entries of a 620 KB message would be 620 MB in one statement, the partition stopped behind it).
	 * 16 Mi characters let a notification of typical entries (about 0.6–1 KB each) hold 120–160 of them; a bank
	 * splits a larger one.
	 */
	static final long MAX_COPIED_CHARACTERS = 16L * 1024 * 1024;

	/** Where a notification names its bank: the servicer of the notified account. */
	private static final String SERVICER = "Acct/Svcr/FinInstnId/ClrSysMmbId/MmbId";

	private final Camt054Parser parser = new Camt054Parser();

	List<BankConfirmation> read(@Nullable String key, @Nullable String value) {
		List<BankConfirmation> confirmations = readUnkeyed(value);
		confirmations.forEach((c) -> Vouchers.checked(key, c));
		return confirmations;
	}

	/** Reads and checks everything but the record key. */
	List<BankConfirmation> readUnkeyed(@Nullable String value) {
		return readUnkeyed(parse(value), (value != null) ? value.length() : 0);
	}

	/** The message's notification ({@link Camt054Parser#parse}), none of its rules applied. */
	Element parse(@Nullable String value) {
		return this.parser.parse(value);
	}

	/**
	 * The bank codes a notification states well-formed (each {@code Ntfctn}'s account servicer), read before any rule
	 * of the message: the listener compares them with the signer's bank first ({@link MessageReader.Parsed#banks}).
	 */
	static List<String> banks(Element notification) {
		return children(notification, "Ntfctn").stream()
			.map((ntfctn) -> text(ntfctn, SERVICER))
			.filter((bank) -> bank != null && Vouchers.BANK_CODE.matcher(bank).matches())
			.distinct()
			.toList();
	}

	/**
	 * The bank and reference of each entry a notification states well-formed (its {@code Ntfctn}'s account servicer,
	 * its {@code AcctSvcrRef}), at most {@value #MAX_ENTRIES}, read before any rule of the message: should one refuse
	 * it, all or nothing, the bank's status report still finds it by each of them ({@link MessageReader.Parsed#keys}).
	 */
	static List<ConfirmationKey> keys(Element notification) {
		Set<ConfirmationKey> keys = new LinkedHashSet<>();
		for (Element ntfctn : children(notification, "Ntfctn")) {
			String bank = text(ntfctn, SERVICER);
			if (bank == null || !Vouchers.BANK_CODE.matcher(bank).matches()) {
				continue;
			}
			for (Element entry : children(ntfctn, "Ntry")) {
				if (keys.size() == MAX_ENTRIES) {
					return List.copyOf(keys);
				}
				String reference = text(entry, "AcctSvcrRef");
				if (reference != null && Vouchers.REFERENCE.matcher(reference).matches()) {
					keys.add(new ConfirmationKey(bank, reference));
				}
			}
		}
		return List.copyOf(keys);
	}

	/**
	 * Reads and checks a parsed notification but its record key.
	 * @param characters the message's length, which bounds its entries ({@link #MAX_COPIED_CHARACTERS})
	 */
	static List<BankConfirmation> readUnkeyed(Element notification, int characters) {
		Instant sentAt = instant(required(notification, "GrpHdr/CreDtTm", "GrpHdr/CreDtTm"), "GrpHdr/CreDtTm");
		List<BankConfirmation> confirmations = new ArrayList<>();
		for (Element ntfctn : children(notification, "Ntfctn")) {
			String bankCode = Vouchers.check(text(ntfctn, SERVICER), "Ntfctn/" + SERVICER, Vouchers.BANK_CODE,
					"8 digits");
			for (Element entry : children(ntfctn, "Ntry")) {
				if (confirmations.size() == MAX_ENTRIES) {
					throw new InvalidConfirmationException(INVALID_FIELD, "at most " + MAX_ENTRIES + " entries");
				}
				confirmations.add(Vouchers.consistent(
						Camt054EntryReader.read(bankCode, sentAt, entry, "Ntry[" + confirmations.size() + "]/")));
			}
		}
		if (confirmations.isEmpty()) {
			throw new InvalidConfirmationException(MISSING_FIELD, "the notification has no entry (Ntfctn/Ntry)");
		}
		if (confirmations.size() > 1 && (long) confirmations.size() * characters > MAX_COPIED_CHARACTERS) {
			throw new InvalidConfirmationException(INVALID_FIELD, "a notification of " + confirmations.size()
					+ " entries and " + characters + " characters: each entry keeps the whole message, so entries "
					+ "times characters may be at most " + MAX_COPIED_CHARACTERS + "; send it as smaller notifications");
		}
		return confirmations;
	}

}
