package etax.batch.interest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import etax.batch.BatchProcessorApplication;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.ServiceProcess;
import etax.devstack.TokenIssuer;

/**
 * A batch-processor in a JVM of its own on this JVM's PostgreSQL and Kafka, for the tests that kill one with SIGKILL
 * in the middle of an interest run. It runs the job in chunks of two, and nothing but the runs it is asked for: no
 * schedules, no take-over of the shared database's bulk batches, no outbox relay, and no Kafka listeners, whose
 * consumers would hold partitions of the groups the tests' own contexts read until the broker saw them gone. Its
 * database sessions carry an application name of their own, so that the database tells which sessions are its and
 * when they have ended. Its log is {@code target/interest-crash-logs/<name>.log}.
 */
final class InterestProcess implements AutoCloseable {

	private static final Path LOGS = Path.of("target", "interest-crash-logs");

	private final ServiceProcess process;

	private final String applicationName;

	private boolean alive = true;

	private InterestProcess(ServiceProcess process, String applicationName) {
		this.process = process;
		this.applicationName = applicationName;
	}

	/** Starts one and waits until it is healthy. */
	static InterestProcess start(String name) throws InterruptedException {
		String applicationName = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> properties = new HashMap<>(LocalInfrastructureInitializer.properties());
		properties.put("spring.datasource.url",
				properties.get("spring.datasource.url") + "&ApplicationName=" + applicationName);
		properties.put("spring.kafka.listener.auto-startup", "false");
		properties.put("etax.outbox.relay.enabled", "false");
		properties.put("etax.batch.bulk.resume.check", "1d");
		properties.put("etax.batch.interest.chunk-size", "2");
		for (String job : new String[] { "summary", "interest", "retention", "reconciliation" }) {
			properties.put("etax.batch." + job + ".schedule.enabled", "false");
		}
		ServiceProcess process = ServiceProcess.startClass(name, BatchProcessorApplication.class, 0, properties,
				LOGS);
		InterestProcess started = new InterestProcess(process, applicationName);
		try {
			process.awaitHealthy(Duration.ofMinutes(2));
		}
		catch (RuntimeException | InterruptedException ex) {
			started.close();
			throw ex;
		}
		return started;
	}

	/** The name its database sessions carry ({@code pg_stat_activity.application_name}). */
	String applicationName() {
		return this.applicationName;
	}

	/** Launches the day's run as an officer does; answered when the run has ended (never, if it is killed first). */
	CompletableFuture<HttpResponse<String>> launch(LocalDate day) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.process.url() + "/api/v1/jobs/interest-assessment/executions"))
			.header("Authorization", "Bearer " + TokenIssuer.local().nationalOfficer())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"assessedFor\":\"" + day + "\"}"))
			.build();
		return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	/** SIGKILL: no shutdown hook, no rollback, no lock released by the process itself. */
	void kill() throws InterruptedException {
		this.process.kill();
		this.alive = false;
	}

	@Override
	public void close() {
		if (this.alive) {
			this.process.stop();
			this.alive = false;
		}
	}

}
