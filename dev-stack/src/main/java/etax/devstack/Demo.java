package etax.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import etax.devstack.pki.ReturnSigner;
import etax.schemas.Samples;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end demo against a running local stack: a filer files the sample 01/GTGT, a fake bank
 * confirms its payment twice (a retry), the gateway records it once and posts it to the treasury,
 * an officer runs the daily filing summary and reconciles the day; then the business's corporate income tax,
 * paid on account by quarter and finalized ({@link DemoProvisionalTax}); last, a T-VAN's bulk filing
 * ({@link DemoBulkFiling}).
 */
public final class Demo {

	static {
		System.setProperty("logback.configurationFile", "etax/devstack/logback.xml");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** A development bank, seeded by payment-gateway for the local run. */
	private static final String BANK = "01202001";

	/** The tax office of the demo's business and of the officer who registers it. */
	private static final String TAX_OFFICE = "99999";

	private final String declarationApi;

	private final String paymentGateway;

	private final String batchProcessor;

	private final String kafka;

	private final Path root;

	private final TokenIssuer tokens;

	private final DemoProvisionalTax provisionalTax;

	private final DemoInspection inspection;

	private final DemoBulkFiling bulkFiling;

	private Demo(StackFile stack, Path root) {
		this.root = root;
		this.tokens = DevTokens.issuer(root);
		this.provisionalTax = new DemoProvisionalTax(stack, root, this.tokens);
		this.inspection = new DemoInspection(stack, this.tokens);
		this.bulkFiling = new DemoBulkFiling(stack, root, this.tokens);
		this.declarationApi = stack.declarationApi();
		this.paymentGateway = stack.paymentGateway();
		this.batchProcessor = stack.batchProcessor();
		this.kafka = stack.kafkaBootstrapServers();
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("etax.root", "."));
		new Demo(StackFile.read(root.resolve(StackFile.PATH)), root).run();
	}

	private void run() throws Exception {
		step("1. An officer registers a new business for quarterly e-filing");
		String mst = DemoTaxpayers.newMst();
		expect(send(HttpRequest.newBuilder(URI.create(this.declarationApi + "/api/v1/taxpayers"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("mst", mst, "name",
					"CÔNG TY TNHH DEMO", "status", "ACTIVE", "eFiling", true, "filingFrequency", "Q", "taxOfficeCode",
					TAX_OFFICE, "chapter", "754")))), this.tokens.officer(TAX_OFFICE)), 201);
		System.out.println("   registered " + mst);

		step("2. It signs and files its Q1/2026 VAT return (01/GTGT, the catalog sample), then retries the request");
		String sample = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<mst>0313829148</mst>", "<mst>" + mst + "</mst>");
		byte[] signed = new ReturnSigner(DevPki.identity(this.root, mst, "CÔNG TY TNHH DEMO"))
			.sign(sample.getBytes(StandardCharsets.UTF_8));
		String idempotencyKey = "demo-" + mst;
		String taxpayer = this.tokens.taxpayer(mst);
		JsonNode receipt = expect(fileReturn(signed, idempotencyKey, taxpayer), 201);
		System.out.printf("   201 Created: transaction code %s, status %s, return %s%n", text(receipt, "transactionCode"),
				text(receipt, "status"), text(receipt, "returnId"));
		receipt.get("findings").forEach((finding) -> System.out.printf("   finding %s (%s): %s%n",
				text(finding, "ruleId"), text(finding, "severity"), finding.at("/message/en").asString()));
		JsonNode item = receipt.at("/payableItems/0");
		System.out.printf("   payable item %s: sub-item %s, %s VND for %s, due %s%n", text(item, "id"),
				text(item, "subItem"), item.get("amount").asLong(), text(item, "taxPeriod"), text(item, "dueDate"));
		HttpResponse<String> retried = fileReturn(signed, idempotencyKey, taxpayer);
		System.out.printf("   retry with the same Idempotency-Key: %d, transaction code %s%n", retried.statusCode(),
				text(JSON.readTree(retried.body()), "transactionCode"));
		URI notice = URI.create(this.declarationApi + "/api/v1/receipts/" + text(receipt, "transactionCode"));
		HttpResponse<String> signedNotice = send(HttpRequest.newBuilder(notice).header("Accept", "application/xml").GET(),
				taxpayer);
		System.out.printf("   the acceptance notice as XML signed by the tax authority: %d, %d bytes, %s%n",
				signedNotice.statusCode(), signedNotice.body().length(),
				signedNotice.body().contains("SignatureValue") ? "signed" : "NOT SIGNED");
		HttpResponse<String> neighbour = send(HttpRequest.newBuilder(notice).GET(),
				this.tokens.taxpayer(DemoTaxpayers.newMst()));
		System.out.printf("   another taxpayer asking for it: %d%n", neighbour.statusCode());

