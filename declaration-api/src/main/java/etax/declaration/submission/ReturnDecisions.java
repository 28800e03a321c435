package etax.declaration.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import etax.declaration.calendar.Deadlines;
import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.payable.AcceptedReturn;
import etax.ids.TimeOrderedIds;
import etax.outbox.OutboxMessage;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Decides a return in the filing transaction, under its group's locks ({@link ReturnFiling}): the rules that quote
 * the taxpayer's accepted returns (its chain, {@link ReturnChains#check}; other periods', {@link OtherReturns}; its
 * year's finalization, {@link FinalizedYear}; overlapping date ranges, {@link DateRanges}; the inspections,
 * {@link InspectedPeriod}) run against what the group read and accepted before it, and the return is accepted when
 * nothing but warnings was found. An accepted return supersedes the one in force in its chain, and is announced and
 * owes its payable items; one not accepted is announced as rejected.
 */
@Component
class ReturnDecisions {

	private final ReturnChains chains;

	ReturnDecisions(ReturnChains chains) {
		this.chains = chains;
	}

	/**
	 * Decides a return and records it in its group ({@link FilingGroup}).
	 * @param candidate the return, received and checked
	 * @param chainKey its chain ({@link ReturnChains#keyOf})
	 * @param transactionCode the transaction code issued to it
	 * @param group what the group read and decided before it
	 * @return the decision, to be written
	 */
	DecidedReturn decide(ReturnFiling.Candidate candidate, String chainKey, String transactionCode, FilingGroup group) {
		ReturnDocument document = candidate.document();
		Instant at = candidate.receivedAt();
		List<Finding> findings = new ArrayList<>(candidate.findings());
		List<ReturnChains.Member> accepted = group.accepted(chainKey);
		if (candidate.taxpayer().isPresent() && ContextFindings.mayQuoteOtherReturns(findings)) {
			findings.addAll(this.chains.check(document, accepted));
			findings.addAll(OtherReturns.check(document, group::accepted));
			FinalizedYear.check(document, group::accepted).ifPresent(findings::add);
			DateRanges.scopeOf(document)
				.flatMap((scope) -> DateRanges.check(document, chainKey, group.originals(scope)))
				.ifPresent(findings::add);
			InspectedPeriod.check(document, candidate.inspections(), ReturnChains.current(accepted))
				.ifPresent(findings::add);
		}
		ReturnStatus status = findings.stream().anyMatch((finding) -> finding.severity() != Severity.WARNING)
				? ReturnStatus.NOT_ACCEPTED : ReturnStatus.ACCEPTED;
		StoredReturn stored = stored(document, findings, status, at, transactionCode,
				new StoredReturn.FiledBy(candidate.filer(), candidate.filerRole()), candidate.extension());
		group.filed(candidate, stored, chainKey);
		if (status != ReturnStatus.ACCEPTED) {
			group.announce(OutboxMessage.of(ReturnAccepted.TOPIC, stored.mst(), ReturnRejected.of(stored, at)));
			return new DecidedReturn(candidate.filer(), stored, null);
		}
		Optional<ReturnChains.Member> superseded = ReturnChains.current(accepted);
		group.announce(OutboxMessage.of(ReturnAccepted.TOPIC, stored.mst(), ReturnAccepted.of(stored, at)));
		superseded.ifPresent((previous) -> group.announce(OutboxMessage.of(ReturnAccepted.TOPIC, stored.mst(),
				ReturnSuperseded.of(previous.id(), previous.transactionCode(), stored, at))));
		group.accept(chainKey, stored, document, new AcceptedReturn(stored.id(), stored.transactionCode(), stored.mst(),
				candidate.taxpayer().orElseThrow().chapter(), document.header().period(),
				Deadlines.ruleOf(document.form(), document.header().period().kind()), document.form().payableIndicators(),
				document.form().forgivenIndicators(), document.form().annualTaxIndicators(), document.indicators(),
				superseded.map(ReturnChains.Member::indicators).orElse(Map.of()), at, stored.taxOfficeCode(),
				itemsHeldTo(candidate, accepted, superseded.isPresent()), ReturnChains.clawbackOf(document),
				accepted.stream().map(ReturnChains.Member::clawback).filter(Objects::nonNull).toList()));
		return new DecidedReturn(candidate.filer(), stored, superseded.orElse(null));
	}

	/**
	 * The extended deadline a return's payable items are due on, if any: the one the return was held to, and for a
	 * supplement the one its chain's original was held to, as the original's items were (what a supplement adds is
	 * due when the tax it corrects was; an extension granted or revoked since moves neither,
	 * {@link ReturnChains#originalHeldTo}).
	 */
	private static @Nullable LocalDate itemsHeldTo(ReturnFiling.Candidate candidate, List<ReturnChains.Member> accepted,
			boolean supplement) {
		if (supplement) {
			return ReturnChains.originalHeldTo(accepted);
		}
		return (candidate.extension() != null) ? candidate.extension().deadline() : null;
	}

	private static StoredReturn stored(ReturnDocument document, List<Finding> findings, ReturnStatus status,
			Instant receivedAt, String transactionCode, StoredReturn.FiledBy filedBy, @Nullable ExtendedDeadline extension) {
		ReturnHeader header = document.header();
		return new StoredReturn(TimeOrderedIds.next(), transactionCode, status, receivedAt, header.mst(),
				header.formCode(), header.maTKhai(), header.version(), header.filingType(), header.submissionNumber(),
				new StoredReturn.Period(header.period().kind(), header.period().value(), header.period().from(),
						header.period().to()),
				header.taxOfficeCode(), filedBy, document.sha256(), findings, List.of(), extension);
	}

}
