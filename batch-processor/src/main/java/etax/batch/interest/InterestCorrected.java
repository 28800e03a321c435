package etax.batch.interest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Version 1 of {@code InterestCorrected} on {@value InterestAssessed#TOPIC} (key: MST), the contract the
 * gateway books (docs/adr/0006-taxpayer-ledger.md, "Reductions"): interest published on one payable item
 * that has not accrued after all, taken back by the run of one day. Less accrued than was published when
 * a supplement lowered the item's tax or a payment was confirmed after the days it stops were assessed.
 * The gateway takes the amount off the interest it booked on the item, the latest first; what the taxpayer
 * already paid of it becomes a credit. At most one per (payableItemId, assessedFor), and never on a day the
 * item was assessed interest.
 *
 * @param eventId named after the payable item, the day and the kind (a correction)
 * @param type {@value #TYPE}
 * @param version 1
 * @param occurredAt when it was found
 * @param payableItemId the tax item the interest accrued on
 * @param mst the taxpayer
 * @param chapter the tax item's chapter
 * @param subItem the interest sub-item, e.g. 4931
 * @param taxPeriod the tax item's period
 * @param amount whole VND taken back, positive
 * @param assessedFor the day whose run found it: the interest published on the item through this day is
 * what accrued through it
 */
record InterestCorrected(UUID eventId, String type, int version, Instant occurredAt, String payableItemId, String mst,
		String chapter, String subItem, String taxPeriod, long amount, LocalDate assessedFor) implements InterestEvent {

	static final String TYPE = "InterestCorrected";

}
