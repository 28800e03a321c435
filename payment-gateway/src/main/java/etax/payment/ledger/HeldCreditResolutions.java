package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import etax.payment.ledger.TaxpayerLedger.HeldCredits;
import etax.payment.office.OfficeScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out what two officers decided about a credit held for them (docs/adr/0006-taxpayer-ledger.md):
 * apply it to the item it names, or release it as the payer's own credit (the only way out for a credit whose item
 * was never booked, which has nothing to apply to). Each as new ledger entries beside
 * the payment's, announced like any allocation ({@link PaymentAllocated}), once per credit.
 *
 * <p>
 * Once, also under concurrency: a resolution takes the advisory locks of both taxpayers (the ledger's one
 * protocol, {@link LedgerRepository#lock}), judges the credit as it is under them, and its row in
 * {@code payment.held_credit_resolution} has the credit as primary key.
 */
@Service
public class HeldCreditResolutions {

	private static final Logger log = LoggerFactory.getLogger(HeldCreditResolutions.class);

	/** What officers may decide. */
	public enum Kind {

		/** Apply it to the item it names: the payer paid for that item's taxpayer. */
		APPLY_HELD,

		/** Make it the payer's own credit. */
		RELEASE_HELD

	}

	private final HeldCreditRepository held;

	private final LedgerRepository ledger;

	private final Allocations allocations;

	private final Clock clock;

	private final LedgerProperties properties;

	HeldCreditResolutions(HeldCreditRepository held, LedgerRepository ledger, Allocations allocations, Clock clock,
			LedgerProperties properties) {
		this.held = held;
		this.ledger = ledger;
		this.allocations = allocations;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Whether the held credit of a payment line may be resolved so now; a proposal is refused at once rather
	 * than at its approval. The approval judges again, under the locks.
	 * @param postingId the payment line
	 * @param line the line in words, for the refusal (bank, reference, line number)
	 * @param kind the decision
	 * @throws HeldCreditRefusedException when it may not
	 */
	public void check(UUID postingId, String line, Kind kind) {
		judge(postingId, line, kind);
	}

	/**
	 * Resolves the held credit of a payment line, in the caller's transaction (the one that records the
	 * correction request deciding it, so both commit or neither).
	 * @param postingId the payment line
	 * @param line the line in words, for a refusal
	 * @param kind the decision
	 * @param correctionId the correction request that decided it
	 * @param requestedBy the officer who proposed it
	 * @param approvedBy the officer who approved it
	 * @return the resolution
	 * @throws HeldCreditRefusedException when the line holds no credit for an officer, it was resolved, or it
	 * cannot be applied to its item
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public HeldCredit.Resolution resolve(UUID postingId, String line, Kind kind, UUID correctionId, String requestedBy,
			String approvedBy) {
		HeldCreditRepository.Held before = judge(postingId, line, kind);
		this.ledger.lock(before.taxpayers());
		// judged again under the locks: the payer's own item may have been booked meanwhile, and took the credit.
		// An item booked meanwhile for another taxpayer leaves it held; a release moves only the payer's accounts
		HeldCreditRepository.Held held = judge(postingId, line, kind);
		Allocation allocation = this.allocations.allocation(before.taxpayers(), Set.of(held.itemId()),
				Set.of(held.creditId()));
		BigDecimal applied = (kind == Kind.APPLY_HELD) ? allocation.applyHeld(held.creditId()) : BigDecimal.ZERO;
		if (kind == Kind.RELEASE_HELD) {
			allocation.releaseHeld(held.creditId());
		}
		HeldCredit.Resolution resolution = new HeldCredit.Resolution(kind.name(), correctionId, held.remaining(),
				applied, held.remaining().subtract(applied), requestedBy, approvedBy, this.clock.instant());
		if (!this.held.insert(held, postingId, resolution)) {
			// judged unresolved under the locks, so only a transaction outside the protocol could be here first
			throw refusedAsResolved(postingId, line);
		}
		this.allocations.store(allocation);
		log.info("Held credit resolved creditId={} kind={} itemNeverBooked={} correctionId={} approvedBy={}",
				held.creditId(), kind, held.neverBooked(), correctionId, approvedBy);
		return resolution;
	}

	/**
	 * Resolved held credits in an officer's scope (those of its office's payments, ADR 0022), the latest first from
	 * after the cursor's, and how many there are, in one snapshot.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public HeldCredits resolved(OfficeScope scope, @Nullable HeldCreditCursor after, int size) {
		KeysetPage<HeldCredit> page = KeysetPage.of(this.held.resolved(scope, after, size + 1), size);
		HeldCredit last = page.last();
		return new HeldCredits(page.rows(), this.held.countResolved(scope), (last != null) ? HeldCreditCursor
			.resolved(Objects.requireNonNull(last.resolution()).resolvedAt(), last.creditId()) : null);
	}

	private HeldCreditRepository.Held judge(UUID postingId, String line, Kind kind) {
		if (this.held.resolution(postingId).isPresent()) {
			throw refusedAsResolved(postingId, line);
		}
		HeldCreditRepository.Held held = this.held.held(postingId, this.properties.unbookedItemCutoff(this.clock))
			.orElseThrow(() -> HeldCreditRefusedException.notHeld(line, this.properties.unbookedItemWait()));
		if (held.remaining().signum() == 0) {
			throw HeldCreditRefusedException.nothingLeft(line);
		}
		if (kind == Kind.APPLY_HELD) {
			if (held.neverBooked()) {
				throw HeldCreditRefusedException.itemNeverBooked(line);
			}
			if (!held.subItem().equals(held.itemSubItem())) {
				throw HeldCreditRefusedException.otherSubItem(line, held.subItem(), held.itemSubItem());
			}
			if (Objects.requireNonNull(held.itemOutstanding()).signum() == 0) {
				throw HeldCreditRefusedException.itemOwesNothing(line);
			}
		}
		return held;
	}

	private HeldCreditRefusedException refusedAsResolved(UUID postingId, String line) {
		HeldCredit.Resolution done = this.held.resolution(postingId).orElseThrow();
		return HeldCreditRefusedException.resolved(line, done.kind(), done.correctionId());
	}

}
