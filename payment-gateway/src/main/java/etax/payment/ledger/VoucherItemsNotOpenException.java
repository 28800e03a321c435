package etax.payment.ledger;

import java.util.List;

/** A voucher asked to pay items that are not the taxpayer's, or owe nothing: no voucher was prepared. */
public final class VoucherItemsNotOpenException extends RuntimeException {

	private final List<String> items;

	VoucherItemsNotOpenException(List<String> items) {
		super("Not an item the taxpayer owes anything on: " + String.join(", ", items));
		this.items = List.copyOf(items);
	}

	/** @return the items asked for that owe nothing */
	public List<String> items() {
		return this.items;
	}

}
