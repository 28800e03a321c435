package etax.payment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import etax.devstack.LocalInfrastructureInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application context the gateway's integration tests share (one context, so one consumer in
 * the group, whose meters every test can read): the real PostgreSQL and Kafka of this JVM, a short ack
 * timeout so that overdue postings show within a test, and a short wait (8 s) before a credit naming an item never
 * booked is held for an officer, so that it shows within a test and a test's items, booked within seconds, come
 * well before it. MockMvc for most tests, and a server on a free
 * port for those that speak real HTTP. The sandbox's bank is on, as in the local run. The test banks'
 * collecting agency (1054321) is tax office 99999's, agency 1054999 is office 70299's, and office 99998 is the
 * payment desk.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "etax.payment.treasury.ack-timeout=2s", "etax.payment.treasury.gauge-refresh=200ms",
		"etax.payment.ledger.unbooked-item-wait=8s",
		"spring.kafka.consumer.max-poll-records=500", "etax.sandbox.enabled=true",
		"etax.payment.offices.collecting-agencies.1054321=99999",
		"etax.payment.offices.collecting-agencies.1054999=70299", "etax.payment.offices.payment-desk=99998",
		// the month's arrears notices are issued by the tests, not by a schedule at a time a run may cross
		"etax.payment.arrears.notices-cron=-" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
public @interface GatewayIntegrationTest {

}
