package etax.batch.console.exceptions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import etax.batch.console.CodingDiff;
import etax.batch.console.Confirmation;
import etax.batch.console.Money;
import etax.batch.reconciliation.ReconciledLine;
import etax.batch.reconciliation.workitems.CorrectionRequest;
import etax.batch.reconciliation.workitems.ResolutionKind;
import etax.batch.reconciliation.workitems.WorkItem;
import etax.batch.reconciliation.workitems.WorkItems;
import org.jspecify.annotations.Nullable;

/**
 * What an officer is shown before deciding on a work item: the confirmation of a resolution or an
 * approval (each may move money), and the coding a pending RECODE would change, field by field, so that
 * the approver approves what the proposer proposed and not merely a request number.
 */
final class Decisions {

	private Decisions() {
	}

	/**
	 * @param detail the item
	 * @return the correction request waiting for a second officer, if one does
	 */
	static Optional<CorrectionRequest> awaiting(WorkItems.Detail detail) {
		return detail.corrections().stream().filter((c) -> "AWAITING_APPROVAL".equals(c.status())).findFirst();
	}

	/**
	 * @param detail the item
	 * @return the coding the pending RECODE proposes next to the recorded one; empty when none waits
	 */
	static List<CodingDiff.Row> pendingDiff(WorkItems.Detail detail) {
		return awaiting(detail).filter((c) -> c.kind() == ResolutionKind.RECODE)
			.map((c) -> CodingDiff.of(c.paid(), c.corrected(), tax(detail), c.currency()))
			.orElse(List.of());
	}

	static Confirmation approve(WorkItems.Detail detail, CorrectionRequest request) {
		WorkItem item = detail.item();
		return Confirmation
			.of("Approve correction request " + request.requestNumber() + "?",
					"The " + request.kind() + " correction is recorded at payment-gateway with you as the approving "
							+ "officer; the gateway books it, which moves money. It is not undone here.",
					page(item.id()) + "/approve", "Yes, approve and record it", page(item.id()))
			.fact("Work item", "#" + item.id() + " " + item.lineClass() + ", " + item.businessDay())
			.fact("Bank, reference, line", item.bankCode() + " " + item.bankReference() + " " + item.lineNumber())
			.fact("Amount", Money.format(item.amount(), item.currency()))
			.fact("Kind", request.kind())
			.fact("Proposed by", request.requestedBy())
			.fact("Reason", request.reason())
			.field("correctionId", request.correctionId(), null)
			.withDiff((request.kind() == ResolutionKind.RECODE)
					? CodingDiff.of(request.paid(), request.corrected(), tax(detail), request.currency()) : List.of());
	}

	static Confirmation resolve(WorkItems.Detail detail, @Nullable ResolutionKind kind, String reason,
			CorrectionRequest.@Nullable Coding corrected) {
		WorkItem item = detail.item();
		String consequence = (kind == null || !kind.movesMoney())
				? "The item is resolved at once; no money moves."
				: "A " + kind + " correction request is proposed at payment-gateway in your name. No money moves until "
						+ "a second officer with the approver claim approves it.";
		Confirmation confirmation = Confirmation
			.of("Resolve work item #" + item.id() + " as " + kind + "?", consequence, page(item.id()) + "/resolve",
					"Yes, resolve it", page(item.id()))
			.fact("Work item", "#" + item.id() + " " + item.lineClass() + ", " + item.businessDay())
			.fact("Reason", reason)
			.field("kind", kind, null)
			.field("reason", reason, null);
		ReconciledLine.Coding leg = tax(detail);
		if (corrected == null) {
			return confirmation;
		}
		confirmation.field("chapter", corrected.chapter(), null)
			.field("subItem", corrected.subItem(), null)
			.field("areaCode", corrected.areaCode(), null)
			.field("amount", plain(corrected.amount()), null);
		if (leg == null) {
			return confirmation;
		}
		CorrectionRequest.Coding paid = new CorrectionRequest.Coding(leg.chapter(), leg.subItem(), leg.areaCode(),
				leg.amount());
		return confirmation.withDiff(CodingDiff.of(paid, corrected, leg, leg.currency()));
	}

	private static ReconciledLine.@Nullable Coding tax(WorkItems.Detail detail) {
		return (detail.line() != null) ? detail.line().tax() : null;
	}

	private static @Nullable String plain(@Nullable BigDecimal amount) {
		return (amount != null) ? amount.toPlainString() : null;
	}

	static String page(long id) {
		return "/console/exceptions/" + id;
	}

}
