package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.payment.treasury.TreasuryAcks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out in the ledger what a taxpayer asked about its overpayment on form 01/ĐNXLNT (VN-ETAX §5.7, Law
 * 38/2019 Art. 60) once two officers approved it: an amount of a general credit refunded, or offset against an
 * open item of the taxpayer or of another MST (a parent, a subsidiary). New entries beside the payment's, under the
 * locks of both taxpayers (the ledger's one protocol, {@link LedgerRepository#lock}), announced like any allocation
 * ({@link PaymentAllocated}) and re-coded at the treasury when the money changes sub-item or taxpayer. Who asked
 * and who approved is the caller's to keep: the ledger knows only the credit, the item and the amount.
 */
@Service
public class CreditRequests {

	private final LedgerRepository ledger;

	private final CreditRepository credits;

	private final ObligationRepository obligations;

	private final Allocations allocations;

	private final TreasuryAcks treasury;

	private final Clock clock;

	CreditRequests(LedgerRepository ledger, CreditRepository credits, ObligationRepository obligations,
			Allocations allocations, TreasuryAcks treasury, Clock clock) {
		this.ledger = ledger;
		this.credits = credits;
		this.obligations = obligations;
		this.allocations = allocations;
		this.treasury = treasury;
		this.clock = clock;
	}

	/**
	 * Whether the ledger would carry out a request now; a request is refused when it is recorded rather than when
	 * it is approved. The approval judges again, under the locks.
	 * @param request the request
	 * @throws CreditRequestRefusedException when it would not, saying why
	 */
	public void check(Request request) {
		judge(request);
	}

	/**
	 * Carries out an approved request in the caller's transaction (the one that records the approval, so both
	 * commit or neither): a {@code CREDIT_OFFSET} or {@code CREDIT_REFUNDED} entry dated today.
	 * @param request the request
	 * @return what moved
	 * @throws CreditRequestRefusedException when the credit or the item no longer allow it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Moved carryOut(Request request) {
		Credit judged = judge(request);
		if (request.targetItemId() == null) {
			// before the ledger's locks, as a REVERSE's approval and the bank's reversal take it: a REVERSE of the
			// payment approved meanwhile is seen below (requireNotReversing), or waits and sees the refund
			this.credits.holdPayment(judged.postingId());
		}
		Set<String> msts = new LinkedHashSet<>(List.of(request.mst()));
		if (request.targetMst() != null) {
			msts.add(request.targetMst());
		}
		this.ledger.lock(msts);
		Credit credit = judge(request);
		String itemId = request.targetItemId();
		Allocation allocation = this.allocations.allocation(Set.of(request.mst()),
				(itemId != null) ? Set.of(itemId) : Set.of(), Set.of(credit.creditId()));
		LedgerEntry entry = allocation.carryOut(credit.creditId(), itemId, request.amount());
		Obligation item = (itemId != null) ? allocation.item(itemId) : null;
		this.allocations.store(allocation);
		return new Moved(entry.entryId(), credit.subItem(), credit.postingId(), entry.valueDate(),
				(item != null) ? item.outstanding() : null,
				entry.needsRecoding() ? Allocations.recodingId(entry.entryId()) : null);
	}

	/**
	 * Takes back refunds the treasury refused, in the caller's transaction (the one that records the refusals): a
	 * {@code REVERSAL} of each refund's entry gives the amount back to the credit it came from, which is offset from
	 * then on like any general credit. Once: a refund reversed already (with a bank's reversal of its payment) is
	 * left. The locks of all their taxpayers are taken first, at once, in the one global order: restored one by one,
	 * they would be locked in the order of the acks, and two transactions doing that in different orders could
	 * wait for each other in a cycle.
	 * @param refundEntries the refunds' entries
	 * @return those this call took back
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Set<UUID> restoreRefunds(Collection<UUID> refundEntries) {
		Set<String> msts = refundEntries.stream()
			.map(this::refund)
			.flatMap(Optional::stream)
			.map((entry) -> Objects.requireNonNull(entry.debit().mst()))
			.collect(Collectors.toSet());
		this.ledger.lock(msts);
		Set<UUID> restored = new LinkedHashSet<>();
		for (UUID entry : refundEntries) {
			if (restoreLocked(entry)) {
				restored.add(entry);
			}
		}
		return restored;
	}

	private boolean restoreLocked(UUID refundEntry) {
		// read again under the lock: a reversal of the payment may have taken the refund back meanwhile
		Optional<LedgerEntry> refund = refund(refundEntry);
		if (refund.isEmpty()) {
			return false;
		}
		String mst = Objects.requireNonNull(refund.get().debit().mst());
		Allocation allocation = this.allocations.allocation(Set.of(mst), Set.of(),
				Set.of(Objects.requireNonNull(refund.get().creditId())));
		allocation.restoreRefund(refund.get());
		this.allocations.store(allocation);
		return true;
	}

	private Optional<LedgerEntry> refund(UUID entryId) {
		return this.ledger.unreversed(entryId).filter((e) -> e.type() == LedgerEntry.Type.CREDIT_REFUNDED);
	}

	private Credit judge(Request request) {
		Credit credit = this.credits.credits(Set.of(), Set.of(request.creditId()))
			.stream()
			.filter((c) -> c.mst().equals(request.mst()))
			.findFirst()
			.orElseThrow(() -> CreditRequestRefusedException.creditNotFound(request.creditId()));
		if (credit.namedItemId() != null) {
			throw CreditRequestRefusedException.notGeneral(credit.creditId());
		}
		if (credit.paidOn().isBefore(LocalDate.now(this.clock).minusYears(CreditOffsets.OFFSET_YEARS))) {
			throw CreditRequestRefusedException.timeBarred(credit.creditId(), credit.paidOn());
		}
		if (request.amount().compareTo(credit.remaining()) > 0) {
			throw CreditRequestRefusedException.exceedsCredit(credit.creditId(), credit.remaining());
		}
		String itemId = request.targetItemId();
		if (itemId != null) {
			Obligation item = this.obligations.obligations(Set.of(), Set.of(itemId))
				.stream()
				.filter((o) -> o.mst().equals(request.targetMst()))
				.findFirst()
				.orElseThrow(() -> CreditRequestRefusedException.itemNotFound(itemId));
			if (request.amount().compareTo(item.outstanding()) > 0) {
				throw CreditRequestRefusedException.itemNotOpen(itemId, item.outstanding());
			}
		}
		else {
			requirePosted(credit);
			requireNotReversing(credit);
		}
		return credit;
	}

	/**
	 * A refund of money that officers have already decided goes back to the payer (a recorded REVERSE of its payment
	 * line) would pay it out twice, once to the taxpayer now and once to the payer when the bank reverses, leaving the
	 * taxpayer owing it back. An offset stays in the ledger: the reversal takes it back from the item it paid.
	 */
	private void requireNotReversing(Credit credit) {
		this.credits.reverseRequested(credit.postingId()).ifPresent((request) -> {
			throw CreditRequestRefusedException.reversing(credit.creditId(), request);
		});
	}

	/**
	 * A refund pays money out of the treasury's collection account, for good: only money the treasury posted is
	 * there. A payment line the treasury refused (or has not answered yet) moved nothing; its amount is in the
	 * treasury receivable for an officer (ADR 0007), and a refund of it would pay out what the State never received.
	 * An offset moves no money out: it is judged on the ledger alone, as the automatic offsets are, and its re-coding
	 * is refused by the treasury with the payment (ADR 0007, addendum "Refunds of money the treasury posted").
	 */
	private void requirePosted(Credit credit) {
		String status = this.treasury.statuses(Set.of(credit.postingId())).get(credit.postingId());
		if (!"POSTED".equals(status)) {
			throw CreditRequestRefusedException.notPosted(credit.creditId(), status);
		}
	}

	/**
	 * What a taxpayer asks about a general credit of its own.
	 * @param mst the taxpayer whose credit it is
	 * @param creditId the credit
	 * @param amount whole VND, positive
	 * @param targetMst for an offset, the taxpayer of the item (the same MST or another); null for a refund
	 * @param targetItemId for an offset, the payable item; null for a refund
	 */
	public record Request(String mst, UUID creditId, BigDecimal amount, @Nullable String targetMst,
			@Nullable String targetItemId) {

	}

	/**
	 * What an approved request moved.
	 * @param entryId the entry
	 * @param subItem the credit's sub-item
	 * @param paidWith the payment line the credit's money was paid with (its posting id)
	 * @param valueDate the day it counts from, the day it was carried out
	 * @param outstandingAfter for an offset, what the item still owes; null for a refund
	 * @param recodingId the re-coding asked of the treasury, for an offset to another sub-item or taxpayer
	 */
	public record Moved(UUID entryId, String subItem, UUID paidWith, LocalDate valueDate,
			@Nullable BigDecimal outstandingAfter, @Nullable UUID recodingId) {

	}

}
