package etax.payment.confirmation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import etax.payment.confirmation.ConfirmationRepository.Reversible;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;

/**
 * What a reversal must name: a recorded payment (status DEBITED) of its bank, of the same payer, currency
 * and total, not reversed by another reference; and what it must repeat of it: the treasury, collection
 * account and area, and the same lines (chapter, sub-item, tax period, amount; in any order), since it takes
 * back what the payment paid and the treasury posted. Recoding a payment is a correction (tra soát), not a
 * reversal. One rule for the listener, which also knows the payments earlier in its poll, and for the HTTP
 * intake and re-drive, which refuse at once what they can check.
 */
final class Reversals {

	private Reversals() {
	}

	/**
	 * The payments that the reversals among some confirmations name, as far as they are known: recorded, or
	 * earlier among the same confirmations (a payment and its reversal in one message or poll; the payment is
	 * recorded first).
	 * @param confirmations a message's or a poll's confirmations, in order
	 * @param recorded where the recorded ones are read, in one statement
	 * @return what is known under each key a reversal names (nothing for one that names nothing known);
	 * empty, with no statement, when none is a reversal
	 */
	static Map<ConfirmationKey, Reversible> namedPayments(List<BankConfirmation> confirmations,
			ConfirmationRepository recorded) {
		List<ConfirmationKey> originals = confirmations.stream()
			.filter((c) -> c.reversalOf() != null)
			.map((c) -> new ConfirmationKey(c.bankCode(), Objects.requireNonNull(c.reversalOf())))
			.toList();
		Map<ConfirmationKey, Reversible> found = new HashMap<>();
		if (originals.isEmpty()) {
			return found;
		}
		confirmations.stream()
			.filter((c) -> c.status() == BankConfirmation.Status.DEBITED)
			.forEach((c) -> found.putIfAbsent(new ConfirmationKey(c.bankCode(), c.bankReference()), new Reversible(
					c.payer().value(), c.currency(), c.amount(), BankConfirmation.Status.DEBITED.name(), null,
					Coding.of(c))));
		found.putAll(recorded.reversible(originals));
		return found;
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
		Coding coding = Coding.of(reversal);
		if (!payment.coding().sameTreasury(coding)) {
			return "a reversal has the treasury, collection account and area of the payment it reverses";
		}
		if (!payment.coding().lines().equals(coding.lines())) {
			return "a reversal has the lines of the payment it reverses: the same chapter, sub-item, tax period and "
					+ "amount on each line";
		}
		return null;
	}

	/**
	 * Where a payment's money went and how it was coded.
	 * @param treasuryCode the treasury
	 * @param treasuryAccount the collection account
	 * @param areaCode the area
	 * @param lines each line's chapter, sub-item, tax period and amount, sorted: equal lists are equal multisets
	 */
	record Coding(String treasuryCode, String treasuryAccount, String areaCode, List<String> lines) {

		Coding {
			lines = lines.stream().sorted().toList();
		}

		static Coding of(BankConfirmation confirmation) {
			return new Coding(confirmation.treasuryCode(), confirmation.treasuryAccount(), confirmation.areaCode(),
					confirmation.lines()
						.stream()
						.map((l) -> line(l.chapter(), l.subItem(), l.taxPeriod().value(), l.amount()))
						.toList());
		}

		/** One line, its amount in the voucher's currency whatever its scale. */
		static String line(String chapter, String subItem, String taxPeriod, BigDecimal amount) {
			return chapter + ' ' + subItem + ' ' + taxPeriod + ' ' + amount.stripTrailingZeros().toPlainString();
		}

		boolean sameTreasury(Coding other) {
			return this.treasuryCode.equals(other.treasuryCode) && this.treasuryAccount.equals(other.treasuryAccount)
					&& this.areaCode.equals(other.areaCode);
		}

	}

}
