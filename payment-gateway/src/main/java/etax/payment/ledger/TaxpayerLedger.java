package etax.payment.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import etax.access.Caller;
import etax.payment.office.OfficeScope;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The taxpayer ledger as officers and other modules read it: balances, ledger lines, credits held for officers.
 *
 * <p>
 * Payments and reversals are allocated synchronously inside the transaction that records them
 * ({@link etax.payment.confirmation.PaymentsRecorded}, {@link PaymentAllocations}), obligations inside the
 * transaction that reads them from their topic ({@link BookingAllocations}), treasury postings inside the one that
 * records the treasury's acks ({@link etax.payment.treasury.PostingsPosted}, {@link PostingConfirmations}); each
 * holds the advisory locks of its taxpayers, so allocations of one taxpayer never interleave. Every allocation is
 * loaded and stored by {@link Allocations}; what changed for a taxpayer is announced as {@link PaymentAllocated}
 * through the outbox.
 */
@Service
public class TaxpayerLedger {

	private final Clock clock;

	private final LedgerViews views;

	private final LedgerProperties properties;

	TaxpayerLedger(LedgerViews views, Clock clock, LedgerProperties properties) {
		this.properties = properties;
		this.views = views;
		this.clock = clock;
	}

	/**
	 * Lets an officer read a taxpayer's balance and ledger (ADR 0022): a national officer any taxpayer the ledger
	 * has, an office's officer one with an obligation booked with its office (tax filed there, or interest on
	 * it). The MST is the one asked for, head office or branch: each has its own obligations and lines.
	 * @param mst the taxpayer, canonical
	 * @param officer the caller
	 * @throws TaxpayerNotFoundException otherwise, alike whether the taxpayer is unknown or another office's
	 */
	public void requireReadable(String mst, Caller officer) {
		if (!readable(mst, officer)) {
			throw TaxpayerNotFoundException.forCaller();
		}
	}

	/** Whether an officer may read a taxpayer's ledger, as {@link #requireReadable} judges it. */
	public boolean readable(String mst, Caller officer) {
		return switch (officer.role()) {
			case NATIONAL_OFFICER -> this.views.known(mst);
			case OFFICER -> this.views.hasObligationOf(mst, Objects.requireNonNull(officer.taxOffice()));
			default -> false;
		};
	}

	/**
	 * A taxpayer's balance, from its ledger lines: its several reads in one snapshot, so that a poll committing
	 * between two of them cannot make its totals disagree with its items.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Balance balance(String mst) {
		return this.views.balance(mst);
	}

	/**
	 * A page of a taxpayer's ledger lines, newest first, and how many there are, in one snapshot.
	 * @param before the previous page's {@link LedgerPage#next}, null for the newest lines
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public LedgerPage lines(String mst, @Nullable Long before, int size) {
		KeysetPage<Sequenced<LedgerLine>> page = KeysetPage.of(this.views.lines(mst, before, size + 1), size);
		Sequenced<LedgerLine> last = page.last();
		return new LedgerPage(page.rows().stream().map(Sequenced::value).toList(), this.views.countLines(mst),
				(last != null) ? last.seq() : null);
	}

	/**
	 * One of the taxpayer's payable items, settled or not.
	 * @param mst the taxpayer
	 * @param itemId the item
	 * @return the item, empty when the taxpayer has no such item booked
	 */
	@Transactional(readOnly = true)
	public Optional<Balance.Item> item(String mst, String itemId) {
		return this.views.item(mst, itemId);
	}

	/**
	 * Credits held for an officer, in the officer's scope (those of its office's payments, ADR 0022), oldest first
	 * from after the cursor's, and how many there are: their payment line named another taxpayer's payable item, or
	 * one still not booked {@code etax.payment.ledger.unbooked-item-wait} after the payment was recorded. Without the latter nothing
	 * would ever release money paid for a mistyped item id, while the payer's real item accrued interest.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public HeldCredits held(OfficeScope scope, @Nullable HeldCreditCursor after, int size) {
		Instant cutoff = this.properties.unbookedItemCutoff(this.clock);
		KeysetPage<Sequenced<HeldCredit>> page = KeysetPage.of(
				this.views.held(scope, cutoff, (after != null) ? after.createdSeq() : 0, size + 1), size);
		Sequenced<HeldCredit> last = page.last();
		return new HeldCredits(page.rows().stream().map(Sequenced::value).toList(), this.views.countHeld(scope, cutoff),
				(last != null) ? HeldCreditCursor.unresolved(last.seq()) : null);
	}

	/**
	 * A page of credits held for an officer.
	 * @param credits the credits
	 * @param total how many there are
	 * @param next where the next page starts, null on the last
	 */
	public record HeldCredits(List<HeldCredit> credits, long total, @Nullable HeldCreditCursor next) {

	}

	/**
	 * A page of ledger lines.
	 * @param lines the lines
	 * @param total how many the taxpayer has
	 * @param next where the next page starts ({@code before}), null on the last
	 */
	public record LedgerPage(List<LedgerLine> lines, long total, @Nullable Long next) {

	}

}