		step("3. The business prepares its payment voucher from what it owes; the bank debits 22,000,000 VND for it "
				+ "(yesterday, a day that can be reconciled) and confirms over HTTP, then sends the same confirmation again");
		JsonNode voucher = awaitVoucher(mst, text(item, "id"), taxpayer);
		voucher.get("lines").forEach((line) -> System.out.printf("   voucher %s, line %d: chapter %s, sub-item %s, period %s, "
				+ "%s VND, item %s%n", text(voucher, "form"), line.get("lineNumber").asInt(), text(line, "chapter"),
				text(line, "subItem"), text(line, "taxPeriod"), line.get("amount").decimalValue().toPlainString(),
				text(line, "payableItemId")));
		String bankReference = "DEMO" + Instant.now().toEpochMilli();
		LocalDate paymentDay = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		String confirmation = DevConfirmations.oneLine(BANK, bankReference, mst, 22000000, 22000000, paymentDay,
				text(item, "id"));
		for (int attempt = 1; attempt <= 2; attempt++) {
			HttpResponse<String> accepted = send(
					HttpRequest.newBuilder(URI.create(this.paymentGateway + "/api/v1/bank/confirmations"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(confirmation)),
					this.tokens.bank(BANK));
			System.out.printf("   POST /api/v1/bank/confirmations as bank 01202001 (attempt %d): %d%n", attempt,
					accepted.statusCode());
		}
		JsonNode recorded = awaitConfirmation(bankReference);
		System.out.printf("   recorded once: %s%n", recorded);
		JsonNode report = expect(send(HttpRequest
			.newBuilder(URI.create(this.paymentGateway + "/api/v1/bank/confirmations/" + bankReference))
			.GET(), this.tokens.bank(BANK)), 200);
		System.out.printf("   the bank's status report of its reference: %s, treasury %s, %d rejected version(s)%n",
				text(report, "state"), report.at("/recorded/lines/0/treasury").asString(), report.get("rejected").size());
		Thread.sleep(1000);
		JsonNode balance = expect(send(HttpRequest
			.newBuilder(URI.create(this.paymentGateway + "/api/v1/taxpayers/" + mst + "/balance"))
			.GET(), taxpayer), 200);
		System.out.printf("   the taxpayer's balance: %s%n", balance);
		System.out.printf("   the return's lifecycle at declaration-api: %s%n",
				awaitPaid(text(receipt, "returnId"), taxpayer));

		step("4. The treasury topic carries one posting per voucher line, however often the bank sent it");
		List<ConsumerRecord<String, String>> postings = TopicReader.read(this.kafka, "treasury.postings.v1",
				(record) -> record.value().contains(bankReference), 1, Duration.ofSeconds(20));
		System.out.printf("   %d posting(s) on treasury.postings.v1:%n", postings.size());
		postings.forEach((posting) -> System.out.println("   " + posting.value()));

		step("5. An officer runs today's filing summary job (provisional for a day not over) and lists the job executions");
		Thread.sleep(2000); // batch-processor learns of the filing from etax.declarations.v1
		String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		String officer = this.tokens.officer(TAX_OFFICE);
		HttpResponse<String> launched = send(HttpRequest
			.newBuilder(URI.create(this.batchProcessor + "/api/v1/jobs/daily-filing-summary/executions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"businessDay\":\"" + today + "\"}")), officer);
		System.out.printf("   %d: %s%n", launched.statusCode(), launched.body());
		JsonNode summary = expect(send(HttpRequest
			.newBuilder(URI.create(this.batchProcessor + "/api/v1/summaries/daily-filing?businessDay=" + today))
			.GET(), officer), 200);
		System.out.printf("   summary of %s: %s%n", today, summary);
		JsonNode jobs = expect(send(HttpRequest.newBuilder(URI.create(this.batchProcessor + "/api/v1/jobs")).GET(), officer),
				200);
		System.out.printf("   GET /api/v1/jobs: %s%n", jobs);

		step("6. The bank's reconciliation file and the treasury's statement of " + paymentDay
				+ " come in (imported by a national officer, as only they may), and an officer of the taxpayer's office "
				+ "reconciles the day");
		String postingId = JSON.readTree(postings.get(0).value()).get("postingId").asString();
		String nationalOfficer = this.tokens.nationalOfficer();
		// each signed by its sender (a detached JWS in Etax-Signature): the bank with its registered key, the
		// treasury with the key batch-processor is configured with; the dev keys are LOCAL RUN ONLY
		String bankFile = DemoReconciliation.bankFile(BANK, bankReference, paymentDay, mst, "1054523", 22000000);
		String statement = DemoReconciliation.treasuryStatement(postingId, paymentDay, 22000000);
		expect(send(HttpRequest.newBuilder(URI.create(this.batchProcessor + "/api/v1/reconciliation/bank-files"))
			.header("Content-Type", "application/xml")
			.header(DevFileSignatures.HEADER, DevFileSignatures.bank(BANK, bankFile))
			.POST(HttpRequest.BodyPublishers.ofString(bankFile)), nationalOfficer), 201);
		expect(send(HttpRequest.newBuilder(URI.create(this.batchProcessor + "/api/v1/reconciliation/treasury-statements"))
			.header("Content-Type", "text/csv")
			.header(DevFileSignatures.HEADER, DevFileSignatures.treasury(statement))
			.POST(HttpRequest.BodyPublishers.ofString(statement)), nationalOfficer), 201);
		System.out.println("   both imported, signed by bank " + BANK + " and by the treasury (Etax-Signature)");
		JsonNode refused = expect(send(HttpRequest.newBuilder(URI.create(this.batchProcessor + "/api/v1/reconciliation/bank-files"))
			.header("Content-Type", "application/xml")
			.header(DevFileSignatures.HEADER, DevFileSignatures.bank("01204001", bankFile))
			.POST(HttpRequest.BodyPublishers.ofString(bankFile)), nationalOfficer), 422);
		System.out.printf("   the same file signed by another bank (01204001): 422 %s%n", text(refused, "type"));
		JsonNode run = expect(send(HttpRequest
			.newBuilder(URI.create(this.batchProcessor + "/api/v1/jobs/reconciliation/executions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"businessDay\":\"" + paymentDay + "\"}")), officer), 201);
		System.out.printf("   reconciliationJob execution %s: %s%n", run.get("id"), text(run, "status"));
		JsonNode day = expect(send(HttpRequest
			.newBuilder(URI.create(this.batchProcessor + "/api/v1/reconciliation/days/" + paymentDay))
			.GET(), officer), 200);
		System.out.printf("   %s is %s; totals per class and currency:%n", paymentDay, text(day, "status"));
		day.get("totals").forEach((total) -> System.out.printf("     %-16s %s %3d line(s) %s%n",
				text(total, "lineClass"), text(total, "currency"), total.get("lines").asLong(),
				total.get("amount").decimalValue().toPlainString()));
		System.out.println("   See it in the officers' console: " + this.batchProcessor + "/console/reconciliation/days/"
				+ paymentDay);
		System.out.println("   (sign in with the token printed by: ./etax token officer " + TAX_OFFICE + ")");

		step("7. An officer fines its Q1/2026 VAT return, filed late; a tax inspection of its 2025 VAT concludes with tax "
				+ "assessed for the third quarter, owed from that quarter's deadline, and a fine of 20 % of it");
		this.inspection.fine(text(receipt, "returnId"), TAX_OFFICE);
		LocalDate assessedDue = this.inspection.run(mst, TAX_OFFICE);

		step("8. It paid its 2025 corporate income tax on account by quarter, without a return, then files the "
				+ "year's finalization; what the four quarters paid by 30 January 2026 is judged against 80 % of the year's "
				+ "tax");
		if (this.provisionalTax.run(mst, BANK, TAX_OFFICE)) {
			this.inspection.showInterest(mst, assessedDue);
		}
		System.out.println("   See it on the taxpayer's page of the console: " + this.batchProcessor
				+ "/console/taxpayers?mst=" + mst);

		step("9. A T-VAN files three clients' returns in one zip, one of them unsigned; each is filed as if alone, with "
				+ "its own receipt and notice");
		this.bulkFiling.run(TAX_OFFICE);
		System.out.println();
		System.out.println("Demo complete.");
	}

