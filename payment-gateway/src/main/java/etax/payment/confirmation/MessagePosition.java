package etax.payment.confirmation;

/**
 * Where a Kafka record was read.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset
 */
public record MessagePosition(String topic, int partition, long offset) {

}
