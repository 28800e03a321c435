package etax.payment.correction;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import etax.payment.office.TaxOffices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records correction requests: new entries beside the payments they are about, never a change to one.
 *
 * <p>
 * Four eyes, proven rather than declared (docs/adr/0014-reconciliation.md): the officer who decided a
 * request first {@linkplain #propose proposes} it with their own token, which makes them its requester;
 * then an officer with the approver claim, another one, {@linkplain #record records} it with theirs, and the
 * request must be the one proposed. Nobody's word is taken for who the other officer was.
 *
 * <p>
 * A request is an entry beside the payment, carried out later (ADR 0014), except the two that resolve a credit
 * held for an officer ({@code APPLY_HELD}, {@code RELEASE_HELD}): recording one carries it out in the ledger in
 * the same transaction (ADR 0006). A REVERSE of what is reversed already, and a second resolution of a held
 * credit, are refused when proposed and when recorded.
 */
@Service
public class Corrections {

	private static final Logger log = LoggerFactory.getLogger(Corrections.class);

	private final CorrectionRepository repository;

	private final CorrectionChecks checks;

	private final VoucherChecks vouchers;

	private final TaxOffices offices;

	private final CorrectionProperties properties;

	private final Clock clock;

	Corrections(CorrectionRepository repository, CorrectionChecks checks, VoucherChecks vouchers, TaxOffices offices,
			CorrectionProperties properties, Clock clock) {
		this.repository = repository;
		this.checks = checks;
		this.vouchers = vouchers;
		this.offices = offices;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes the proposal of the officer who decided a request, once; the same proposal again answers the first.
	 * @param request the request; its {@code requestedBy} must be the caller
	 * @param proposer the officer who decided it, the caller
	 * @return the proposal, and whether this call took it
	 * @throws CorrectionRefusedException when the caller is not the officer the request names, the request is
	 * invalid, or another proposal holds its id
	 */
	@Transactional
	public Proposing propose(CorrectionRequest request, Caller proposer) {
		if (!proposer.isOfficer() || !proposer.subject().equals(request.requestedBy())) {
			throw CorrectionRefusedException.requesterNotCaller(request.requestedBy(), proposer.subject());
		}
		this.checks.check(request);
		String hash = request.contentHash();
		Optional<CorrectionProposal> existing = this.repository.proposal(request.correctionId());
		if (existing.isEmpty()) {
			this.vouchers.check(request, proposer);
			existing = this.repository.propose(request, hash, proposer.subject(), this.clock.instant());
			if (existing.isPresent()) {
				log.info("Correction proposed correctionId={} kind={} proposedBy={}", request.correctionId(),
						request.kind(), proposer.subject());
				return new Proposing(existing.get(), true);
			}
		}
		if (!this.repository.proposalHasHash(request.correctionId(), hash)) {
			throw CorrectionRefusedException.conflict(request.correctionId());
		}
		CorrectionProposal proposal = this.repository.proposal(request.correctionId()).orElseThrow();
		if (proposal.withdrawal() != null) {
			throw CorrectionRefusedException.withdrawn(request.correctionId(), proposal.withdrawal());
		}
		return new Proposing(proposal, false);
	}

	/**
	 * Records a proposed request once, as its approver; the same request again answers what was recorded.
	 * @param request the request, as proposed
	 * @param approver the officer who approved it, the caller
	 * @return the recorded request, and whether this call recorded it
	 * @throws CorrectionRefusedException when the caller may not approve it, it is invalid, was not proposed
	 * (or not so), or another request holds its id
	 */
	@Transactional
	public Recording record(CorrectionRequest request, Caller approver) {
		if (!approver.isOfficer() || !approver.approver()) {
			throw CorrectionRefusedException.approverRequired();
		}
		if (approver.subject().equals(request.requestedBy())) {
			throw CorrectionRefusedException.sameOfficer(approver.subject());
		}
		this.checks.check(request);
		String hash = request.contentHash();
		Optional<RecordedCorrection> existing = this.repository.find(request.correctionId());
		if (existing.isPresent()) {
			return replay(request, hash, existing.get());
		}
		CorrectionProposal proposal = this.repository.lockProposal(request.correctionId())
			.orElseThrow(() -> CorrectionRefusedException.notProposed(request.correctionId(), request.requestNumber()));
		Optional<RecordedCorrection> meanwhile = this.repository.find(request.correctionId());
		if (meanwhile.isPresent()) {
			return replay(request, hash, meanwhile.get());
		}
		if (proposal.withdrawal() != null) {
			throw CorrectionRefusedException.withdrawn(request.correctionId(), proposal.withdrawal());
		}
		if (!this.repository.proposalHasHash(request.correctionId(), hash)) {
			throw CorrectionRefusedException.notAsProposed(request.correctionId(), proposal.proposedBy());
		}
		if (proposal.proposedBy().equals(approver.subject())) {
			throw CorrectionRefusedException.sameOfficer(approver.subject());
		}
		// the requests about one payment are judged and recorded one after another: two REVERSEs or RECORDs of a
		// line, or two resolutions of its held credit, approved at the same time, are one and a refusal
		if ("RECORD".equals(request.kind())) {
			this.repository.lockVoucher(request.bankCode(), request.bankReference());
		}
		else {
			this.repository.lockPayment(request.bankCode(), request.bankReference());
		}
		this.vouchers.check(request, approver);
		Optional<RecordedCorrection> inserted = this.repository.insert(request, hash, proposal.proposedBy(),
				approver.subject(), this.clock.instant());
		if (inserted.isEmpty()) {
			return replay(request, hash, this.repository.find(request.correctionId()).orElseThrow());
		}
		if (request.resolvesHeldCredit()) {
			this.vouchers.resolveHeldCredit(request, inserted.get());
		}
		log.info("Correction request recorded correctionId={} kind={} requestedBy={} approvedBy={}",
				request.correctionId(), request.kind(), proposal.proposedBy(), approver.subject());
		return new Recording(inserted.get(), true);
	}

	/**
	 * Withdraws a proposal before it is recorded, once; a withdrawn proposal is never recorded. The officer who
	 * proposed it withdraws it, or an approver who reads it, or batch-processor (a SERVICE named in
	 * {@code etax.payment.corrections.withdrawing-services}), whose work item's resolution was rejected or withdrawn:
	 * withdrawing moves no money, so that service's word is enough.
	 * @param id the proposal's id
	 * @param reason why
	 * @param caller who withdraws it
	 * @return the proposal with its withdrawal, and whether this call withdrew it
	 * @throws CorrectionNotFoundException when there is none the caller reads
	 * @throws CorrectionRefusedException when the caller may not withdraw it, or it is recorded already
	 */
	@Transactional
	public Withdrawing withdraw(UUID id, String reason, Caller caller) {
		boolean service = caller.role() == Role.SERVICE;
		if (service && !this.properties.withdrawingServices().contains(caller.subject())) {
			throw CorrectionRefusedException.withdrawalNotAllowed(id, "its proposer");
		}
		CorrectionProposal proposal = this.repository.lockProposal(id)
			.filter((found) -> service || readable(id, true, caller))
			.orElseThrow(() -> CorrectionNotFoundException.forId(id));
		if (proposal.withdrawal() != null) {
			return new Withdrawing(proposal, false);
		}
		if (!service && !caller.approver() && !caller.subject().equals(proposal.proposedBy())) {
			throw CorrectionRefusedException.withdrawalNotAllowed(id, proposal.proposedBy());
		}
		Optional<RecordedCorrection> recorded = this.repository.find(id);
		if (recorded.isPresent()) {
			throw CorrectionRefusedException.alreadyRecorded(id, recorded.get().approvedBy());
		}
		this.repository.withdraw(id, caller.subject(), reason, this.clock.instant());
		log.info("Correction proposal withdrawn correctionId={} withdrawnBy={}", id, caller.subject());
		return new Withdrawing(this.repository.proposal(id).orElseThrow(), true);
	}

	/**
	 * One recorded request, as an officer reads it: one it proposed or approved, or one about a payment of its
	 * office (ADR 0022).
	 * @param id its id
	 * @param officer the caller
	 * @return the request
	 * @throws CorrectionNotFoundException when there is none the officer reads
	 */
	public RecordedCorrection find(UUID id, Caller officer) {
		return this.repository.find(id)
			.filter((found) -> readable(id, false, officer))
			.orElseThrow(() -> CorrectionNotFoundException.forId(id));
	}

	/**
	 * One proposal, as an officer reads it: one it proposed, or one about a payment of its office (ADR 0022).
	 * @param id its id
	 * @param officer the caller
	 * @return the proposal
	 * @throws CorrectionNotFoundException when there is none the officer reads
	 */
	public CorrectionProposal proposal(UUID id, Caller officer) {
		return this.repository.proposal(id)
			.filter((found) -> readable(id, true, officer))
			.orElseThrow(() -> CorrectionNotFoundException.forId(id));
	}

	private boolean readable(UUID id, boolean proposal, Caller officer) {
		return this.repository.readable(id, proposal, officer.subject(), this.offices.scopeOf(officer));
	}

	private Recording replay(CorrectionRequest request, String hash, RecordedCorrection existing) {
		if (!this.repository.hasHash(request.correctionId(), hash)) {
			throw CorrectionRefusedException.conflict(request.correctionId());
		}
		return new Recording(existing, false);
	}

	/**
	 * @param correction the recorded request
	 * @param created whether this call recorded it (false: a retry of the same request)
	 */
	public record Recording(RecordedCorrection correction, boolean created) {

	}

	/**
	 * @param proposal the proposal
	 * @param created whether this call took it (false: a retry of the same proposal)
	 */
	public record Proposing(CorrectionProposal proposal, boolean created) {

	}

	/**
	 * @param proposal the proposal, withdrawn
	 * @param withdrawn whether this call withdrew it (false: it was withdrawn before)
	 */
	public record Withdrawing(CorrectionProposal proposal, boolean withdrawn) {

	}

}
