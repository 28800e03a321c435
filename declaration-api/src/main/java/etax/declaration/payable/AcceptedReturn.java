package etax.declaration.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.declaration.calendar.DeadlineRule;
import etax.schemas.RefundClawback;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

/**
 * What payable items are made from: an accepted return's identity, period, and the amounts of the
 * indicators its form version declares payable; for a supplement, the refund it pays back; and, for a
 * finalization, those that make the year's tax ({@link AnnualTaxFinalized}).
 *
 * @param returnId the return
 * @param transactionCode its transaction code
 * @param mst the taxpayer
 * @param chapter the taxpayer's budget chapter
 * @param period the tax period it covers
 * @param deadlineRule its form's deadline rule for the period kind: the items are due on that deadline, unless
 * the filing deadline was extended
 * @param payableIndicators indicator to budget sub-item, from the form catalog ({@code ct40 -> 1701})
 * @param forgivenIndicators payable indicator to the indicator of the part of it the law forgives, from the form
 * catalog ({@code ct42 -> ct43} of 02/QTT-TNCN); empty for most forms
 * @param annualTaxIndicators indicator to the budget sub-item of the year's tax, from the form catalog
 * ({@code ctE1 -> 1052}, {@code ctE5 -> 1052}); empty for a form that is not a finalization announcing it
 * @param indicators the return's indicator values by name
 * @param previousIndicators for a supplement, the indicator values of the return it supersedes; empty
 * for an original
 * @param acceptedAt when it was accepted
 * @param taxOfficeCode the tax office it was filed with ({@code maCQTNoiNop}), announced with its items
 * @param extendedDeadline the extended filing deadline the return was held to (a supplement: its chain's original),
 * if any: the items are due then (the payment deadline is the filing deadline, VN-ETAX.md §3.5 R-DL-4)
 * @param clawback for a supplement, the refund its summary (01/KHBS section B) declares to pay back; {@code null}
 * when it declares none, and for other returns
 * @param chainClawbacks the refunds the chain's returns accepted before it declared to pay back, in the order
 * decided: what of the same refund is already charged
 */
public record AcceptedReturn(UUID returnId, String transactionCode, String mst, String chapter, TaxPeriod period,
		DeadlineRule deadlineRule, Map<String, String> payableIndicators, Map<String, String> forgivenIndicators,
		Map<String, String> annualTaxIndicators,
		Map<String, String> indicators, Map<String, String> previousIndicators, Instant acceptedAt,
		String taxOfficeCode, @Nullable LocalDate extendedDeadline, @Nullable RefundClawback clawback,
		List<RefundClawback> chainClawbacks) {

	public AcceptedReturn {
		chainClawbacks = List.copyOf(chainClawbacks);
	}

}
