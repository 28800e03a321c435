package etax.batch.reconciliation.workitems;

/** What payment-gateway answered when a correction request rejected or withdrawn here was withdrawn there. */
enum GatewayWithdrawal {

	/** Withdrawn there (now or before): it is never recorded. */
	WITHDRAWN,

	/** An approver had recorded it there already, bypassing this service: its money moved. */
	RECORDED,

	/** The gateway has no such proposal: nothing to withdraw. */
	NOT_PROPOSED,

	/** The gateway refused the withdrawal itself (a 4xx other than those): an officer withdraws it there. */
	REFUSED

}
