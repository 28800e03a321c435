package etax.batch.reconciliation.workitems;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the pending withdrawals of correction requests every {@code etax.batch.reconciliation.withdrawal-interval}
 * (5 s); off, with the daily runs, when {@code etax.batch.reconciliation.schedule.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "etax.batch.reconciliation.schedule.enabled", matchIfMissing = true)
class ProposalWithdrawalSchedule {

	private final ProposalWithdrawals withdrawals;

	ProposalWithdrawalSchedule(ProposalWithdrawals withdrawals) {
		this.withdrawals = withdrawals;
	}

	@Scheduled(fixedDelayString = "${etax.batch.reconciliation.withdrawal-interval:5s}",
			initialDelayString = "${etax.batch.reconciliation.withdrawal-interval:5s}")
	void sendPending() {
		this.withdrawals.sendPending();
	}

}
