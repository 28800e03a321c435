package etax.schemas;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The refund a supplementary return pays back: section B of its summary (01/KHBS, appendix {@code PL01_KHBS}, group
 * {@code HoanThueThuHoi}), [14] with the budget sub-item the refund was paid from and the day it was received, from
 * which late-payment interest runs (VN-ETAX.md §1.4, §5.6). The appendix's rules (KHBS01-R004, -R005) require
 * both when [14] is more than 0; a return they reject may still carry one without them.
 *
 * @param amount [14], the whole of the refund to pay back in VND, as much again if an earlier supplement declared it:
 * more than 0
 * @param subItem the budget sub-item ({@code tieuMuc}), or {@code null} when left out
 * @param receivedOn the day the refund was received ({@code ngayNhanHoan}), or {@code null} when left out
 */
public record RefundClawback(long amount, @Nullable String subItem, @Nullable LocalDate receivedOn) {

	public RefundClawback {
		if (amount <= 0) {
			throw new IllegalArgumentException("a refund to pay back is more than 0, not " + amount);
		}
	}

	/**
	 * Whether both pay back the same refund: the one paid from the same sub-item and received on the same day, each
	 * named. A supplement declares a refund again in full, so of one refund a chain charges the most its returns
	 * declared; another day received, under the same sub-item or not, is another refund.
	 * @param other a refund an earlier return paid back
	 * @return whether it is this one
	 */
	public boolean sameRefundAs(RefundClawback other) {
		return this.subItem != null && this.receivedOn != null && this.subItem.equals(other.subItem)
				&& this.receivedOn.equals(other.receivedOn);
	}

}
