package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import etax.payment.reference.ReferenceData.ItemClass;
import org.jspecify.annotations.Nullable;

/**
 * What a taxpayer owes: a payable item or an interest assessment, with what is still outstanding.
 *
 * @param itemId the payable item id (for interest: the assessment's event id)
 * @param kind TAX or INTEREST
 * @param mst the taxpayer
 * @param chapter the budget chapter
 * @param subItem the sub-item
 * @param taxPeriod the period ({@code KY_THUE} format)
 * @param amount whole VND
 * @param dueDate when it falls due
 * @param outstanding what is not paid yet
 * @param reduced what supplements that lowered tax took off: the tax in force is amount less this
 * @param sourceEventId the event that created it
 * @param contentHash over its content, to tell a duplicate from a conflict
 * @param baseItemId for interest, the payable item it accrues on
 * @param assessedFor for interest, the day it was assessed for
 * @param bookingSeq the order of booking, 0 until stored
 * @param taxOffice the tax office it belongs to: for tax the office its return was filed with, for interest its
 * base item's; null when the event named none (ADR 0022). Not part of its content: the same item with or without
 * an office is the same item
 */
record Obligation(String itemId, Kind kind, String mst, String chapter, String subItem, String taxPeriod,
		BigDecimal amount, LocalDate dueDate, BigDecimal outstanding, BigDecimal reduced, UUID sourceEventId,
		String contentHash, @Nullable String baseItemId, @Nullable LocalDate assessedFor, long bookingSeq,
		@Nullable String taxOffice) implements Booking {

	/** An obligation nothing was taken off yet, of no office. */
	Obligation(String itemId, Kind kind, String mst, String chapter, String subItem, String taxPeriod, BigDecimal amount,
			LocalDate dueDate, BigDecimal outstanding, UUID sourceEventId, String contentHash, @Nullable String baseItemId,
			@Nullable LocalDate assessedFor, long bookingSeq) {
		this(itemId, kind, mst, chapter, subItem, taxPeriod, amount, dueDate, outstanding, BigDecimal.ZERO, sourceEventId,
				contentHash, baseItemId, assessedFor, bookingSeq, null);
	}

	enum Kind {

		TAX, INTEREST, PENALTY

	}

	Obligation withOutstanding(BigDecimal value) {
		return new Obligation(this.itemId, this.kind, this.mst, this.chapter, this.subItem, this.taxPeriod, this.amount,
				this.dueDate, value, this.reduced, this.sourceEventId, this.contentHash, this.baseItemId, this.assessedFor,
				this.bookingSeq, this.taxOffice);
	}

	/** The same obligation of a tax office. */
	Obligation withTaxOffice(@Nullable String office) {
		return new Obligation(this.itemId, this.kind, this.mst, this.chapter, this.subItem, this.taxPeriod, this.amount,
				this.dueDate, this.outstanding, this.reduced, this.sourceEventId, this.contentHash, this.baseItemId,
				this.assessedFor, this.bookingSeq, office);
	}

	/** Takes an amount off the tax in force and off what is outstanding. */
	Obligation reducedBy(BigDecimal value, BigDecimal offOutstanding) {
		return new Obligation(this.itemId, this.kind, this.mst, this.chapter, this.subItem, this.taxPeriod, this.amount,
				this.dueDate, this.outstanding.subtract(offOutstanding), this.reduced.add(value), this.sourceEventId,
				this.contentHash, this.baseItemId, this.assessedFor, this.bookingSeq, this.taxOffice);
	}

	/** The tax (or interest) in force: as booked, less what supplements took off. */
	BigDecimal inForce() {
		return this.amount.subtract(this.reduced);
	}

	/** The same obligation, whatever its ids: what a re-run of an assessment under a new event id sends. */
	boolean sameContentAs(Obligation other) {
		return this.kind == other.kind && this.mst.equals(other.mst) && this.chapter.equals(other.chapter)
				&& this.subItem.equals(other.subItem) && this.taxPeriod.equals(other.taxPeriod)
				&& this.amount.compareTo(other.amount) == 0 && this.dueDate.equals(other.dueDate)
				&& java.util.Objects.equals(this.baseItemId, other.baseItemId)
				&& java.util.Objects.equals(this.assessedFor, other.assessedFor);
	}

	/** Interest on the same item for the same day: one obligation, whatever the event id. */
	boolean sameAssessmentAs(Obligation other) {
		return this.kind == Kind.INTEREST && other.kind == Kind.INTEREST
				&& java.util.Objects.equals(this.baseItemId, other.baseItemId)
				&& java.util.Objects.equals(this.assessedFor, other.assessedFor);
	}

	/** Its class in the allocation order on a day. */
	ItemClass itemClass(LocalDate day) {
		return classOf(this.kind, this.dueDate, day);
	}

	/**
	 * How the allocation order ranks an item of the kind and due date on the day: interest, a fine, or tax in arrears
	 * or current.
	 */
	static ItemClass classOf(Kind kind, LocalDate dueDate, LocalDate day) {
		return switch (kind) {
			case INTEREST -> ItemClass.INTEREST;
			case PENALTY -> ItemClass.PENALTY;
			case TAX -> dueDate.isBefore(day) ? ItemClass.ARREARS : ItemClass.CURRENT;
		};
	}

	Account account() {
		return Account.obligation(this.mst, this.subItem, this.taxPeriod);
	}

}
