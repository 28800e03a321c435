package etax.devstack.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.DemoTaxpayers;
import etax.devstack.pki.ReturnSigner;
import etax.schemas.Samples;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The cases a filer's software should pass in the sandbox: filing on time, late and too early (the
 * sandbox's filing time), retries that must not file twice, a key reused for other content, a second
 * original, a tampered signature, a return that is not schema-valid, a dry run, and recovery from a lost
 * answer and from an unavailable service (the sandbox's scenarios). Each case registers its own new
 * taxpayer, signs the catalog's sample 01/GTGT for it and checks every answer; cases do not depend on
 * each other or on what the sandbox holds already.
 */
public final class FilerConformance extends Cases {

	/** The sandbox headers (declaration-api's {@code etax.declaration.sandbox}). */
	static final String RECEIVED_AT = "Etax-Sandbox-Received-At";

	static final String SCENARIO = "Etax-Sandbox-Scenario";

	/** Before the deadline of Q1/2026 (30 April, moved past the holidays). */
	static final String ON_TIME = "2026-04-20T09:00:00+07:00";

	static final String LATE = "2026-05-20T09:00:00+07:00";

	/** Before the quarter ended. */
	static final String TOO_EARLY = "2026-03-15T09:00:00+07:00";

	private static final String SAMPLE_MST = "0313829148";

	private final SandboxTarget target;

	private FilerConformance(SandboxTarget target) {
		this.target = target;
	}

	/**
	 * Runs every case.
	 * @param target the sandbox
	 * @return each case's result, in the pack's order
	 */
	public static List<CaseResult> run(SandboxTarget target) {
		return new FilerConformance(target).runAll();
	}

	@Override
	List<Case> cases() {
		return List.of(
				new Case("ON-TIME", "a return received before its deadline is accepted without findings", this::onTime),
				new Case("LATE", "received after the deadline: accepted, with the days late and the penalty band (CTX-DL-01)",
						this::late),
				new Case("PERIOD-NOT-ENDED", "received before the period ended: not accepted (CTX-PER-02)", this::tooEarly),
				new Case("RETRY", "the same request again, with or without its Idempotency-Key, answers the original "
						+ "receipt (200) and files nothing", this::retry),
				new Case("KEY-REUSED", "an Idempotency-Key sent again with other content is refused (409)", this::keyReused),
				new Case("SECOND-ORIGINAL", "a second original for the same period is not accepted and names the first "
						+ "(CTX-DUP-01)", this::secondOriginal),
				new Case("TAMPERED", "a return changed after signing is not accepted (SIG-3)", this::tampered),
				new Case("NOT-SCHEMA-VALID", "a return that breaks its form's XSD is not received (422, every finding)",
						this::notSchemaValid),
				new Case("DRY-RUN", "returns:validate gives the decision and stores nothing", this::dryRun),
				new Case("LOST-RESPONSE", "after an answer lost on the way (504), the receipt is recovered by key, and "
						+ "the retry files nothing", this::lostResponse),
				new Case("UNAVAILABLE", "after a 503 with Retry-After nothing is filed, and the retry files the return",
						this::unavailable));
	}

	private String onTime() throws IOException, InterruptedException {
		Filer filer = newFiler();
		JsonNode receipt = expect(file(filer, filer.signed(sample(filer)), key(), Map.of(RECEIVED_AT, ON_TIME)), 201);
		expectStatus(receipt, "ACCEPTED");
		if (!ruleIds(receipt).isEmpty()) {
			throw new Unmet("expected no findings, got " + ruleIds(receipt));
		}
		return "201 " + summary(receipt);
	}

	private String late() throws IOException, InterruptedException {
		Filer filer = newFiler();
		JsonNode receipt = expect(file(filer, filer.signed(sample(filer)), key(), Map.of(RECEIVED_AT, LATE)), 201);
		expectStatus(receipt, "ACCEPTED");
		return "201 " + summary(receipt) + ": " + message(receipt, "CTX-DL-01");
	}

	private String tooEarly() throws IOException, InterruptedException {
		Filer filer = newFiler();
		JsonNode receipt = expect(file(filer, filer.signed(sample(filer)), key(), Map.of(RECEIVED_AT, TOO_EARLY)), 201);
		expectStatus(receipt, "NOT_ACCEPTED");
		return "201 " + summary(receipt) + ": " + message(receipt, "CTX-PER-02");
	}

	private String retry() throws IOException, InterruptedException {
		Filer filer = newFiler();
		byte[] signed = filer.signed(sample(filer));
		String key = key();
		String code = transactionCode(expect(file(filer, signed, key, Map.of(RECEIVED_AT, ON_TIME)), 201));
		String sameKey = transactionCode(expect(file(filer, signed, key, Map.of(RECEIVED_AT, ON_TIME)), 200));
		String noKey = transactionCode(expect(file(filer, signed, null, Map.of(RECEIVED_AT, ON_TIME)), 200));
		expectSame(code, sameKey, "the retry with the key");
		expectSame(code, noKey, "the retry without a key");
		return "201 then 200, 200: " + code + " each time";
	}

	private String keyReused() throws IOException, InterruptedException {
		Filer filer = newFiler();
		String key = key();
		expect(file(filer, filer.signed(sample(filer)), key, Map.of(RECEIVED_AT, ON_TIME)), 201);
		JsonNode problem = expect(file(filer, filer.signed(otherContent(sample(filer))), key, Map.of(RECEIVED_AT, ON_TIME)),
				409);
		return "201 then 409 " + problem.path("type").asString();
	}

	private String secondOriginal() throws IOException, InterruptedException {
		Filer filer = newFiler();
		String first = transactionCode(
				expect(file(filer, filer.signed(sample(filer)), key(), Map.of(RECEIVED_AT, ON_TIME)), 201));
		JsonNode second = expect(file(filer, filer.signed(otherContent(sample(filer))), key(), Map.of(RECEIVED_AT, ON_TIME)),
				201);
		expectStatus(second, "NOT_ACCEPTED");
		String message = message(second, "CTX-DUP-01");
		if (!message.contains(first)) {
			throw new Unmet("CTX-DUP-01 does not name the accepted original " + first + ": " + message);
		}
		return "201 " + summary(second) + ": " + message;
	}

	private String tampered() throws IOException, InterruptedException {
		Filer filer = newFiler();
		byte[] tampered = new String(filer.signed(sample(filer)), StandardCharsets.UTF_8)
			.replace("<ct40>22000000</ct40>", "<ct40>2000000</ct40>")
			.getBytes(StandardCharsets.UTF_8);
		JsonNode receipt = expect(file(filer, tampered, key(), Map.of(RECEIVED_AT, ON_TIME)), 201);
		expectStatus(receipt, "NOT_ACCEPTED");
		return "201 " + summary(receipt) + ": " + message(receipt, "SIG-3");
	}

	private String notSchemaValid() throws IOException, InterruptedException {
		Filer filer = newFiler();
		String broken = sample(filer).replace("<ct40>22000000</ct40>", "<ct40>twenty-two million</ct40>");
		JsonNode problem = expect(file(filer, filer.signed(broken), key(), Map.of(RECEIVED_AT, ON_TIME)), 422);
		JsonNode findings = problem.path("findings");
		if (!findings.isArray() || findings.isEmpty()) {
			throw new Unmet("422 without findings: " + problem);
		}
		return "422 " + problem.path("type").asString() + ", " + findings.size() + " finding(s), first at "
				+ findings.get(0).path("xpath").asString();
	}

	private String dryRun() throws IOException, InterruptedException {
		Filer filer = newFiler();
		byte[] signed = filer.signed(sample(filer));
		JsonNode decision = expect(send(filer.token(), post("/api/v1/returns:validate", signed)
			.header(RECEIVED_AT, ON_TIME)), 200);
		if (!decision.path("receivable").asBoolean() || !"ACCEPTED".equals(decision.path("status").asString())) {
			throw new Unmet("expected a receivable return that would be ACCEPTED, got " + decision);
		}
		// stored nothing: the same return filed now is a first filing (201), not a replay (200)
		JsonNode receipt = expect(file(filer, signed, key(), Map.of(RECEIVED_AT, ON_TIME)), 201);
		return "200 would be ACCEPTED; then filed: 201 " + summary(receipt);
	}

	private String lostResponse() throws IOException, InterruptedException {
		Filer filer = newFiler();
		byte[] signed = filer.signed(sample(filer));
		String key = key();
		expect(file(filer, signed, key, Map.of(RECEIVED_AT, ON_TIME, SCENARIO, "LOST_RESPONSE")), 504);
		String recovered = transactionCode(expect(send(filer.token(), HttpRequest
			.newBuilder(uri("/api/v1/receipts?idempotencyKey=" + key))
			.GET()), 200));
		String retried = transactionCode(expect(file(filer, signed, key, Map.of(RECEIVED_AT, ON_TIME)), 200));
		expectSame(recovered, retried, "the retry");
		return "504, then GET by key 200 " + recovered + ", retry 200 " + retried;
	}

	private String unavailable() throws IOException, InterruptedException {
		Filer filer = newFiler();
		byte[] signed = filer.signed(sample(filer));
		String key = key();
		HttpResponse<String> refused = file(filer, signed, key, Map.of(RECEIVED_AT, ON_TIME, SCENARIO, "UNAVAILABLE"));
		expect(refused, 503);
		String retryAfter = refused.headers().firstValue("Retry-After").orElseThrow(() -> new Unmet("503 without Retry-After"));
		expect(send(filer.token(), HttpRequest.newBuilder(uri("/api/v1/receipts?idempotencyKey=" + key)).GET()), 404);
		JsonNode receipt = expect(file(filer, signed, key, Map.of(RECEIVED_AT, ON_TIME)), 201);
		return "503 (Retry-After " + retryAfter + "), nothing filed (404 by key), retry 201 " + summary(receipt);
	}

	private Filer newFiler() throws IOException, InterruptedException {
		String mst = DemoTaxpayers.newMst();
		String name = "CÔNG TY TNHH KIỂM THỬ " + mst;
		String registration = JSON.writeValueAsString(Map.of("mst", mst, "name", name, "status", "ACTIVE", "eFiling", true,
				"filingFrequency", "Q", "taxOfficeCode", this.target.taxOffice(), "chapter", "754"));
		expect(send(this.target.tokens().officer(this.target.taxOffice()),
				HttpRequest.newBuilder(uri("/api/v1/taxpayers"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(registration))),
				201);
		return new Filer(mst, this.target.tokens().taxpayer(mst),
				new ReturnSigner(this.target.identities().apply(mst, name)));
	}

	private static String sample(Filer filer) {
		return new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<mst>" + SAMPLE_MST + "</mst>", "<mst>" + filer.mst() + "</mst>");
	}

	/** The same return with a telephone number added: other content, the same figures. */
	private static String otherContent(String xml) {
		return xml.replace("<dthoaiNNT/>", "<dthoaiNNT>0281234567</dthoaiNNT>");
	}

	private HttpResponse<String> file(Filer filer, byte[] xml, @Nullable String key,
			Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = post("/api/v1/returns", xml);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		headers.forEach(request::header);
		return send(filer.token(), request);
	}

	private HttpRequest.Builder post(String path, byte[] xml) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/xml")
			.POST(HttpRequest.BodyPublishers.ofByteArray(xml));
	}

	private URI uri(String path) {
		return URI.create(this.target.declarationApi() + path);
	}

	private static void expectStatus(JsonNode receipt, String status) {
		if (!status.equals(receipt.path("status").asString())) {
			throw new Unmet("expected " + status + ", got " + summary(receipt));
		}
	}

	private static void expectSame(String original, String other, String what) {
		if (!original.equals(other)) {
			throw new Unmet(what + " answered transaction code " + other + ", not the original " + original);
		}
	}

	private static String message(JsonNode receipt, String ruleId) {
		for (JsonNode finding : receipt.path("findings")) {
			if (ruleId.equals(finding.path("ruleId").asString())) {
				return ruleId + " " + finding.at("/message/en").asString();
			}
		}
		throw new Unmet("expected finding " + ruleId + ", got " + summary(receipt));
	}

	private static String transactionCode(JsonNode receipt) {
		String code = receipt.path("transactionCode").asString();
		if (code.isEmpty()) {
			throw new Unmet("no transaction code in " + receipt);
		}
		return code;
	}

	private static List<String> ruleIds(JsonNode receipt) {
		return receipt.path("findings").valueStream().map((finding) -> finding.path("ruleId").asString()).toList();
	}

	private static String summary(JsonNode receipt) {
		return receipt.path("status").asString() + " " + receipt.path("transactionCode").asString() + " findings "
				+ ruleIds(receipt);
	}

	private static String key() {
		return "conformance-" + UUID.randomUUID();
	}

	private record Filer(String mst, String token, ReturnSigner signer) {

		byte[] signed(String xml) {
			return this.signer.sign(xml.getBytes(StandardCharsets.UTF_8));
		}

	}

}
