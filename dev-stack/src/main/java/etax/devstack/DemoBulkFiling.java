package etax.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import etax.devstack.pki.ReturnSigner;
import etax.schemas.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.Demo.expect;
import static etax.devstack.Demo.send;
import static etax.devstack.Demo.text;

/**
 * The demo's bulk filing (ADR 0013): a T-VAN uploads a zip of its clients' returns to batch-processor, which files
 * each through declaration-api as if filed alone, with the service token it fetches from the local token endpoint;
 * each item gets its own receipt and notice, and the one left unsigned its findings, without failing the batch.
 */
final class DemoBulkFiling {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TVAN = "demo-tvan";

	private final String declarationApi;

	private final String batchProcessor;

	private final Path root;

	private final TokenIssuer tokens;

	DemoBulkFiling(StackFile stack, Path root, TokenIssuer tokens) {
		this.declarationApi = stack.declarationApi();
		this.batchProcessor = stack.batchProcessor();
		this.root = root;
		this.tokens = tokens;
	}

	void run(String taxOffice) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int client = 1; client <= 3; client++) {
			String mst = DemoTaxpayers.newMst();
			String name = "CÔNG TY TNHH KHÁCH HÀNG " + client;
			expect(send(HttpRequest.newBuilder(URI.create(this.declarationApi + "/api/v1/taxpayers"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("mst", mst, "name", name,
						"status", "ACTIVE", "eFiling", true, "filingFrequency", "Q", "taxOfficeCode", taxOffice,
						"chapter", "754")))), this.tokens.officer(taxOffice)), 201);
			byte[] unsigned = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
				.replace("<mst>0313829148</mst>", "<mst>" + mst + "</mst>")
				.getBytes(StandardCharsets.UTF_8);
			// the third client's return is sent unsigned: it is an item with findings, not a failed batch
			entries.put(String.format("%02d-%s.xml", client, mst), (client < 3)
					? new ReturnSigner(DevPki.identity(this.root, mst, name)).sign(unsigned) : unsigned);
		}
		String tvan = this.tokens.tvan(TVAN);
		JsonNode batch = expect(send(HttpRequest.newBuilder(URI.create(this.batchProcessor + "/api/v1/batches"))
			.header("Content-Type", "application/zip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(zip(entries))), tvan), 202);
		String id = text(batch, "id");
		System.out.printf("   202 Accepted: batch %s of %d returns, stored and checked%n", id, batch.get("items").asInt());
		JsonNode done = awaitCompleted(id, tvan);
		System.out.printf("   %s: %s%n", text(done, "status"), done.get("counts"));
		JsonNode items = expect(send(HttpRequest.newBuilder(URI.create(this.batchProcessor + "/api/v1/batches/" + id
				+ "/items")).GET(), tvan), 200);
		for (JsonNode item : items) {
			StringBuilder findings = new StringBuilder();
			item.path("findings").forEach((finding) -> findings.append(", ").append(text(finding, "ruleId")).append(": ")
				.append(finding.at("/message/en").asString()));
			System.out.printf("   item %d %s: %s%s%s%n", item.get("itemNo").asInt(), text(item, "name"), text(item, "status"),
					item.hasNonNull("transactionCode") ? ", transaction code " + text(item, "transactionCode") : "",
					findings);
		}
	}

	private JsonNode awaitCompleted(String id, String token) throws Exception {
		Instant deadline = Instant.now().plusSeconds(60);
		JsonNode batch;
		do {
			Thread.sleep(500);
			batch = expect(send(HttpRequest.newBuilder(URI.create(this.batchProcessor + "/api/v1/batches/" + id)).GET(),
					token), 200);
		}
		while (!"COMPLETED".equals(text(batch, "status")) && Instant.now().isBefore(deadline));
		if (!"COMPLETED".equals(text(batch, "status"))) {
			throw new IllegalStateException("Batch " + id + " did not complete within a minute: " + batch);
		}
		return batch;
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
