package etax.payment.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offsets what fell due (ADR 0006, "Offsets across sub-items"): a general credit offsets the taxpayer's items of
 * other sub-items only once they are due, and an item falls due with no event to say so. So every night, after
 * midnight in Vietnam, the taxpayers with a general credit beside an item of another sub-item whose due date has
 * passed are allocated again, a page at a time, each page in one transaction under their locks, as any
 * allocation is. So are those with a general credit beside an open item of its own sub-item: every allocation
 * leaves none, but one that did not load the taxpayer's open items (before superseded provisional payments loaded
 * them) did, and the arrears would accrue interest beside the money for ever. Running it twice, or on two
 * instances at once, moves nothing twice: each page reads the credits and items again under the locks.
 */
@Service
class DueOffsets {

	private static final Logger log = LoggerFactory.getLogger(DueOffsets.class);

	/** Taxpayers per transaction: lock slots and rows stay few, like a poll's. */
	private static final int PAGE = 200;

	private final LedgerRepository ledger;

	private final CreditRepository credits;

	private final Allocations allocations;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DueOffsets(LedgerRepository ledger, CreditRepository credits, Allocations allocations,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.ledger = ledger;
		this.credits = credits;
		this.allocations = allocations;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(cron = "${etax.payment.ledger.due-offsets-cron:0 5 0 * * *}", zone = "Asia/Ho_Chi_Minh")
	void run() {
		int taxpayers = offsetDue(LocalDate.now(this.clock));
		log.info("Offset credits against items fallen due taxpayers={}", taxpayers);
	}

	/**
	 * Offsets the general credits of every taxpayer that has one beside an open item of its sub-item, or beside an
	 * item of another sub-item due on the day.
	 * @param today the day
	 * @return how many taxpayers were allocated again
	 */
	int offsetDue(LocalDate today) {
		int count = 0;
		String after = "";
		List<String> page = this.credits.withCreditToOffset(after, today, PAGE);
		while (!page.isEmpty()) {
			List<String> msts = page;
			this.transactions.executeWithoutResult((status) -> {
				this.ledger.lock(msts);
				this.allocations.store(this.allocations.allocation(Set.copyOf(msts), Set.of(), Set.of(), today));
			});
			count += msts.size();
			after = msts.get(msts.size() - 1);
			page = this.credits.withCreditToOffset(after, today, PAGE);
		}
		return count;
	}

}
