package etax.batch.interest;

import java.util.List;
import java.util.Objects;

import etax.batch.MutableTestClock;
import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.officer;

/**
 * What the interest job's integration tests share, so that each reads as its story: the gateway's view
 * ({@link LedgerViewFixture}) emptied before and after every test with what the job assessed, the test
 * clock put back after it, the job launched and caught up over HTTP as an officer does, and the events it
 * published. Register it on a {@link etax.batch.BatchProcessorIntegrationTest} class as a static field:
 * {@code @RegisterExtension static final InterestJobFixture job = new InterestJobFixture();}
 */
final class InterestJobFixture implements BeforeEachCallback, AfterEachCallback {

	static final String TOPIC = "etax.assessments.v1";

	private @Nullable MockMvcTester mvc;

	private @Nullable JdbcClient jdbc;

	private @Nullable MutableTestClock clock;

	private @Nullable JsonMapper json;

	private @Nullable LedgerViewFixture ledger;

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		this.mvc = application.getBean(MockMvcTester.class);
		this.jdbc = application.getBean(JdbcClient.class);
		this.clock = application.getBean(MutableTestClock.class);
		this.json = application.getBean(JsonMapper.class);
		this.ledger = new LedgerViewFixture(this.jdbc);
		this.ledger.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		clock().reset();
		ledger().clear();
	}

	MockMvcTester mvc() {
		return Objects.requireNonNull(this.mvc, "set before each test");
	}

	JdbcClient jdbc() {
		return Objects.requireNonNull(this.jdbc, "set before each test");
	}

	MutableTestClock clock() {
		return Objects.requireNonNull(this.clock, "set before each test");
	}

	JsonMapper json() {
		return Objects.requireNonNull(this.json, "set before each test");
	}

	LedgerViewFixture ledger() {
		return Objects.requireNonNull(this.ledger, "set before each test");
	}

	/** Launches the job for a day, as an officer does. */
	MvcTestResult launch(String day) {
		return mvc().post()
			.uri("/api/v1/jobs/interest-assessment/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"assessedFor\":\"" + day + "\"}")
			.exchange();
	}

	/** Runs the days the schedule has missed up to the clock's day, as an officer does. */
	MvcTestResult catchUp() {
		return mvc().post().uri("/api/v1/jobs/interest-assessment:catch-up").with(officer()).exchange();
	}

	/** Every event on the topic, in the order published: a run ends once the broker acknowledged all it sent. */
	List<JsonNode> published() {
		return TopicReader.readToEnd(LocalInfrastructure.kafka().bootstrapServers(), TOPIC, (record) -> true)
			.stream()
			.map((record) -> json().readTree(record.value()))
			.toList();
	}

	<T> T read(MvcTestResult result, Class<T> type) {
		return json().readValue(result.getResponse().getContentAsByteArray(), type);
	}

}
