package etax.batch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Instant;

import etax.batch.reconciliation.TaxSide;
import etax.devstack.DevFileSignatures;
import etax.devstack.LocalInfrastructureInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the JVM's real PostgreSQL and Kafka (dev-stack), with MockMvc. Every
 * integration test class uses exactly this, so they share one application context; each works on its
 * own business days and taxpayers.
 *
 * <p>
 * The clock stands at {@link #NOW} (08:00 on 2025-04-01 in Asia/Ho_Chi_Minh), so "yesterday" is
 * 2025-03-31 and test days lie before it; a test may move it ({@link MutableTestClock}) and puts it back.
 * The summary and the interest are written two items per chunk so that a failure can hit a later
 * chunk; the nightly schedules are off. The reconciliation calls a {@link FakeGateway}, watches
 * {@link #INBOX}, a new directory for every test JVM ({@link ReconciliationInbox}), takes daily files of at most
 * 1 MB (the tests' are far smaller, so that one can be larger), maps one collecting agency
 * to a tax office and trusts the dev treasury's key (the banks' keys are in the stand-in view of
 * {@code SignedFiles}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "etax.batch.summary.schedule.enabled=false", "etax.batch.summary.chunk-size=2",
		"etax.batch.interest.schedule.enabled=false", "etax.batch.interest.chunk-size=2",
		"etax.batch.retention.schedule.enabled=false", "etax.batch.reconciliation.schedule.enabled=false",
		"etax.batch.reconciliation.inbox-poll-interval=200ms", "etax.batch.reconciliation.max-file-size=1MB",
		"etax.batch.reconciliation.signatures.treasury-keys." + DevFileSignatures.TREASURY_KEY_ID + ".algorithm=ES256",
		"etax.batch.reconciliation.signatures.treasury-keys." + DevFileSignatures.TREASURY_KEY_ID + ".public-key="
				+ DevFileSignatures.TREASURY_PUBLIC_KEY,
		"etax.batch.reconciliation.collecting-agency-offices.1054523=" + BatchProcessorIntegrationTest.MAPPED_OFFICE,
		"etax.batch.reconciliation.collecting-agency-offices.1054321=" + TaxSide.OFFICE })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = { LocalInfrastructureInitializer.class, FakeGateway.Initializer.class,
		ReconciliationInbox.Initializer.class })
@Import({ BatchProcessorIntegrationTest.TestClock.class, BatchProcessorIntegrationTest.GatewayViews.class })
public @interface BatchProcessorIntegrationTest {

	Instant NOW = Instant.parse("2025-04-01T01:00:00Z");

	/**
	 * The tax office that works the lines of collecting agency {@value #MAPPED_AGENCY}; the agency of the tax side's
	 * lines ({@link TaxSide#AGENCY}) is office {@link TaxSide#OFFICE}'s, and the tests' other agencies are not mapped:
	 * their lines are of office {@code agency <code>}, for national officers only.
	 */
	String MAPPED_OFFICE = "99999";

	/** The one collecting agency mapped to a tax office, {@value #MAPPED_OFFICE}. */
	String MAPPED_AGENCY = "1054523";

	/** The watched directory of daily files: this JVM's own. */
	Path INBOX = ReconciliationInbox.PATH;

	@TestConfiguration(proxyBeanMethods = false)
	class TestClock {

		@Bean
		@Primary
		MutableTestClock testClock() {
			return new MutableTestClock();
		}

	}

	/**
	 * The gateway's published views the reconciliation reads, as stand-ins ({@link TaxSide}), there from the start:
	 * a treasury statement's import looks up its rows' postings on the tax side, whatever test imports it first.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	class GatewayViews {

		@Bean
		TaxSide taxSideStandIn(JdbcClient jdbc) {
			return new TaxSide(jdbc);
		}

	}

}
