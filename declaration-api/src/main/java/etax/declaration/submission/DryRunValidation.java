package etax.declaration.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.signature.EnvelopeCapture;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnValidator;
import etax.schemas.Severity;
import etax.schemas.Validation;

import org.springframework.stereotype.Component;

/**
 * A dry run of a filing ({@link ReturnIntake#validate}): the rules a filing runs, in its order, against the
 * taxpayer's accepted returns as they stand, without the filing transaction's locks.
 */
@Component
class DryRunValidation {

	private final ReturnValidator validator;

	private final FilingAuthority authority;

	private final ContextRules contextRules;

	private final Idempotency idempotency;

	private final ReturnQueries queries;

	private final ReturnChains chains;

	private final DateRanges dateRanges;

	private final Clock clock;

	DryRunValidation(ReturnValidator validator, FilingAuthority authority, ContextRules contextRules,
			Idempotency idempotency, ReturnQueries queries, ReturnChains chains, DateRanges dateRanges, Clock clock) {
		this.validator = validator;
		this.authority = authority;
		this.contextRules = contextRules;
		this.idempotency = idempotency;
		this.queries = queries;
		this.chains = chains;
		this.dateRanges = dateRanges;
		this.clock = clock;
	}

	/**
	 * Runs the whole pipeline without filing: nothing is stored, no transaction code is issued.
	 * @param xml the return
	 * @param filer who would file it
	 * @return the findings and the decision the return would get now
	 * @throws FilerNotAuthorizedException if the filer may not file for the taxpayer the return names
	 */
	ReturnIntake.DryRun validate(byte[] xml, Caller filer) {
		EnvelopeCapture envelope = new EnvelopeCapture();
		Validation validation = this.validator.validate(xml, envelope);
		if (!(validation instanceof Validation.Receivable receivable)) {
			return new ReturnIntake.DryRun(false, null, validation.findings(), null);
		}
		ReturnDocument document = receivable.document();
		this.authority.check(filer, document.header().mst());
		Instant receivedAt = this.clock.instant();
		ContextRules.Checked checked = this.contextRules.check(document, envelope, receivedAt);
		List<Finding> findings = new ArrayList<>(VersionInForce.judged(receivable, receivedAt));
		findings.addAll(checked.findings());
		// a filing of this content without a key would be answered with the filer's accepted return, as filing does
		Optional<UUID> replayed = this.idempotency.acceptedReturnOf(filer.subject(), document.sha256());
		if (replayed.isPresent()) {
			return new ReturnIntake.DryRun(true, ReturnStatus.ACCEPTED, findings,
					this.queries.filed(replayed.get()).transactionCode());
		}
		if (checked.taxpayer().isPresent() && ContextFindings.mayQuoteOtherReturns(findings)) {
			List<ReturnChains.Member> chain = this.chains.accepted(ReturnChains.keyOf(document));
			findings.addAll(this.chains.check(document, chain));
			Map<String, List<ReturnChains.Member>> others = this.chains.accepted(OtherReturns.keys(document));
			findings.addAll(OtherReturns.check(document, (key) -> others.getOrDefault(key, List.of())));
			Map<String, List<ReturnChains.Member>> finalization = this.chains.accepted(FinalizedYear.keys(document));
			FinalizedYear.check(document, (key) -> finalization.getOrDefault(key, List.of())).ifPresent(findings::add);
			DateRanges.scopeOf(document)
				.flatMap((scope) -> DateRanges.check(document, ReturnChains.keyOf(document),
						this.dateRanges.accepted(List.of(scope)).getOrDefault(scope, List.of())))
				.ifPresent(findings::add);
			InspectedPeriod.check(document, checked.inspections(), ReturnChains.current(chain)).ifPresent(findings::add);
		}
		boolean rejected = findings.stream().anyMatch((finding) -> finding.severity() != Severity.WARNING);
		return new ReturnIntake.DryRun(true, rejected ? ReturnStatus.NOT_ACCEPTED : ReturnStatus.ACCEPTED, findings, null);
	}

}
