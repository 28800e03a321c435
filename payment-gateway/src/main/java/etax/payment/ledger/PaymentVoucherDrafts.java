package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import etax.payment.reference.ReferenceData;
import etax.payment.reference.ReferenceData.ItemClass;

import org.springframework.stereotype.Service;

/**
 * Prefills a taxpayer's payment voucher from its open items ({@link PaymentVoucherDraft}): the items it names, or all
 * it owes, each for what it still owes today, ranked by the allocation order in force today. Nothing is stored: the
 * voucher becomes a payment only when the bank confirms the debit.
 */
@Service
public class PaymentVoucherDrafts {

	/** The lines a voucher holds at most: what the items named may be, and where one of every open item stops. */
	public static final int MAX_LINES = 100;

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final LedgerViews views;

	private final ReferenceData reference;

	private final Clock clock;

	PaymentVoucherDrafts(LedgerViews views, ReferenceData reference, Clock clock) {
		this.views = views;
		this.reference = reference;
		this.clock = clock;
	}

	/**
	 * @param mst the taxpayer, one the caller may read
	 * @param itemIds the items to pay, at most {@link #MAX_LINES}; none: every item that owes something, the first
	 * {@link #MAX_LINES} in the law's order (a taxpayer in arrears for years owes an interest item per item and day)
	 * @return the voucher's content; without lines when nothing is owed
	 * @throws VoucherItemsNotOpenException naming the items asked for that are not the taxpayer's or owe nothing
	 */
	public PaymentVoucherDraft draft(String mst, Collection<String> itemIds) {
		LocalDate today = this.clock.instant().atZone(VIETNAM).toLocalDate();
		Set<String> asked = new LinkedHashSet<>(itemIds);
		// ranked and cut by the database: read whole, the open items of a taxpayer in arrears for years are thousands
		List<LedgerViews.Ranked> open = this.views.owingInOrder(mst, this.reference.allocationOrder(today), today,
				asked, MAX_LINES);
		if (!asked.isEmpty()) {
			Set<String> openIds = open.stream().map((r) -> r.item().payableItemId()).collect(Collectors.toSet());
			List<String> notOpen = asked.stream().filter((id) -> !openIds.contains(id)).toList();
			if (!notOpen.isEmpty()) {
				throw new VoucherItemsNotOpenException(notOpen);
			}
		}
		List<PaymentVoucherDraft.Line> lines = new ArrayList<>();
		for (LedgerViews.Ranked ranked : open) {
			Balance.Item item = ranked.item();
			lines.add(new PaymentVoucherDraft.Line(lines.size() + 1, item.payableItemId(), itemClass(item, today).name(),
					item.chapter(), item.subItem(), item.taxPeriod(), item.outstanding(), item.dueDate()));
		}
		BigDecimal total = lines.stream().map(PaymentVoucherDraft.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		long owing = open.isEmpty() ? 0 : open.get(0).owing();
		return new PaymentVoucherDraft("C1-02/NS", mst, "VND", "01", "7111", today, lines, total,
				(int) (owing - lines.size()));
	}

	private static ItemClass itemClass(Balance.Item item, LocalDate day) {
		return Obligation.classOf(Obligation.Kind.valueOf(item.kind()), item.dueDate(), day);
	}

}
