package etax.payment.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import etax.payment.ledger.Allocation.PaymentLine;

/**
 * Provisional payments (VN-ETAX §3.5 R-DL-4; Decree 126/2020 Art. 8(6) as amended by Decree 91/2022): corporate
 * income tax is paid by quarter on account of the year's, with no quarterly return since 2021 (Decree 126/2020), and
 * settled by the year's finalization (03/TNDN), whose payable (I) is what the year's tax leaves after the
 * provisional payments it declares (G). A voucher line of such a sub-item for a quarter that names no item, for
 * which the payer has no item, is such a payment once the payer's items of the sub-item took their share: the
 * gateway books what is left as an obligation of that amount, paid at once (the payable is what was paid). So it
 * is no overpayment, offset against the payer's other items, nor a credit that would pay the finalization's
 * payable a second time. Its due date is the day it was paid: a quarter paid late accrues no interest of its own,
 * as the law now charges it only on what the year's quarters fall short of the share of the year's tax its rule
 * requires (from the tax year 2022 the four quarters and 80 %, up to 2021 the first three and 75 %; ADR 0006).
 *
 * <p>An item booked later for the same taxpayer, sub-item and quarter supersedes them (some returns declare CIT by
 * quarter under the same sub-item, a foreign supplier's or airline's among them, and the money may come first):
 * the provisional obligations are taken off and what was paid on them becomes the taxpayer's credit, dated with
 * its payment, which the new item takes.
 */
final class ProvisionalPayments {

	/** The sub-items paid provisionally by quarter: corporate income tax on production and business. */
	static final Set<String> SUB_ITEMS = Set.of("1052");

	/** How the ids the gateway gives provisional obligations begin: no payable item of a return has it. */
	static final String ID_PREFIX = "TAMNOP-";

	private static final Pattern QUARTER = Pattern.compile("00/Q[1-4]/\\d{4}");

	private ProvisionalPayments() {
	}

	/** Whether money of a sub-item and period that names no item may be a provisional payment. */
	static boolean covers(String subItem, String taxPeriod) {
		return SUB_ITEMS.contains(subItem) && QUARTER.matcher(taxPeriod).matches();
	}

	/**
	 * Whether what is left of a line is a provisional payment: it names no item, and its taxpayer has no item of
	 * its sub-item and period other than provisional ones.
	 * @param line the line
	 * @param state the allocation, holding every item of the line's charge (the caller loads them)
	 */
	static boolean isProvisional(PaymentLine line, AllocationState state) {
		return line.payableItemId() == null && covers(line.subItem(), line.taxPeriod())
				&& state.itemsOf(line.mst(), line.subItem())
					.stream()
					.noneMatch((item) -> item.kind() == Obligation.Kind.TAX && !isProvisional(item)
							&& item.taxPeriod().equals(line.taxPeriod()));
	}

	/** Whether an obligation is a provisional payment's. */
	static boolean isProvisional(Obligation item) {
		return item.itemId().startsWith(ID_PREFIX);
	}

	/**
	 * The obligation a provisional payment books: of the line's taxpayer, chapter, sub-item and period, the
	 * amount it pays, due on the day it is paid, of the office collecting it: the office its collecting agency maps
	 * to, none when it maps to none (ADR 0022; the agency's own code is no office's). Its id follows from the
	 * line's posting id, so the same line books the same obligation.
	 * @param line the line
	 * @param amount what is left of it
	 */
	static Obligation obligation(PaymentLine line, BigDecimal amount) {
		UUID id = UUID.nameUUIDFromBytes(
				("etax.payment\u001Fprovisional\u001F" + line.postingId()).getBytes(StandardCharsets.UTF_8));
		return ObligationReader
			.hashed(new Obligation(ID_PREFIX + id, Obligation.Kind.TAX, line.mst(), line.chapter(), line.subItem(),
					line.taxPeriod(), amount, line.paymentDate(), amount, id, "", null, null, 0))
			.withTaxOffice(line.collectingOffice());
	}

	/**
	 * The provisional obligations an item supersedes: of its taxpayer, sub-item and period, still in force.
	 * @param item a tax item being booked
	 * @param state the allocation, holding those obligations (the caller loads them)
	 */
	static List<Obligation> supersededBy(Obligation item, AllocationState state) {
		if (item.kind() != Obligation.Kind.TAX || isProvisional(item) || !covers(item.subItem(), item.taxPeriod())) {
			return List.of();
		}
		return state.itemsOf(item.mst(), item.subItem())
			.stream()
			.filter((other) -> isProvisional(other) && other.taxPeriod().equals(item.taxPeriod())
					&& other.inForce().signum() > 0)
			.toList();
	}

}
