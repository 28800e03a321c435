package etax.devstack;

import java.util.List;

/**
 * The Kafka topics of the system (ARCHITECTURE.md, "Kafka topics"). The local broker creates them all
 * at start; in production they are provisioned with the cluster.
 */
public final class Topics {

	public static final List<String> ALL = List.of("etax.declarations.v1", "etax.payable-items.v1",
			"bank.payment-confirmations.v1", "bank.payment-confirmations.dlq", "treasury.postings.v1",
			"treasury.acks.v1", "etax.payments.v1", "etax.notices.v1", "etax.assessments.v1");

	public static final int PARTITIONS = 4;

	/**
	 * Partitions of bulk filing jobs sent to worker processes (docs/adr/0013-bulk-filing.md): its partition
	 * count bounds how many parts all workers file at once, so it has more than the others.
	 */
	public static final String BULK_PARTITIONS = "etax.batch.bulk-partitions.v1";

	public static final int BULK_PARTITIONS_PARTITIONS = 16;

	private Topics() {
	}

}
