package etax.batch.interest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Version 1 of {@code InterestAssessed} on {@value #TOPIC} (key: MST), the contract the gateway books
 * (docs/adr/0006-taxpayer-ledger.md): the interest one payable item accrued on one day, as an obligation
 * of its own under the interest sub-item. The gateway books at most one per (payableItemId, assessedFor).
 * Interest published in excess is taken back by {@link InterestCorrected}.
 *
 * @param eventId named after the payable item and the day; also the interest obligation's id
 * @param type {@value #TYPE}
 * @param version 1
 * @param occurredAt when it was assessed
 * @param payableItemId the tax item the interest accrues on
 * @param mst the taxpayer
 * @param chapter the tax item's chapter
 * @param subItem the interest sub-item, e.g. 4931
 * @param taxPeriod the tax item's period
 * @param amount whole VND, positive
 * @param assessedFor the day the interest accrued
 * @param dueDate when the interest is due: the day it accrued
 */
record InterestAssessed(UUID eventId, String type, int version, Instant occurredAt, String payableItemId, String mst,
		String chapter, String subItem, String taxPeriod, long amount, LocalDate assessedFor, LocalDate dueDate)
		implements InterestEvent {

	static final String TOPIC = "etax.assessments.v1";

	static final String TYPE = "InterestAssessed";

}
