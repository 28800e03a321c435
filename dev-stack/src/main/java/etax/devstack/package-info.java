/**
 * The local stack: a real PostgreSQL server from embedded binaries, a real single-node KRaft Kafka
 * broker from the Kafka jars, and the three services as child processes. Integration tests of every
 * service use {@link etax.devstack.LocalInfrastructure} so that tests and the local run share one way
 * of starting the infrastructure. Never deployed.
 */
@NullMarked
package etax.devstack;

import org.jspecify.annotations.NullMarked;
