package etax.payment.confirmation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import etax.payment.confirmation.ReversiblePaymentRepository.Reversible;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;

/**
 * What a reversal must name: a recorded payment (status DEBITED) of its bank, of the same payer, currency
 * and total, not reversed by another reference; and what it must repeat of it: the exchange rate, the treasury,
 * collection account, collecting agency (the office the ledger takes it back for) and area, and the same lines (chapter, sub-item, tax period, amount; in any order), since
 * it takes back what the payment paid and the treasury posted. The ledger takes back the VND it applied, the
 * treasury is asked to reverse the reversal's lines in VND at the reversal's rate: at another rate the two
 * would differ for good (camt.054 reverses an entry as it was booked, with its amounts and rate). Recoding a
 * payment is a correction (tra soát), not a reversal. One rule for the listener, which also knows the payments
 * earlier in its poll, and for the HTTP intake and re-drive, which refuse at once what they can check.
 */
final class Reversals {

	private Reversals() {
	}

	/**
	 * The payment that each reversal among some confirmations names, as far as it is known when the reversal comes:
	 * recorded, or earlier among the same confirmations (a payment and its reversal in one message or poll, the
	 * payment first). A payment later among them is not known to a reversal before it: the ledger takes a poll in
	 * its order, so that reversal would take back nothing and leave the payment allocated. It is refused as one of
	 * a payment not recorded yet is, whatever else the poll holds, and can be re-driven once the payment is.
	 * @param confirmations a message's or a poll's confirmations, in order
	 * @param recorded where the recorded ones are read, in one statement
	 * @return for each confirmation, at its position, what its reversal names: null for one that is no reversal
	 * or names nothing known; no statement when none is a reversal
	 */
	static List<@Nullable Reversible> namedPayments(List<BankConfirmation> confirmations,
			ReversiblePaymentRepository recorded) {
		List<ConfirmationKey> originals = originals(confirmations);
		if (originals.isEmpty()) {
			return Collections.nCopies(confirmations.size(), null);
		}
		return namedPayments(confirmations, recorded.reversible(originals));
	}

	/**
	 * As {@link #namedPayments(List, ReversiblePaymentRepository)}, with the recorded payments read already.
	 * @param stored the recorded payments the reversals name ({@link #originals}), by their key
	 */
	static List<@Nullable Reversible> namedPayments(List<BankConfirmation> confirmations,
			Map<ConfirmationKey, Reversible> stored) {
		Map<ConfirmationKey, Reversible> earlier = new HashMap<>();
		List<@Nullable Reversible> named = new ArrayList<>(confirmations.size());
		for (BankConfirmation c : confirmations) {
			String reversalOf = c.reversalOf();
			if (reversalOf == null) {
				named.add(null);
			}
			else {
				ConfirmationKey original = new ConfirmationKey(c.bankCode(), reversalOf);
				Reversible payment = stored.get(original);
				named.add((payment != null) ? payment : earlier.get(original));
			}
			if (c.status() == BankConfirmation.Status.DEBITED) {
				earlier.putIfAbsent(new ConfirmationKey(c.bankCode(), c.bankReference()), new Reversible(c.payer().value(),
						c.currency(), c.exchangeRate(), c.amount(), c.paymentDate(), BankConfirmation.Status.DEBITED.name(),
						null, Coding.of(c)));
			}
		}
		return named;
	}

	/** The keys of the payments the reversals among some confirmations name, in their order. */
	static List<ConfirmationKey> originals(List<BankConfirmation> confirmations) {
		return confirmations.stream()
			.filter((c) -> c.reversalOf() != null)
			.map((c) -> new ConfirmationKey(c.bankCode(), Objects.requireNonNull(c.reversalOf())))
			.toList();
	}

	/**
	 * @param reversal a confirmation with status REVERSED
	 * @param payment what is recorded under the key it names, or null if nothing is
	 * @return the broken rule in words (no personal data), or null if the reversal may be recorded
	 */
	static @Nullable String problem(BankConfirmation reversal, @Nullable Reversible payment) {
		if (payment == null || !payment.status().equals(BankConfirmation.Status.DEBITED.name())) {
			return "reversalOf names no recorded payment of this bank";
		}
		if (!payment.payerMst().equals(reversal.payer().value()) || !payment.currency().equals(reversal.currency())
				|| payment.amount().compareTo(reversal.amount()) != 0) {
			return "a reversal has the payer, currency and total of the payment it reverses";
		}
		if (payment.reversedBy() != null && !payment.reversedBy().equals(reversal.bankReference())) {
			return "the payment is already reversed";
		}
		if (reversal.paymentDate().isBefore(payment.paymentDate())) {
			return "a reversal is dated on or after the payment it reverses: the ledger takes the money back on that day";
		}
		if (!sameRate(payment.exchangeRate(), reversal.exchangeRate())) {
			return "a reversal has the exchange rate of the payment it reverses: it takes back the VND the payment "
					+ "was applied and posted at";
		}
		Coding coding = Coding.of(reversal);
		if (!payment.coding().sameTreasury(coding)) {
			return "a reversal has the treasury, collection account, collecting agency and area of the payment it "
					+ "reverses";
		}
		if (!payment.coding().lines().equals(coding.lines())) {
			return "a reversal has the lines of the payment it reverses: the same chapter, sub-item, tax period and "
					+ "amount on each line";
		}
		return null;
	}

	/** Both none (VND), or the same number whatever its scale. */
	private static boolean sameRate(@Nullable BigDecimal payment, @Nullable BigDecimal reversal) {
		return (payment == null) ? reversal == null : reversal != null && payment.compareTo(reversal) == 0;
	}

	/**
	 * Where a payment's money went and how it was coded.
	 * @param treasuryCode the treasury
	 * @param treasuryAccount the collection account
	 * @param collectingAgencyCode the collecting agency: the office the ledger takes it back for (ADR 0022)
	 * @param areaCode the area
	 * @param lines each line's chapter, sub-item, tax period and amount, sorted: equal lists are equal multisets
	 */
	record Coding(String treasuryCode, String treasuryAccount, @Nullable String collectingAgencyCode, String areaCode,
			List<String> lines) {

		Coding {
			lines = lines.stream().sorted().toList();
		}

		static Coding of(BankConfirmation confirmation) {
			return new Coding(confirmation.treasuryCode(), confirmation.treasuryAccount(),
					confirmation.collectingAgencyCode(), confirmation.areaCode(), confirmation.lines()
						.stream()
						.map((l) -> line(l.chapter(), l.subItem(), l.taxPeriod().value(), l.amount()))
						.toList());
		}

		/** One line, its amount in the voucher's currency whatever its scale. */
		static String line(String chapter, String subItem, String taxPeriod, BigDecimal amount) {
			return chapter + ' ' + subItem + ' ' + taxPeriod + ' ' + amount.stripTrailingZeros().toPlainString();
		}

		boolean sameTreasury(Coding other) {
			// a payment recorded before its agency was kept (V5) has none: it is then no reversal's to repeat, and
			// any agency its reversal names (every reversal names one) is taken
			return this.treasuryCode.equals(other.treasuryCode) && this.treasuryAccount.equals(other.treasuryAccount)
					&& (this.collectingAgencyCode == null
							|| this.collectingAgencyCode.equals(other.collectingAgencyCode))
					&& this.areaCode.equals(other.areaCode);
		}

	}

}
