package etax.payment.overpayment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.ledger.CreditRequestRefusedException;
import etax.payment.ledger.CreditRequests;
import etax.payment.ledger.PaymentAllocated;
import etax.payment.ledger.TaxpayerLedger;
import etax.payment.office.OfficeScope;
import etax.payment.office.OfficeScope.Condition;
import etax.payment.office.TaxOffices;
import etax.payment.overpayment.OverpaymentRepository.Stored;
import etax.payment.overpayment.OverpaymentRequest.Decision;
import etax.payment.overpayment.OverpaymentRequest.Payee;
import etax.payment.overpayment.OverpaymentRequest.Target;
import etax.payment.treasury.Refund;
import etax.payment.treasury.TreasuryRefunds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records taxpayers' requests about their overpayments (01/ĐNXLNT) and carries out what a second officer approves.
 *
 * <p>
 * Four eyes, as for held credits (ADR 0006): an officer of the credit's office (the office its payment's collecting
 * agency maps to, ADR 0022) or a national officer records the request with their own token; another officer with
 * the approver claim approves or refuses it, once. Recording moves nothing; the approval carries the request out in
 * its own transaction: the ledger's entry ({@link CreditRequests}), the treasury's refund order or re-coding, the
 * decision row and the announcement commit together or not at all, and the ledger judges the credit and the item
 * again under the taxpayers' locks. A refund order the treasury refuses gives the money back to the credit
 * ({@link RefundRefusals}).
 */
@Service
public class OverpaymentRequests {

	private static final Logger log = LoggerFactory.getLogger(OverpaymentRequests.class);

	private final OverpaymentRepository repository;

	private final CreditRequests credits;

	private final TreasuryRefunds refunds;

	private final TaxpayerLedger ledger;

	private final TaxOffices offices;

	private final Outbox outbox;

	private final Clock clock;

