package etax.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole system on one machine: PostgreSQL (durable settings, its data in
 * {@value StackProcesses#POSTGRES_DATA} or {@code ETAX_PG_DATA}), Kafka (KRaft), then declaration-api, payment-gateway and batch-processor as
 * child JVMs; prints the URLs and waits.
 * Ctrl-C stops the services, then the broker and the database, and leaves no process behind; a run killed without
 * the chance to stop them leaves their list ({@link StackProcesses}), and the next one stops them first. Each run
 * starts with an empty database and broker, new keys and new tokens.
 *
 * <p>
 * Ports: PostgreSQL 15432, declaration-api 8081, payment-gateway 8082, batch-processor 8083 (override
 * with the environment variables {@code ETAX_PG_PORT} and {@code ETAX_PORT_BASE}); Kafka takes a free
 * port. The services listen on {@value #LOOPBACK} only. The addresses are written to {@value StackFile#PATH} for the
 * demo and other tools.
 */
public final class DevStack {

	/** The address the services listen on. */
	private static final String LOOPBACK = "127.0.0.1";

	static {
		System.setProperty("logback.configurationFile", "etax/devstack/logback.xml");
	}

	private DevStack() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("etax.root", ".")).toAbsolutePath().normalize();
		int portBase = intEnv("ETAX_PORT_BASE", 8081);
		int postgresPort = intEnv("ETAX_PG_PORT", 15432);
		StackProcesses processes;
		try {
			processes = StackProcesses.cleanUp(root);
		}
		catch (IllegalStateException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
			return;
		}
		// the start thread adds to them while a Ctrl-C's hook may read them: an ArrayList could throw there, and the
		// hook end before it stopped anything
		List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
		List<ServiceProcess> services = new CopyOnWriteArrayList<>();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping...");
			services.forEach(ServiceProcess::stop);
			for (int i = resources.size() - 1; i >= 0; i--) {
				closeQuietly(resources.get(i));
			}
			processes.clear();
			stopped.countDown();
		}, "dev-stack-stop"));
		try {
			start(root, portBase, postgresPort, processes, resources, services);
		}
		catch (Exception ex) {
			// the broker's and the token endpoint's threads would keep this JVM, and the services started, running
			System.err.println("The stack did not start: " + ex.getMessage());
			System.exit(1);
		}
		stopped.await();
	}

	private static void start(Path root, int portBase, int postgresPort, StackProcesses processes,
			List<AutoCloseable> resources, List<ServiceProcess> services) throws Exception {
		requireFree(postgresPort, portBase, portBase + 1, portBase + 2);
		System.out.println("Starting PostgreSQL and Kafka...");
		LocalPostgres postgres = LocalPostgres.start(postgresPort, LocalPostgres.Durability.DURABLE,
				StackProcesses.postgresData(root));
		resources.add(postgres);
		processes.add(postgres.serverProcess());
		String databasePassword = postgres.requirePassword();
		LocalKafka kafka = LocalKafka.start();
		resources.add(kafka);
		System.out.println("Starting the fake treasury (refuses a share ETAX_TREASURY_REFUSE_SHARE, default 0.05)...");
		resources.add(FakeTreasury.start(kafka.bootstrapServers(), Double.parseDouble(System.getenv().getOrDefault("ETAX_TREASURY_REFUSE_SHARE", "0.05"))));

		Map<String, Object> common = new LinkedHashMap<>();
		// reachable from this machine only: the sandbox, plain HTTP and the dev banks' keys, published in this
		// repository, are not for a network
		common.put("server.address", LOOPBACK);
		common.put("spring.datasource.url", postgres.jdbcUrl());
		common.put("spring.datasource.username", LocalPostgres.USER);
		common.put("spring.datasource.password", databasePassword);
		common.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		ownerOnly(root.resolve(DevTokens.PATH).getParent());
		common.putAll(DevTokens.create(root));
		DevTokenEndpoint tokenEndpoint = DevTokenEndpoint.start(DevTokens.issuer(root));
		resources.add(tokenEndpoint);
		// the services read the issuer's key set from its endpoint, as in a deployment, not from the key's file
		common.remove("etax.access.public-key-location");
		common.putAll(tokenEndpoint.accessProperties());
		common.putAll(DevPki.create(root));
		// batch-processor records approved correction requests at the gateway (the port after declaration-api)
		common.put("etax.batch.reconciliation.gateway-url", "http://localhost:" + (portBase + 1));
		Path logs = root.resolve("target/dev-stack/logs");
		String[] modules = { "declaration-api", "payment-gateway", "batch-processor" };
		for (int i = 0; i < modules.length; i++) {
			System.out.println("Starting " + modules[i] + "...");
			Map<String, Object> properties = new LinkedHashMap<>(common);
			// the example companies the README and the conformance pack file for, the dev banks
			properties.putAll(LocalSeeds.of(modules[i]));
			if (!modules[i].equals("batch-processor")) {
				// filing time and failures chosen per request, the sandbox's bank (docs/adr/0017-sandbox.md)
				properties.put("etax.sandbox.enabled", "true");
			}
			if (modules[i].equals("declaration-api")) {
				// filers' webhook receivers under development run on this machine (docs/adr/0018-push-notices.md)
				properties.put("etax.declaration.webhooks.allow-plain-http-localhost", "true");
			}
			if (modules[i].equals("payment-gateway")) {
				// an office officer reads and resolves what concerns the vouchers its office collects, the same agencies as
				// batch-processor's reconciliation below; office 99999 is also the payment desk, which works the
				// dead-lettered bank messages (docs/adr/0022-office-scope-at-the-gateway.md)
				properties.put("etax.payment.offices.collecting-agencies.1054523", "99999");
				properties.put("etax.payment.offices.collecting-agencies.1054321", "99999");
				properties.put("etax.payment.offices.payment-desk", "99999");
			}
			if (modules[i].equals("batch-processor")) {
				// bulk filings are filed through declaration-api as a SERVICE (docs/adr/0013-bulk-filing.md)
				properties.put("etax.batch.bulk.declaration-api.url", "http://localhost:" + portBase);
				// with a token fetched and renewed by the client-credentials grant from the local token endpoint
				properties.putAll(tokenEndpoint.clientProperties());
				// the officers' console reads declaration-api and the gateway with the officer's token, and
				// tells on its sign-in page how to get a local token
				properties.put("etax.batch.console.local-tokens", "true");
				// reconciliation lines belong to the tax office of the voucher's collecting agency (MA_CQTHU): the
				// local confirmations, the demo and the sandbox's bank collect as 1054523, the benchmarks as
				// 1054321, and every local taxpayer is in office 99999, so ./etax token officer 99999 works them
				properties.put("etax.batch.reconciliation.collecting-agency-offices.1054523", "99999");
				properties.put("etax.batch.reconciliation.collecting-agency-offices.1054321", "99999");
				// the treasury's statements are signed by the dev treasury's key (LOCAL RUN ONLY, docs/adr/0014); the dev
				// banks' keys batch-processor reads from the gateway's registry (payment.bank_keys_v1)
				properties.putAll(DevFileSignatures.treasuryKeyProperties());
			}
			ServiceProcess service = ServiceProcess.startJar(root, modules[i], portBase + i, properties, logs);
			services.add(service);
			processes.add(service.entry());
		}
		for (ServiceProcess service : services) {
			service.awaitHealthy(Duration.ofMinutes(3));
		}
		Path stackFile = root.resolve(StackFile.PATH);
		StackFile.write(stackFile, kafka.bootstrapServers(), services.stream().map(ServiceProcess::url).toList(),
				databasePassword);
		resources.add(() -> Files.deleteIfExists(stackFile));
		printUrls(postgres, kafka, services, logs);
	}

	/**
	 * Makes the directory of the local run's private keys (the token issuer's, the CA's) readable by this user only:
	 * another user of the machine could mint any caller's token with the issuer's key.
	 */
	private static void ownerOnly(Path directory) throws IOException {
		Files.createDirectories(directory);
		if (Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)) {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		}
	}

	/**
	 * Refuses to start on a port another process holds: its answers would be taken for a service's. The loopback
	 * address is tried, which the services bind: it is taken too when another process listens on all addresses.
	 */
	private static void requireFree(int... ports) {
		for (int port : ports) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Port " + port + " is taken: is another ./etax up running? (the ports: "
						+ "ETAX_PG_PORT and ETAX_PORT_BASE)");
			}
		}
	}

	private static void printUrls(LocalPostgres postgres, LocalKafka kafka, List<ServiceProcess> services, Path logs) {
		System.out.println();
		System.out.println("The e-tax system is up (bearer tokens: ./etax token officer 99999, see README):");
		for (ServiceProcess service : services) {
			System.out.printf("  %-16s %s   OpenAPI %s/v3/api-docs   metrics %s/actuator/prometheus%n",
					service.name(), service.url(), service.url(), service.url());
		}
		services.stream()
			.filter((service) -> service.name().equals("batch-processor"))
			.forEach((batch) -> System.out.println("  Officers' console " + batch.url()
					+ "/console   (sign in with the token of ./etax token national-officer)"));
		System.out.println("  PostgreSQL       " + postgres.jdbcUrl() + " (user " + LocalPostgres.USER
				+ ", password in " + StackFile.PATH + ")");
		System.out.println("  Kafka            " + kafka.bootstrapServers());
		System.out.println("  Logs             " + logs);
		System.out.println("Run the demo in another terminal: ./etax demo     Stop: Ctrl-C");
	}

	private static int intEnv(String name, int fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.trim());
	}

	private static void closeQuietly(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			System.err.println("While stopping: " + ex.getMessage());
		}
	}

}
