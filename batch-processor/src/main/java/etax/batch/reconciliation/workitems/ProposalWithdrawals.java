package etax.batch.reconciliation.workitems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import etax.batch.BatchProcessorProperties;
import etax.batch.reconciliation.workitems.WorkItemRepository.PendingWithdrawal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Withdraws at payment-gateway the correction requests rejected or withdrawn here (docs/adr/0014-reconciliation.md),
 * so that no approver records there what the reconciliation no longer stands by. The rejection or withdrawal is
 * committed first; the gateway is told after, and again until it answers, so that neither a gateway that is down
 * nor a crash loses a withdrawal. Each answer is kept once, with an event on the request's work item; the one
 * that needs an officer is the gateway's word that an approver had recorded the request there already, which
 * moved its money (a further correction request undoes it). Several instances may send one withdrawal: the
 * gateway answers the second as the first. A request whose proposal's answer was lost ({@link UnansweredProposals})
 * is withdrawn the same way, once its proposal can no longer be on its way there.
 */
@Service
public class ProposalWithdrawals {

	static final String ACTOR = "reconciliation";

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(ProposalWithdrawals.class);

	private final WorkItemRepository repository;

	private final GatewayCorrections gateway;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * How long a request whose proposal's answer was lost waits before it is withdrawn: two gateway timeouts, so
	 * that a proposal the gateway is slow to take is not overtaken by its withdrawal (answered "not proposed", it
	 * would be taken after and never withdrawn).
	 */
	private final Duration unansweredWait;

	ProposalWithdrawals(WorkItemRepository repository, GatewayCorrections gateway, TransactionTemplate transactions,
			Clock clock, BatchProcessorProperties properties) {
		this.repository = repository;
		this.gateway = gateway;
		this.transactions = transactions;
		this.clock = clock;
		this.unansweredWait = properties.reconciliation().gatewayTimeout().multipliedBy(2);
	}

	/**
	 * Sends the withdrawals the gateway has not answered, oldest first, until it cannot answer now (an outage); one
	 * it refuses is kept as refused, with its event, and does not hold up the others.
	 * @return how many it answered now
	 */
	public int sendPending() {
		int answered = 0;
		Instant unansweredBefore = this.clock.instant().minus(this.unansweredWait);
		for (PendingWithdrawal pending : this.repository.pendingWithdrawals(BATCH, unansweredBefore)) {
			Optional<GatewayWithdrawal> answer = this.gateway.withdraw(pending.correctionId(), reason(pending));
			if (answer.isEmpty()) {
				break;
			}
			keep(pending, answer.get());
			answered++;
		}
		return answered;
	}

	/** The answer and its event, together: a crash between them would leave an answer no officer hears of. */
	private void keep(PendingWithdrawal pending, GatewayWithdrawal answer) {
		Instant now = this.clock.instant();
		boolean kept = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.repository.withdrawnAtGateway(pending.correctionId(), answer, now)) {
				return false;
			}
			this.repository.event(pending.workItemId(), ACTOR, "GATEWAY_" + answer.name(), detail(pending, answer), now);
			return true;
		}));
		if (kept && answer == GatewayWithdrawal.RECORDED) {
			log.warn("Correction recorded at the gateway although {} here workItem={} correction={}", pending.status(),
					pending.workItemId(), pending.correctionId());
		}
	}

	private static String detail(PendingWithdrawal pending, GatewayWithdrawal answer) {
		return switch (answer) {
			case WITHDRAWN -> pending.requestNumber() + ": withdrawn at the gateway, it is never recorded there";
			case NOT_PROPOSED -> pending.requestNumber() + ": the gateway holds no proposal of it";
			case RECORDED -> pending.requestNumber() + ": an approver had recorded it at the gateway already, so its "
					+ "money moved although it is " + pending.status() + " here; a further correction request undoes it";
			case REFUSED -> pending.requestNumber() + ": the gateway refused to withdraw it (the service log has why); "
					+ "an approver there withdraws it";
		};
	}

	private static String reason(PendingWithdrawal pending) {
		if (pending.unanswered()) {
			return "Withdrawn by the reconciliation: the resolution of " + pending.decidedBy() + " at reconciliation "
					+ "work item " + pending.workItemId() + " that proposed it was not kept (the gateway's answer was "
					+ "lost, or the reconciliation failed after it)";
		}
		return "REJECTED".equals(pending.status())
				? "Rejected by " + pending.decidedBy() + " at reconciliation work item " + pending.workItemId()
				: "Withdrawn by the reconciliation (" + pending.decidedBy() + "): the line of work item "
						+ pending.workItemId() + " changed class after the request was proposed";
	}

}
