package etax.declaration.submission;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import etax.declaration.DeclarationApiApplication;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.ServiceProcess;
import etax.devstack.TestCallers;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox delivers an accepted return's event even when the process that committed it is killed
 * with SIGKILL before it could send: a separate JVM files a return with its relay held back, is killed,
 * and a second JVM (relay on) sends the event exactly once.
 */
class OutboxCrashIntegrationTests {

	private static final Path LOGS = Path.of("target", "crash-test-logs");

	private ServiceProcess service;

	@AfterEach
	void stopService() {
		if (this.service != null) {
			this.service.stop();
		}
	}

	@Test
	void anEventCommittedBeforeACrashIsSentAfterTheRestartExactlyOnce() throws Exception {
		// a database of its own: no relay of another test's application context may send its rows
		Map<String, Object> properties = new HashMap<>(LocalInfrastructureInitializer.properties());
		String database = LocalInfrastructure.postgres().createDatabase("outbox_crash");
		properties.put("spring.datasource.url", database);
		Map<String, Object> heldBack = new HashMap<>(properties);
		heldBack.put("etax.outbox.relay.enabled", "false");
		start("declaration-api-held-back", heldBack);

		String returnId = fileSampleReturn(this.service.url());
		this.service.kill();
		this.service = null;

		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
		assertThat(jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE id = ?::uuid").param(returnId).query(Long.class).single())
			.as("the return was committed before the crash")
			.isOne();
		assertThat(events(returnId, Duration.ofSeconds(3))).as("nothing was sent before the crash").isEmpty();

		start("declaration-api-restarted", properties);

		assertThat(events(returnId, Duration.ofSeconds(30))).as("sent once after the restart").hasSize(1);
	}

	/**
	 * Starts declaration-api on any free port and waits until it is healthy; kept for {@link #stopService} from its
	 * start on, so that one stuck in between is stopped too.
	 */
	private void start(String name, Map<String, Object> properties) throws Exception {
		this.service = ServiceProcess.startClass(name, DeclarationApiApplication.class, 0, properties, LOGS);
		this.service.awaitHealthy(Duration.ofSeconds(90));
	}

	private static String fileSampleReturn(String baseUrl) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/returns"))
			.header("Content-Type", "application/xml")
			.header("Authorization", "Bearer " + TokenIssuer.local().tvan(TestCallers.TVAN))
			.POST(HttpRequest.BodyPublishers.ofString(SampleReturns.valid()))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JsonMapper.builder().build().readTree(response.body()).get("returnId").asString();
	}

	private static List<ConsumerRecord<String, String>> events(String returnId, Duration wait) {
		return TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.declarations.v1",
				(record) -> record.value().contains(returnId), 1, wait);
	}

}
