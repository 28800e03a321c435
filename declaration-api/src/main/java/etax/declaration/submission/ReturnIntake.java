package etax.declaration.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import etax.access.Caller;
import etax.schemas.Finding;
import etax.schemas.MalformedReturnException;
import etax.schemas.ReturnHeader;
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
 * filer once accepted ({@link Idempotency}). A return is received by {@link ReturnReception}, filed by
 * {@link GroupCommit} with others that arrive together, and answered here.
 */
@Service
public class ReturnIntake {

	private static final Logger log = LoggerFactory.getLogger(ReturnIntake.class);

	private final ReturnReception reception;

	private final DryRunValidation dryRuns;

	private final GroupCommit groupCommit;

	private final ReturnQueries queries;

	private final IntakeMetrics metrics;

	ReturnIntake(ReturnReception reception, DryRunValidation dryRuns, GroupCommit groupCommit, ReturnQueries queries,
			IntakeMetrics metrics) {
		this.reception = reception;
		this.dryRuns = dryRuns;
		this.groupCommit = groupCommit;
		this.queries = queries;
		this.metrics = metrics;
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
		ReturnFiling.Candidate candidate = this.reception.receive(xml, filer, idempotencyKey);
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
				candidates.add(this.reception.receive(submission.xml(), filer, submission.idempotencyKey()));
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
		return this.dryRuns.validate(xml, filer);
	}

	/**
	 * Records a body that was refused before it could be parsed (e.g. over the size limit).
	 * @param caller who sent it
	 * @param reason why it was refused
	 * @param sizeBytes how much of it was read
	 */
	void refused(Caller caller, String reason, int sizeBytes) {
		this.reception.refused(caller, reason, sizeBytes);
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
