package etax.batch.reconciliation.workitems;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proposals the gateway may hold although the resolution that proposed them was not committed here: its answer was
 * lost (a read timeout, a 5xx), or it took the proposal and the commit here failed after. Rolled back, the
 * resolution would leave nothing here to withdraw, and an approver could record at the gateway what the
 * reconciliation never stood by (docs/adr/0014-reconciliation.md). So once the resolution's transaction has ended
 * without committing, the request is kept in a transaction of its own, WITHDRAWN by its requester, and
 * {@link ProposalWithdrawals} withdraws it at the gateway (which answers "not proposed" if it never took it).
 */
@Component
class UnansweredProposals {

	private static final Logger log = LoggerFactory.getLogger(UnansweredProposals.class);

	private final WorkItemRepository repository;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	UnansweredProposals(WorkItemRepository repository, PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		// after completion the ended transaction's connection may still be bound: only a new one writes
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Keeps the request as withdrawn should the current transaction not commit. Not at once: the transaction still
	 * holds the request's row, which a transaction of its own would wait for.
	 * @param request the request proposed at the gateway, as inserted in the current transaction
	 * @param workItemId its work item
	 */
	void withdrawUnlessCommitted(CorrectionRequest request, long workItemId) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					keep(request, workItemId);
				}
			}

		});
	}

	private void keep(CorrectionRequest request, long workItemId) {
		Instant now = this.clock.instant();
		CorrectionRequest withdrawn = new CorrectionRequest(request.correctionId(), request.requestNumber(),
				request.kind(), request.bankCode(), request.bankReference(), request.lineNumber(), request.postingId(),
				request.treasuryCode(), request.paid(), request.corrected(), request.currency(), request.reason(),
				request.requestedBy(), request.requestedAt(), "WITHDRAWN", request.requestedBy(), now);
		try {
			boolean kept = Boolean.TRUE.equals(this.ownTransaction.execute((status) -> {
				// a commit whose outcome was unknown may have kept it awaiting approval: then it stands as it is
				if (!this.repository.insertUnlessKept(withdrawn, workItemId)) {
					return false;
				}
				this.repository.event(workItemId, request.requestedBy(), "RESOLUTION_WITHDRAWN",
						request.requestNumber() + ": the resolution was not kept here although the gateway may hold its "
								+ "proposal (its answer was lost, or this service failed after it), so it is withdrawn "
								+ "there and never recorded; resolve the item again",
						now);
				return true;
			}));
			if (kept) {
				log.warn("Correction proposal not committed here, it is withdrawn at the gateway workItem={} "
						+ "correction={}", workItemId, request.correctionId());
			}
		}
		catch (RuntimeException ex) {
			// the class only: a database's message may quote the request's voucher
			log.error("Correction proposal not committed here and not kept to withdraw: the gateway may hold it, an "
					+ "approver there withdraws it workItem={} correction={} cause={}", workItemId,
					request.correctionId(), ex.getClass().getName());
		}
	}

}
