/**
 * The transactional outbox. A service appends a message in the same database transaction as the
 * change it announces; a relay sends committed messages to Kafka and deletes them. No message is lost
 * when the process dies between the commit and the send (the relay finds it after a restart), and none
 * is invented for a rolled-back transaction. Delivery is at least once: a message can be sent again if
 * the process dies after the send and before it is deleted, so consumers de-duplicate on the event id
 * every message carries. A message Kafka refuses for good (too large for the producer or the broker) is
 * moved to a parked table for an operator, logged and counted, so that it does not hold up the others.
 */
@NullMarked
package etax.outbox;

import org.jspecify.annotations.NullMarked;
