package etax.payment.ledger;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * What two officers decided about a held credit (a payment line that named another taxpayer's item, or an item
 * never booked, ADR 0006 "Held credits"), carried out in the ledger: applied to the item it named, or released as
 * the payer's own credit. Apart from the other steps because only an officer's decision moves a held credit: no
 * payment or offset ever does, and no booking but that of the item never booked, arriving at last for the payer.
 */
final class HeldCreditDecisions {

	private final AllocationState state;

	private final CreditOffsets offsets;

	HeldCreditDecisions(AllocationState state, CreditOffsets offsets) {
		this.state = state;
		this.offsets = offsets;
	}

	/**
	 * Applies what is left of a held credit to the item it names, as an officer decided that the payer paid for
	 * that item's taxpayer: a {@code CREDIT_APPLIED} entry dated with the day the money was paid, like any
	 * credit applied. What the item does not take is released as the payer's own credit.
	 * @param creditId a held credit, loaded with its named item
	 * @return what was applied to the item
	 */
	BigDecimal apply(UUID creditId) {
		Credit credit = Objects.requireNonNull(this.state.credit(creditId), "loaded for the resolution");
		Obligation item = Objects.requireNonNull(this.state.find(Objects.requireNonNull(credit.namedItemId())),
				"loaded for the resolution");
		this.offsets.apply(credit, item);
		BigDecimal applied = credit.remaining().subtract(this.state.credit(creditId).remaining());
		release(creditId);
		return applied;
	}

	/**
	 * Makes a held credit the payer's own, general credit, as an officer decided: it no longer waits for the
	 * item it named and is offset against the payer's open items of its sub-item, now or when one is booked.
	 * @param creditId a held credit, loaded
	 */
	void release(UUID creditId) {
		Credit now = Objects.requireNonNull(this.state.credit(creditId), "loaded for the resolution");
		this.state.update(now.general());
		this.offsets.offset(now.mst(), now.subItem());
	}

}