	OverpaymentRequests(OverpaymentRepository repository, CreditRequests credits, TreasuryRefunds refunds,
			TaxpayerLedger ledger, TaxOffices offices, Outbox outbox, Clock clock) {
		this.repository = repository;
		this.credits = credits;
		this.refunds = refunds;
		this.ledger = ledger;
		this.offices = offices;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Records a request as the officer who took it; nothing moves until another officer approves it.
	 * @param mst the taxpayer whose credit it is, canonical
	 * @param asked what the taxpayer asks
	 * @param officer the caller
	 * @return the request, pending, and whether this call recorded it: the same request of the same 01/ĐNXLNT again
	 * (same credit, kind, item, amount and account) is answered with the one recorded, whatever became of it
	 * @throws CreditRequestRefusedException when the taxpayer has no such credit the officer may see, an offset's
	 * item is not one of a ledger the officer may read, or the ledger would not carry it out now
	 * @throws OverpaymentRefusedException when the request lacks what its kind needs, the credit is another
	 * office's, or the document recorded a request about the same credit, kind and item otherwise
	 */
	@Transactional
	public Recorded record(String mst, Asked asked, Caller officer) {
		OverpaymentRepository.Agency agency = this.repository.agencyOfCredit(asked.creditId(), mst)
			.filter((a) -> this.offices.scopeOf(officer).seesPayment(a.code()))
			.orElseThrow(() -> CreditRequestRefusedException.creditNotFound(asked.creditId()));
		requireActs(officer, agency.code());
		asked.validate(mst);
		this.repository.lockDocument(mst, asked.documentNumber());
		Optional<OverpaymentRequest> recorded = this.repository.byDocument(mst, asked.documentNumber())
			.stream()
			.filter(asked::sameLine)
			.findFirst();
		if (recorded.isPresent()) {
			if (!asked.sameAs(recorded.get())) {
				throw OverpaymentRefusedException.recordedOtherwise(asked.documentNumber(), recorded.get().requestId());
			}
			return new Recorded(recorded.get(), false);
		}
		requireReadableItem(asked.target(), officer);
		this.credits.check(ledgerRequest(mst, asked.creditId(), asked.amount(), asked.target()));
		OverpaymentRequest request = new OverpaymentRequest(TimeOrderedIds.next(), mst, asked.creditId(), asked.kind(),
				asked.amount(), asked.documentNumber(), asked.target(), asked.payee(), officer.subject(),
				this.clock.instant(), "PENDING", null);
		this.repository.insert(new Stored(request, agency.code()));
		log.info("Overpayment request recorded requestId={} kind={} requestedBy={}", request.requestId(),
				request.kind(), officer.subject());
		return new Recorded(request, true);
	}

	/**
	 * @param request the request
	 * @param created whether this call recorded it (false: the same request of the same document was recorded
	 * before, and is answered as it stands)
	 */
	public record Recorded(OverpaymentRequest request, boolean created) {

	}

	/**
	 * A page of a taxpayer's requests, the latest first, and how many the caller sees in all, in one snapshot: the
	 * taxpayer's own to itself, those of its office's credits to an office's officer, all to a national officer.
	 * @param mst the taxpayer, canonical; the controller let a taxpayer caller ask only for its own
	 * @param caller the caller
	 * @param before the previous page's {@link Page#next}, null for the latest requests
	 * @param pending whether only the requests waiting for a decision (a second officer's list)
	 * @param size the most requests a page lists
	 * @throws etax.payment.ledger.TaxpayerNotFoundException for an officer who sees none of its requests and may
	 * not read its ledger
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Page list(String mst, Caller caller, @Nullable OverpaymentRequestCursor before, boolean pending,
			int size) {
		Condition scope = (caller.role() == Role.TAXPAYER) ? new Condition("TRUE", List.of())
				: this.offices.scopeOf(caller).onCollectingAgency("r.collecting_agency_code");
		long total = this.repository.count(mst, scope, pending);
		if (total == 0 && caller.role() != Role.TAXPAYER) {
			this.ledger.requireReadable(mst, caller);
		}
		List<OverpaymentRequest> read = this.repository.list(mst, scope, before, pending, size + 1);
		List<OverpaymentRequest> requests = List.copyOf(read.subList(0, Math.min(size, read.size())));
		OverpaymentRequest last = (read.size() > size) ? requests.get(size - 1) : null;
		return new Page(requests, total,
				(last != null) ? new OverpaymentRequestCursor(last.requestedAt(), last.requestId()) : null);
	}

	/**
	 * A page of a taxpayer's requests.
	 * @param requests the requests, the latest first
	 * @param total how many of the taxpayer's requests the caller sees, on every page
	 * @param next where the next page starts ({@code before}), null on the last
	 */
	public record Page(List<OverpaymentRequest> requests, long total, @Nullable OverpaymentRequestCursor next) {

	}

	/**
	 * One request, as {@link #list} shows it.
	 * @throws OverpaymentRequestNotFoundException when the caller reads no request of the taxpayer with the id
	 */
	public OverpaymentRequest find(String mst, UUID requestId, Caller caller) {
		return readable(mst, requestId, caller).request();
	}

	/**
	 * Approves a request as a second officer and carries it out.
	 * @return the request, approved
	 * @throws OverpaymentRefusedException when the caller may not decide it, or it is decided
	 * @throws CreditRequestRefusedException when the credit or the item no longer allow it, or an offset's item is of a
	 * ledger the approver may not read (nothing is recorded)
	 */
	@Transactional
	public OverpaymentRequest approve(String mst, UUID requestId, Caller approver) {
		Stored stored = decidable(mst, requestId, approver);
		OverpaymentRequest request = stored.request();
		Target target = request.target();
		requireReadableItem(target, approver);
		CreditRequests.Moved moved;
		try {
			moved = this.credits.carryOut(ledgerRequest(mst, request.creditId(), request.amount(), target));
		}
		catch (CreditRequestRefusedException ex) {
			// under the taxpayers' locks: a second approval that waited for the first finds the credit spent by it
			throw decidedMeanwhile(stored).orElseThrow(() -> ex);
		}
		Instant now = this.clock.instant();
		UUID postingId = moved.recodingId();
		Object event;
		if (target == null) {
			postingId = UUID.nameUUIDFromBytes(("etax.payment\u001Frefund\u001F" + requestId).getBytes(StandardCharsets.UTF_8));
			Payee payee = Objects.requireNonNull(request.payee(), "a refund names the account");
			this.refunds.request(new Refund(postingId, mst, moved.paidWith(), moved.subItem(), request.amount(),
					moved.valueDate(), new Refund.Payee(payee.bankCode(), payee.account(), payee.name())));
			event = new CreditRefunded(TimeOrderedIds.next(), CreditRefunded.TYPE, 1, now, requestId, mst,
					request.creditId(), moved.subItem(), request.amount(), moved.valueDate(), postingId);
		}
		else {
			BigDecimal after = Objects.requireNonNull(moved.outstandingAfter(), "an offset pays an item");
			event = new CreditOffsetToObligation(TimeOrderedIds.next(), CreditOffsetToObligation.TYPE, 1, now, requestId,
					mst, request.creditId(), moved.subItem(), request.amount(), moved.valueDate(), target.payableItemId(),
					target.mst(), after, after.signum() == 0);
		}
		decide(stored, new Decision("APPROVED", approver.subject(), null, now, moved.entryId(), postingId, null));
		this.outbox.append(OutboxMessage.of(PaymentAllocated.TOPIC, mst, event));
		log.info("Overpayment request approved requestId={} kind={} approvedBy={}", requestId, request.kind(),
				approver.subject());
		return find(mst, requestId, approver);
	}

	/**
	 * Refuses a request as a second officer: nothing moves.
	 * @param reason why, in the officer's words
	 * @return the request, refused
	 * @throws OverpaymentRefusedException when the caller may not decide it, or it is decided
	 */
	@Transactional
	public OverpaymentRequest refuse(String mst, UUID requestId, String reason, Caller approver) {
		Stored stored = decidable(mst, requestId, approver);
		decide(stored, new Decision("REFUSED", approver.subject(), reason, this.clock.instant(), null, null, null));
		log.info("Overpayment request refused requestId={} refusedBy={}", requestId, approver.subject());
		return find(mst, requestId, approver);
	}

	private void decide(Stored stored, Decision decision) {
		if (!this.repository.decide(stored, decision)) {
			// judged undecided, so another decision committed meanwhile: this one and what it moved roll back
			throw decidedMeanwhile(stored).orElseThrow();
		}
	}

	private Optional<OverpaymentRefusedException> decidedMeanwhile(Stored stored) {
		UUID requestId = stored.request().requestId();
		return this.repository.find(requestId)
			.map((now) -> now.request().decision())
			.map((decision) -> OverpaymentRefusedException.decided(requestId, decision.outcome()));
	}

	private Stored decidable(String mst, UUID requestId, Caller approver) {
		Stored stored = readable(mst, requestId, approver);
		if (!approver.isOfficer() || !approver.approver()) {
			throw OverpaymentRefusedException.approverRequired();
		}
		if (approver.subject().equals(stored.request().requestedBy())) {
			throw OverpaymentRefusedException.sameOfficer(approver.subject());
		}
		requireActs(approver, stored.agency());
		Decision decision = stored.request().decision();
		if (decision != null) {
			throw OverpaymentRefusedException.decided(requestId, decision.outcome());
		}
		return stored;
	}

	private Stored readable(String mst, UUID requestId, Caller caller) {
		OfficeScope scope = this.offices.scopeOf(caller);
		return this.repository.find(requestId)
			.filter((s) -> s.request().mst().equals(mst))
			.filter((s) -> (caller.role() == Role.TAXPAYER) || scope.seesPayment(s.agency()))
			.orElseThrow(() -> OverpaymentRequestNotFoundException.forId(requestId));
	}

	/**
	 * An offset's item is one of a ledger the officer may read, recording or approving it: alike whether the item is
	 * not booked or its taxpayer's ledger is another office's, since the ledger's answers would tell an office's
	 * officer what another office's taxpayer owes (ADR 0022). An offset across offices is a national officer's.
	 */
	private void requireReadableItem(@Nullable Target target, Caller officer) {
		if (target != null && !this.ledger.readable(target.mst(), officer)) {
			throw CreditRequestRefusedException.itemNotFound(target.payableItemId());
		}
	}

	/** An office's officer acts on the credits of its office's payments; a national officer on any (ADR 0022). */
	private void requireActs(Caller officer, @Nullable String agency) {
		boolean acts = (officer.role() == Role.NATIONAL_OFFICER)
				|| (agency != null && this.offices.mayActOn(officer, agency));
		if (!acts) {
			throw OverpaymentRefusedException.outsideOffice(String.valueOf(officer.taxOffice()));
		}
	}

	/**
	 * What a taxpayer asks on its 01/ĐNXLNT about one general credit of its own.
	 * @param kind {@code REFUND} or {@code OFFSET}
	 * @param creditId the credit
	 * @param amount whole VND, positive
	 * @param documentNumber the number of the 01/ĐNXLNT
	 * @param target for an offset, the item and its taxpayer (with the relation, for another MST)
	 * @param payee for a refund, the bank account
	 */
	public record Asked(String kind, UUID creditId, BigDecimal amount, String documentNumber, @Nullable Target target,
			@Nullable Payee payee) {

		void validate(String mst) {
			if ("REFUND".equals(this.kind) && (this.payee == null || this.target != null)) {
				throw OverpaymentRefusedException.invalid("A REFUND names the bank account it is paid into (payee) "
						+ "and no item to offset against");
			}
			if ("OFFSET".equals(this.kind) && (this.target == null || this.payee != null)) {
				throw OverpaymentRefusedException.invalid("An OFFSET names the payable item and its taxpayer (target) "
						+ "and no bank account");
			}
			Target t = this.target;
			if (t != null && !t.mst().equals(mst) && (t.relation() == null || t.relation().isBlank())) {
				throw OverpaymentRefusedException.invalid("An OFFSET against another MST's item says how the two are "
						+ "related (target.relation: parent, subsidiary, ...)");
			}
			if (this.amount.signum() <= 0 || this.amount.stripTrailingZeros().scale() > 0) {
				throw OverpaymentRefusedException.invalid("The amount is a positive whole number of VND");
			}
		}

		/** Whether a request of the same document is about the same thing: its credit, kind and item. */
		boolean sameLine(OverpaymentRequest recorded) {
			return recorded.creditId().equals(this.creditId) && recorded.kind().equals(this.kind)
					&& Objects.equals(itemOf(recorded.target()), itemOf(this.target));
		}

		/** Whether it is this request, as asked: an officer's retry, or a confirmation sent twice. */
		boolean sameAs(OverpaymentRequest recorded) {
			return sameLine(recorded) && recorded.amount().compareTo(this.amount) == 0
					&& Objects.equals(recorded.target(), this.target) && Objects.equals(recorded.payee(), this.payee);
		}

		private static @Nullable String itemOf(@Nullable Target target) {
			return (target != null) ? target.payableItemId() : null;
		}

	}

	private static CreditRequests.Request ledgerRequest(String mst, UUID creditId, BigDecimal amount,
			@Nullable Target target) {
		return new CreditRequests.Request(mst, creditId, amount, (target != null) ? target.mst() : null,
				(target != null) ? target.payableItemId() : null);
	}

}
