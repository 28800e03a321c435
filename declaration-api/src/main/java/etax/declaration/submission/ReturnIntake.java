package etax.declaration.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.signature.EnvelopeCapture;
import etax.schemas.Finding;
import etax.schemas.MalformedReturnException;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.ReturnValidator;
import etax.schemas.Severity;
import etax.schemas.Validation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Files a single return (ARCHITECTURE.md, "Outcomes of a filing"): input that is not a return, or not
 * a schema-valid one of a known form version, is not received and nothing of it is stored but an audit
 * line; a received return passes the context rules and its chain's rules, and is stored with its
 * receipt, findings, lifecycle and, when accepted, payable items and events, in one transaction. The
 * same idempotency key again answers with the original receipt, and so does the same content from the same
 * filer once accepted ({@link Idempotency}).
 */
@Service
public class ReturnIntake {

	private static final Logger log = LoggerFactory.getLogger(ReturnIntake.class);

	private final ReturnValidator validator;

	private final ContextRules contextRules;

	private final ReturnChains chains;

	private final GroupCommit groupCommit;

	private final ReturnQueries queries;

	private final IntakeAudit audit;

	private final IntakeMetrics metrics;

	private final FilingAuthority authority;

	private final Clock clock;

	private final Idempotency idempotency;

	private final DateRanges dateRanges;

	ReturnIntake(ReturnValidator validator, ContextRules contextRules, ReturnChains chains, GroupCommit groupCommit,
			ReturnQueries queries, IntakeAudit audit, IntakeMetrics metrics, FilingAuthority authority, Clock clock,
			Idempotency idempotency, DateRanges dateRanges) {
		this.idempotency = idempotency;
		this.dateRanges = dateRanges;
		this.authority = authority;
		this.validator = validator;
		this.contextRules = contextRules;
		this.chains = chains;
		this.groupCommit = groupCommit;
		this.queries = queries;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Files a return.
	 * @param xml the request body, byte for byte
	 * @param filer who files (the authenticated caller)
	 * @param idempotencyKey the filer's key for this filing, if sent
	 * @return the receipt and acceptance notice, and whether it is the original one replayed
	 * @throws MalformedReturnException if the input is not a well-formed, safe XML document within limits
	 * @throws ReturnNotReceivedException if it is not a schema-valid return of a known form version
	 * @throws IdempotencyConflictException if the key was used for other content
	 * @throws FilerNotAuthorizedException if the filer may not file for the taxpayer the return names
	 */
	public Filing file(byte[] xml, Caller filer, @Nullable String idempotencyKey) {
		ReturnFiling.Candidate candidate = candidate(xml, filer, idempotencyKey);
		return answer(candidate, this.groupCommit.file(candidate));
	}

	/**
	 * Files many returns of one filer (a batch request's items): each is read and checked on its own as
	 * {@link #file} would, then those received are filed together in one transaction, in order
	 * ({@link GroupCommit#fileTogether}).
	 * @param submissions the returns with their idempotency keys
	 * @param filer who files them
	 * @param maxReturnSize the largest return filed; a larger one is refused ({@link ReturnTooLargeException})
	 * @return the outcome of each, in order: its answer, or why it was refused or failed (the exceptions
	 * {@link #file} throws)
	 */
	public List<Outcome> fileAll(List<Submission> submissions, Caller filer, DataSize maxReturnSize) {
		Outcome[] outcomes = new Outcome[submissions.size()];
		List<Integer> positions = new ArrayList<>();
		List<ReturnFiling.Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < submissions.size(); i++) {
			Submission submission = submissions.get(i);
			try {
				if (submission.xml().length > maxReturnSize.toBytes()) {
					refused(filer, "TOO_LARGE", submission.xml().length);
					throw new ReturnTooLargeException(maxReturnSize);
				}
				candidates.add(candidate(submission.xml(), filer, submission.idempotencyKey()));
				positions.add(i);
			}
			catch (RuntimeException ex) {
				outcomes[i] = Outcome.refused(ex);
			}
		}
		List<GroupCommit.Result> results = this.groupCommit.fileTogether(candidates);
		for (int j = 0; j < candidates.size(); j++) {
			GroupCommit.Result result = results.get(j);
			outcomes[positions.get(j)] = (result.filed() != null) ? answered(candidates.get(j), result.filed())
					: Outcome.refused(Objects.requireNonNull(result.failure()));
		}
		return List.of(outcomes);
	}

	private Outcome answered(ReturnFiling.Candidate candidate, ReturnFiling.Filed filed) {
		try {
			return Outcome.filed(answer(candidate, filed));
		}
		catch (RuntimeException ex) {
			return Outcome.refused(ex);
		}
	}

	private ReturnFiling.Candidate candidate(byte[] xml, Caller filer, @Nullable String idempotencyKey) {
		EnvelopeCapture envelope = new EnvelopeCapture();
		Validation.Receivable receivable = receivable(xml, envelope, filer);
		ReturnDocument document = receivable.document();
		authorize(filer, document, xml);
		// to the microsecond, as PostgreSQL keeps it: the receipt answered now and the one read back later agree
		Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		ContextRules.Checked checked = this.contextRules.check(document, envelope, receivedAt);
		List<Finding> findings = new ArrayList<>(receivable.findings());
		findings.addAll(checked.findings());
		return new ReturnFiling.Candidate(filer.subject(), filer.role().name(), document, findings, checked.taxpayer(),
				idempotencyKey, receivedAt, checked.extension(), checked.inspections());
	}

