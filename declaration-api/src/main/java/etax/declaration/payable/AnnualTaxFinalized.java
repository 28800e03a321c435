package etax.declaration.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import etax.ids.TimeOrderedIds;

/**
 * Announced on {@value #TOPIC} (key: MST) for every accepted finalization of a calendar year whose form declares
 * the year's tax ({@code FormVersion#annualTaxIndicators}, 03/TNDN: E1 + E5 under 1052), once per budget sub-item
 * of that mapping: the year's tax of the sub-item ({@code annualTax}, the sum of its indicators, 0 included).
 * <p>
 * The ledger (payment-gateway) judges the year's provisional payments by it: corporate income tax is paid by
 * quarter on account of the year's, and what the rule's quarters paid by the provisional deadline of the last of
 * them must reach the rule's share of the year's tax per finalization; otherwise late-payment interest runs on the
 * shortfall from the day after that deadline to the day before it is paid (Decree 126/2020 Art. 8(6), amended by
 * Decree 91/2022). The rule is the tax year's ({@link ProvisionalCitProperties}): up to 2021 the first three
 * quarters ({@code provisionalQuarters} 3) and 75 % ({@code requiredPercent}) by 30 October; from 2022 the four
 * quarters and 80 % by 30 January of the next year; {@code provisionalDeadline} is that day, moved to the next
 * working day. The quarters' payments are named by voucher period ({@code 00/Qn/yyyy} of {@code taxYear});
 * {@code taxPeriod} is the finalization's own ({@code 00/CN/yyyy}). Events announced before the rule was carried
 * lack {@code provisionalQuarters} and {@code requiredPercent}: they announced 3 and 75.
 * <p>
 * A supplement is a complete return: its event carries its own figures, not a difference, and the latest
 * accepted return of the year (by {@code occurredAt}, the acceptance) is the year's tax; hence an event of 0
 * too, which supersedes a higher one. Consumers de-duplicate on {@code eventId}, or on {@code returnId} and
 * {@code subItem}.
 * <p>
 * Not done: a finalization of a non-calendar fiscal year (period kind K) announces nothing, because which
 * voucher periods the taxpayer writes for its fiscal quarters is not known.
 */
record AnnualTaxFinalized(UUID eventId, String type, int version, Instant occurredAt, UUID returnId,
		String transactionCode, String mst, String chapter, String subItem, int taxYear, String taxPeriod,
		long annualTax, LocalDate provisionalDeadline, int provisionalQuarters, int requiredPercent,
		String taxOfficeCode) {

	static final String TOPIC = PayableItemCreated.TOPIC;

	/**
	 * The events of an accepted return: one per sub-item of its form's year's-tax mapping, in sub-item order; none
	 * when its form has no such mapping or the period is not a calendar year.
	 * @param accepted the accepted return
	 * @param rules the provisional payments' rule of each tax year
	 * @param deadlineOn a day as a deadline, moved to the next working day ({@code Deadlines#deadlineOn})
	 * @return the events
	 */
	static List<AnnualTaxFinalized> of(AcceptedReturn accepted, ProvisionalCitProperties rules,
			UnaryOperator<LocalDate> deadlineOn) {
		if (accepted.annualTaxIndicators().isEmpty() || !"Y".equals(accepted.period().kind())) {
			return List.of();
		}
		int year = Integer.parseInt(accepted.period().value());
		ProvisionalCitProperties.Rule rule = rules.ruleFor(year);
		LocalDate provisionalDeadline = deadlineOn.apply(rule.deadline(year));
		Map<String, Long> bySubItem = new TreeMap<>();
		accepted.annualTaxIndicators()
			.forEach((indicator, subItem) -> bySubItem.merge(subItem,
					PayableItems.amount(accepted.indicators().get(indicator)), Long::sum));
		return bySubItem.entrySet()
			.stream()
			.map((tax) -> new AnnualTaxFinalized(TimeOrderedIds.next(), "AnnualTaxFinalized", 1, accepted.acceptedAt(),
					accepted.returnId(), accepted.transactionCode(), accepted.mst(), accepted.chapter(), tax.getKey(),
					year, VoucherPeriods.of(accepted.period()), tax.getValue(), provisionalDeadline, rule.quarters(),
					rule.requiredPercent(), accepted.taxOfficeCode()))
			.toList();
	}

}
