package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import etax.batch.console.Money;
import org.jspecify.annotations.Nullable;

/**
 * A monthly notice of tax arrears, late-payment interest and fines (07/QLN) the taxpayer was sent, as payment-gateway
 * answers it ({@code GET /api/v1/taxpayers/{mst}/arrears-notices}).
 */
record ArrearsNotice(String month, LocalDate asOf, Instant issuedAt, List<Item> items, BigDecimal totalTax,
		BigDecimal totalInterest, @Nullable BigDecimal totalPenalty, @Nullable Integer itemsNotListed) {

	/** @return the fines owed; none from a gateway that did not total them */
	public BigDecimal fines() {
		return (this.totalPenalty != null) ? this.totalPenalty : BigDecimal.ZERO;
	}

	/** @return each item owed the gateway listed, and how many more the notice has, for the page */
	public String itemsText() {
		String listed = String.join("; ", this.items.stream()
			.map((item) -> Money.format(item.outstanding(), "VND") + " " + item.kind().toLowerCase(Locale.ROOT)
					+ " (sub-item " + item.subItem() + ", " + item.taxPeriod() + ", " + item.daysOverdue() + " days overdue)")
			.toList());
		return (this.itemsNotListed != null && this.itemsNotListed > 0)
				? listed + "; and " + this.itemsNotListed + " more items" : listed;
	}

	record Item(String kind, String subItem, String taxPeriod, LocalDate dueDate, BigDecimal outstanding,
			long daysOverdue) {

	}

}