	private HttpResponse<String> fileReturn(byte[] signed, String idempotencyKey, String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.declarationApi + "/api/v1/returns"))
			.header("Content-Type", "application/xml")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(signed)), token);
	}

	private JsonNode awaitConfirmation(String bankReference) throws Exception {
		URI uri = URI.create(this.paymentGateway + "/api/v1/payments/confirmations/01202001/" + bankReference);
		Instant deadline = Instant.now().plusSeconds(30);
		HttpResponse<String> response;
		do {
			Thread.sleep(500);
			response = send(HttpRequest.newBuilder(uri).GET(), this.tokens.officer(TAX_OFFICE));
		}
		while (response.statusCode() == 404 && Instant.now().isBefore(deadline));
		return expect(response, 200);
	}

	/** The taxpayer's voucher once the gateway has booked the item it pays (at most 30 s). */
	private JsonNode awaitVoucher(String mst, String itemId, String token) throws Exception {
		URI uri = URI.create(this.paymentGateway + "/api/v1/taxpayers/" + mst + "/payment-voucher");
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), token);
			if (response.statusCode() == 200 && response.body().contains(itemId)) {
				return JSON.readTree(response.body());
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The gateway did not book the return's payable item within 30 s");
	}

	/** The return's lifecycle once the gateway's allocation has shown it as paid (at most 30 s). */
	private List<String> awaitPaid(String returnId, String token) throws Exception {
		URI uri = URI.create(this.declarationApi + "/api/v1/returns/" + returnId + "/events");
		Instant deadline = Instant.now().plusSeconds(30);
		List<String> types;
		do {
			Thread.sleep(500);
			types = expect(send(HttpRequest.newBuilder(uri).GET(), token), 200).findValuesAsString("type");
		}
		while (!types.contains("PAID") && Instant.now().isBefore(deadline));
		if (!types.contains("PAID")) {
			throw new IllegalStateException("The return was not shown as paid within 30 s: " + types);
		}
		return types;
	}

	static HttpResponse<String> send(HttpRequest.Builder request, String token)
			throws IOException, InterruptedException {
		return HTTP.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					"Expected " + status + " from " + response.uri() + " but got " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	static String text(JsonNode node, String field) {
		return node.get(field).asString();
	}

	private static void step(String title) {
		System.out.println();
		System.out.println(title);
	}

}
