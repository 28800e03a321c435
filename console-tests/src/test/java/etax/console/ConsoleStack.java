package etax.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import etax.devstack.DevFileSignatures;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.LocalPostgres;
import etax.devstack.LocalSeeds;
import etax.devstack.ServiceProcess;
import etax.devstack.TokenIssuer;
import etax.devstack.pki.TestPki;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The system as {@code ./etax up} runs it, for the browser: this JVM's PostgreSQL and Kafka, then
 * declaration-api, payment-gateway and batch-processor from their executable jars (built earlier in the
 * same reactor), each in a JVM of its own; and the calls that give the console something to show.
 */
final class ConsoleStack implements AutoCloseable {

	static final TokenIssuer TOKENS = TokenIssuer.local();

	/** The collecting agency of the test's payments, mapped to {@link #OFFICE} at both services. */
	static final String AGENCY = "1079001";

	/** The tax office whose officers work the test's payments and exceptions. */
	static final String OFFICE = "79001";

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path LOGS = Path.of("target/services");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final List<ServiceProcess> services = new ArrayList<>();

	final ServiceProcess declarations;

	final ServiceProcess gateway;

	final ServiceProcess batch;

	ConsoleStack() throws InterruptedException {
		Map<String, Object> common = LocalInfrastructureInitializer.properties();
		Map<String, Object> declarationProperties = new LinkedHashMap<>(common);
		declarationProperties.putAll(LocalSeeds.of("declaration-api"));
		// XML notices signed with a key made at start: the console shows the JSON receipts
		declarationProperties.put("etax.declaration.notice-signing.ephemeral", "true");
		try {
			declarationProperties.putAll(TestPki.create()
				.writeTrustStore(Files.createTempDirectory("etax-trust").resolve("trust.p12"))
				.signatureProperties());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			this.declarations = start("declaration-api", declarationProperties);
			Map<String, Object> gatewayProperties = new LinkedHashMap<>(common);
			gatewayProperties.putAll(LocalSeeds.of("payment-gateway"));
			gatewayProperties.put("etax.payment.offices.collecting-agencies." + AGENCY, OFFICE);
			this.gateway = start("payment-gateway", gatewayProperties);
			Map<String, Object> batchProperties = new LinkedHashMap<>(common);
			batchProperties.put("etax.batch.reconciliation.gateway-url", this.gateway.url());
			batchProperties.put("etax.batch.bulk.declaration-api.url", this.declarations.url());
			batchProperties.put("etax.batch.bulk.declaration-api.token", TOKENS.service("batch-processor"));
			batchProperties.put("etax.batch.console.local-tokens", "true");
			batchProperties.put("etax.batch.reconciliation.collecting-agency-offices." + AGENCY, OFFICE);
			this.batch = start("batch-processor", batchProperties);
			for (ServiceProcess service : this.services) {
				service.awaitHealthy(Duration.ofMinutes(3));
			}
		}
		catch (RuntimeException | InterruptedException ex) {
			// no one else holds the stack yet: a service that did start must not outlive the test
			close();
			throw ex;
		}
	}

	private ServiceProcess start(String module, Map<String, Object> properties) {
		ServiceProcess service = ServiceProcess.startJar(ROOT, module, freePort(), properties, LOGS);
		this.services.add(service);
		return service;
	}

	/** Uploads a bulk filing of one entry that is no return: declaration-api does not receive it. */
	String uploadBatchWithARejectedItem() {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("01-not-a-return.xml"));
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><HSoThueDTu><HSoKhaiThue id=\"ID_1\"/></HSoThueDTu>"
				.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String answer = send(this.batch.url() + "/api/v1/batches", TOKENS.tvan("tvan-console"), "application/zip",
				HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray()), 202);
		return answer.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
	}

	String batchStatus(String id) {
		return send(this.batch.url() + "/api/v1/batches/" + id, TOKENS.nationalOfficer(), null, null, 200);
	}

	/**
	 * A bank's file for a day with a voucher the tax side never recorded: one ONLY_BANK exception. Signed by
	 * the dev bank its header names, as the import requires.
	 */
	void importBankFile(String xml, String officerToken) {
		Matcher bank = Pattern.compile("<MA_NHANG_DC>(\\d{8})</MA_NHANG_DC>").matcher(xml);
		if (!bank.find()) {
			throw new IllegalArgumentException("A bank's file names its bank in MA_NHANG_DC");
		}
		send(this.batch.url() + "/api/v1/reconciliation/bank-files", officerToken, "application/xml",
				HttpRequest.BodyPublishers.ofString(xml), DevFileSignatures.bank(bank.group(1), xml), 201);
	}

	void reconcile(String day, String officerToken) {
		send(this.batch.url() + "/api/v1/jobs/reconciliation/executions", officerToken, "application/json",
				HttpRequest.BodyPublishers.ofString("{\"businessDay\":\"" + day + "\"}"), 201);
	}

	/**
	 * A bank confirmation straight on the topic, signed by the bank, as a bank that produces to Kafka sends
	 * it: one the gateway refuses goes to the dead-letter queue.
	 * @param bankCode the registered bank that sends it; a key of its own is registered for the test
	 * @param value the message
	 */
	void sendConfirmation(String bankCode, String value) {
		Properties settings = new Properties();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.kafka().bootstrapServers());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
				new StringSerializer())) {
			ProducerRecord<String, String> record = new ProducerRecord<>("bank.payment-confirmations.v1",
					"console-test", value);
			record.headers().add("etax.signature", bankKey(bankCode).sign(value).getBytes(StandardCharsets.US_ASCII));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to Kafka", ex);
		}
	}

	private static TestBankKey bankKey(String bankCode) throws SQLException {
		try (Connection db = DriverManager.getConnection(LocalInfrastructure.postgres().jdbcUrl(), LocalPostgres.USER, "")) {
			return TestBankKey.register(db, bankCode);
		}
	}

	String rejectedMessages() {
		return send(this.gateway.url() + "/api/v1/payments/rejected", TOKENS.nationalOfficer(), null, null, 200);
	}

	private String send(String uri, String token, @org.jspecify.annotations.Nullable String type,
			HttpRequest.@org.jspecify.annotations.Nullable BodyPublisher body, int expected) {
		return send(uri, token, type, body, null, expected);
	}

	private String send(String uri, String token, @org.jspecify.annotations.Nullable String type,
			HttpRequest.@org.jspecify.annotations.Nullable BodyPublisher body,
			@org.jspecify.annotations.Nullable String signature, int expected) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token);
		if (signature != null) {
			request.header(DevFileSignatures.HEADER, signature);
		}
		if (body != null) {
			request.header("Content-Type", type).POST(body);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.services.forEach(ServiceProcess::stop);
	}

}