	private Filing answer(ReturnFiling.Candidate candidate, ReturnFiling.Filed filed) {
		if (filed instanceof ReturnFiling.Filed.Conflict) {
			throw new IdempotencyConflictException(filed.returnId());
		}
		if (filed instanceof ReturnFiling.Filed.Replayed) {
			StoredReturn original = this.queries.filed(filed.returnId());
			return new Filing(Receipt.of(original), true, original.taxOfficeCode());
		}
		Receipt receipt = ((ReturnFiling.Filed.Received) filed).receipt();
		ReturnHeader header = candidate.document().header();
		log.info("Return received returnId={} form={} status={}", receipt.returnId(), header.formCode(), receipt.status());
		this.metrics.received(header.formCode(), receipt.status());
		return new Filing(receipt, false, header.taxOfficeCode());
	}

	/**
	 * Runs the whole pipeline without filing: nothing is stored, no transaction code is issued.
	 * @param xml the return
	 * @param filer who would file it
	 * @return the findings and the decision the return would get now
	 * @throws FilerNotAuthorizedException if the filer may not file for the taxpayer the return names
	 */
	public DryRun validate(byte[] xml, Caller filer) {
		EnvelopeCapture envelope = new EnvelopeCapture();
		Validation validation = this.validator.validate(xml, envelope);
		if (!(validation instanceof Validation.Receivable receivable)) {
			return new DryRun(false, null, validation.findings(), null);
		}
		ReturnDocument document = receivable.document();
		this.authority.check(filer, document.header().mst());
		ContextRules.Checked checked = this.contextRules.check(document, envelope, this.clock.instant());
		List<Finding> findings = new ArrayList<>(receivable.findings());
		findings.addAll(checked.findings());
		// a filing of this content without a key would be answered with the filer's accepted return, as filing does
		Optional<UUID> replayed = this.idempotency.acceptedReturnOf(filer.subject(), document.sha256());
		if (replayed.isPresent()) {
			return new DryRun(true, ReturnStatus.ACCEPTED, findings, this.queries.filed(replayed.get()).transactionCode());
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
		return new DryRun(true, rejected ? ReturnStatus.NOT_ACCEPTED : ReturnStatus.ACCEPTED, findings, null);
	}

	/**
	 * Records a body that was refused before it could be parsed (e.g. over the size limit).
	 * @param caller who sent it
	 * @param reason why it was refused
	 * @param sizeBytes how much of it was read
	 */
	void refused(Caller caller, String reason, int sizeBytes) {
		this.audit.notReceived(caller, "refused", reason, sizeBytes, null, null);
		this.metrics.rejected(reason.toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	private void authorize(Caller filer, ReturnDocument document, byte[] xml) {
		try {
			this.authority.check(filer, document.header().mst());
		}
		catch (FilerNotAuthorizedException ex) {
			notReceived(filer, "refused", "NOT_AUTHORIZED", xml, document.header().mst());
			throw ex;
		}
	}

	private Validation.Receivable receivable(byte[] xml, EnvelopeCapture envelope, Caller filer) {
		Validation validation;
		try {
			validation = this.validator.validate(xml, envelope);
		}
		catch (MalformedReturnException ex) {
			notReceived(filer, "malformed", ex.reason().name(), xml, null);
			throw ex;
		}
		if (validation instanceof Validation.Receivable receivable) {
			return receivable;
		}
		notReceived(filer, "schema", "NOT_RECEIVABLE", xml, null);
		throw new ReturnNotReceivedException(validation.findings());
	}

	private void notReceived(Caller filer, String outcome, String reason, byte[] xml, @Nullable String mst) {
		this.audit.notReceived(filer, outcome, reason, xml.length, sha256(xml), mst);
		this.metrics.rejected(outcome);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A filing's answer.
	 * @param receipt the receipt and acceptance notice
	 * @param replayed whether this is the original answer to an earlier request with the same key, or of the
	 * filer's accepted return of the same content
	 * @param taxOfficeCode the tax office the return was filed with ({@code maCQTNoiNop})
	 */
	public record Filing(Receipt receipt, boolean replayed, String taxOfficeCode) {

	}

	/**
	 * A return to file among many.
	 * @param xml the return, byte for byte
	 * @param idempotencyKey the filer's key for it, if any
	 */
	public record Submission(byte[] xml, @Nullable String idempotencyKey) {

	}

	/**
	 * What became of a return filed among many: its answer, or the exception {@link #file} would have
	 * thrown for it.
	 * @param filing the answer, when it was filed now or before
	 * @param refusal why not, otherwise
	 */
	public record Outcome(@Nullable Filing filing, @Nullable RuntimeException refusal) {

		static Outcome filed(Filing filing) {
			return new Outcome(filing, null);
		}

		static Outcome refused(RuntimeException refusal) {
			return new Outcome(null, refusal);
		}

	}

	/**
	 * The answer of a dry run.
	 * @param receivable whether the return would be received
	 * @param status whether it would be accepted, when received
	 * @param findings every finding
	 * @param replays the transaction code of the caller's accepted return of the same content, when there is
	 * one: filed without a key (or with a new one), the return would not be decided again but answered 200 with
	 * that receipt ({@link Idempotency})
	 */
	public record DryRun(boolean receivable, @Nullable ReturnStatus status, List<Finding> findings,
			@Nullable String replays) {

	}

}
