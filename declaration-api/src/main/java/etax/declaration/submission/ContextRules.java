package etax.declaration.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.Deadlines;
import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.inspection.TaxInspection;
import etax.declaration.inspection.TaxInspections;
import etax.declaration.signature.EnvelopeCapture;
import etax.declaration.taxpayer.Taxpayer;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The context rules that need no other return (VN-ETAX.md §3.2–§3.5, §3.9), in the order they run and report: the
 * MST, the taxpayer's registration, the signature and the agent's contract ({@link IdentityRules}), the dependent unit
 * ({@link DependentUnit}), the period ({@link PeriodRules}) and the deadline, or the extension of it in force
 * ({@link DeadlineRules}), then the managing tax office and the payments on account ({@link PaidOnAccount}). They run
 * after the XSD and form rules; the rules of the return's chain (originals and supplements) run in the filing
 * transaction ({@link ReturnChains}).
 */
@Component
class ContextRules {

	private final IdentityRules identity;

	private final DeadlineRules deadlines;

	private final TaxInspections inspections;

	private final PaidOnAccount paidOnAccount;

	ContextRules(IdentityRules identity, DeadlineRules deadlines, TaxInspections inspections,
			PaidOnAccount paidOnAccount) {
		this.identity = identity;
		this.deadlines = deadlines;
		this.inspections = inspections;
		this.paidOnAccount = paidOnAccount;
	}

	/**
	 * Checks a schema-valid return as received at a moment. When the signature refuses it, the rules that read the
	 * taxpayer's records (the agent's contract, the filing frequency, the deadline and its extensions, its managing
	 * office, the ledger, inspections) do not run
	 * ({@link ContextFindings#signatureRefused}).
	 * @param document the return
	 * @param envelope what the validating parse captured for the signature check
	 * @param receivedAt the postmark
	 * @return the findings, the registered taxpayer when there is one, the extension of the deadline the
	 * return is held to, if any, and the inspections a supplement's period is under
	 */
	Checked check(ReturnDocument document, EnvelopeCapture envelope, Instant receivedAt) {
		ReturnHeader header = document.header();
		List<Finding> findings = new ArrayList<>();
		Optional<Taxpayer> taxpayer = this.identity.registered(header, document.form(), findings);
		if (rejectedToStop(findings)) {
			return new Checked(findings, taxpayer, null, List.of());
		}
		LocalDate filedOn = receivedAt.atZone(Deadlines.VIETNAM).toLocalDate();
		this.identity.checkSignature(document, envelope, filedOn, findings);
		if (ContextFindings.signatureRefused(findings)) {
			// the agent's contracts, the filing frequency, extensions, the managing office, the ledger and the
			// inspections are the taxpayer's records: a return nobody vouched for (a dry run's included) learns none
			DependentUnit.check(document).ifPresent(findings::add);
			PeriodRules.check(document, filedOn, null, findings);
			return new Checked(findings, taxpayer, null, List.of());
		}
		this.identity.checkAgent(header, findings);
		DependentUnit.check(document).ifPresent(findings::add);
		ExtendedDeadline extension = checkPeriod(document, receivedAt, filedOn, taxpayer.orElseThrow(), findings);
		this.identity.checkOffice(header, taxpayer.orElseThrow(), findings);
		findings.addAll(this.paidOnAccount.check(document, receivedAt));
		return new Checked(findings, taxpayer, extension, inspections(document, taxpayer.orElseThrow(), receivedAt));
	}

	/**
	 * The period's rules, then, when they leave a deadline to judge, the deadline's.
	 * @return the extension the return is held to, if any
	 */
	private @Nullable ExtendedDeadline checkPeriod(ReturnDocument document, Instant receivedAt, LocalDate filedOn,
			Taxpayer taxpayer, List<Finding> findings) {
		DeadlineRule rule = PeriodRules.check(document, filedOn, taxpayer, findings);
		return (rule != null) ? this.deadlines.check(document, rule, receivedAt, filedOn, taxpayer, findings) : null;
	}

	/**
	 * The inspections at the taxpayer's premises a supplement's period is under at its postmark (R-DUP-4),
	 * judged with the return in force by {@link InspectedPeriod}. Read only for a taxpayer ever inspected
	 * ({@link Taxpayer#inspected}), so that no other filing pays a round trip for them.
	 */
	private List<TaxInspection> inspections(ReturnDocument document, Taxpayer taxpayer, Instant receivedAt) {
		TaxPeriod period = document.header().period();
		if (!taxpayer.inspected() || !DeadlineRules.SUPPLEMENTARY.equals(document.header().filingType())
				|| !PeriodRules.wellFormed(period)) {
			return List.of();
		}
		return this.inspections.on(receivedAt, taxpayer.mst(), document.form().taxType(), period);
	}

	private static boolean rejectedToStop(List<Finding> findings) {
		return findings.stream().anyMatch((finding) -> finding.severity() == Severity.REJECT_AND_STOP);
	}

	/**
	 * What the context rules found.
	 * @param findings every finding
	 * @param taxpayer the registered taxpayer, if any
	 * @param extension the extension of the filing deadline the return is held to, if any
	 * @param inspections the inspections at the taxpayer's premises a supplement's period is under at the postmark
	 */
	record Checked(List<Finding> findings, Optional<Taxpayer> taxpayer, @Nullable ExtendedDeadline extension,
			List<TaxInspection> inspections) {

	}

}
