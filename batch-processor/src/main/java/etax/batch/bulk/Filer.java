package etax.batch.bulk;

import etax.access.Caller;
import etax.access.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who uploaded a batch, as authenticated then: every item is filed as this caller.
 *
 * @param subject the token subject (idempotency keys and webhooks are scoped to it in declaration-api)
 * @param role {@link Role#AGENT} or {@link Role#TVAN}
 * @param mst the agent's MST; none for a T-VAN
 */
record Filer(String subject, Role role, @Nullable String mst) {

	static Filer of(Caller caller) {
		return new Filer(caller.subject(), caller.role(), caller.mst());
	}

	/** The key of the filer's notices on Kafka: its MST, or the T-VAN's subject. */
	String noticeKey() {
		return (this.mst != null) ? this.mst : this.subject;
	}

}
