package etax.payment.correction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records correction requests: new entries beside the payments they are about, never a change to one.
 * Only an officer with the approver claim records one, and never one they decided themselves (four eyes,
 * checked again here although the reconciliation checks it first).
 */
@Service
public class Corrections {

	private static final Logger log = LoggerFactory.getLogger(Corrections.class);

	private final CorrectionRepository repository;

	private final Clock clock;

	Corrections(CorrectionRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Records a request once; the same request again answers what was recorded.
	 * @param request the request
	 * @param approver the officer who approved it, the caller
	 * @return the recorded request, and whether this call recorded it
	 * @throws CorrectionRefusedException when the caller may not approve it, it is invalid, or another
	 * request holds its id
	 */
	@Transactional
	public Recording record(CorrectionRequest request, Caller approver) {
		if (!approver.isOfficer() || !approver.approver()) {
			throw CorrectionRefusedException.approverRequired();
		}
		if (approver.subject().equals(request.requestedBy())) {
			throw CorrectionRefusedException.sameOfficer();
		}
		validate(request);
		String hash = request.contentHash();
		Optional<RecordedCorrection> existing = this.repository.find(request.correctionId());
		if (existing.isPresent()) {
			return replay(request, hash, existing.get());
		}
		boolean known = this.repository.voucherKnown(request.bankCode(), request.bankReference(), request.lineNumber());
		if (known == "RECORD".equals(request.kind())) {
			throw CorrectionRefusedException.invalid(known ? "The voucher is recorded already: RECORD is for one that is not"
					: "No recorded voucher (or line) matches bank, reference and line");
		}
		Optional<RecordedCorrection> inserted = this.repository.insert(request, hash, approver.subject(),
				this.clock.instant());
		if (inserted.isEmpty()) {
			return replay(request, hash, this.repository.find(request.correctionId()).orElseThrow());
		}
		log.info("Correction request recorded correctionId={} kind={} approvedBy={}", request.correctionId(),
				request.kind(), approver.subject());
		return new Recording(inserted.get(), true);
	}

	/**
	 * One recorded request.
	 * @param id its id
	 * @return the request
	 * @throws CorrectionNotFoundException when there is none
	 */
	public RecordedCorrection find(UUID id) {
		return this.repository.find(id).orElseThrow(() -> CorrectionNotFoundException.forId(id));
	}

	private Recording replay(CorrectionRequest request, String hash, RecordedCorrection existing) {
		if (!this.repository.hasHash(request.correctionId(), hash)) {
			throw CorrectionRefusedException.conflict(request.correctionId());
		}
		return new Recording(existing, false);
	}

	private static void validate(CorrectionRequest request) {
		List<String> problems = new ArrayList<>();
		if (!CorrectionRequest.KINDS.contains(request.kind())) {
			problems.add("kind must be one of " + CorrectionRequest.KINDS);
		}
		if ("RECODE".equals(request.kind()) && (request.lineNumber() == null || !request.changesCoding())) {
			problems.add("RECODE names a line and a corrected coding that differs from the coding as paid");
		}
		if (!problems.isEmpty()) {
			throw CorrectionRefusedException.invalid(String.join("; ", problems));
		}
	}

	/**
	 * @param correction the recorded request
	 * @param created whether this call recorded it (false: a retry of the same request)
	 */
	public record Recording(RecordedCorrection correction, boolean created) {

	}

}
