package etax.batch.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.FakeGateway;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The console's pages that read declaration-api: the uploads it did not receive (its intake audit read with the
 * officer's own token, the filters passed on as its query parameters, paged without a total, its refusal and bad
 * filters shown in words), a taxpayer's returns with who filed each, its deadline extensions and the inspections
 * at its premises: listed, granted or recorded, revoked or concluded with the officer's token, each confirmed first
 * and audited, a refusal shown in words; and, from payment-gateway, its requests about its overpayment (01/ĐNXLNT),
 * recorded, approved and refused the same way.
 *
 * <p>
 * declaration-api is the stand-in of this JVM here, in a context of this class only, closed after it: the
 * shared context's bulk jobs must never file against a stand-in. For the same reason this context files no
 * batches (its take-over of stale batches never runs), consumes no Kafka topic and watches an inbox of its own.
 */
@BatchProcessorIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsoleDeclarationPagesIntegrationTests {

	private static final String AUDIT = "/api/v1/intake-audit";

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private static final String MST = "0100109106";

	private static final String EXTENSIONS = "/api/v1/taxpayers/" + MST + "/extensions";

	private static final String IN_FORCE = "0190a1b2-0000-7000-8000-000000000001";

	private static final String REVOKED = "0190a1b2-0000-7000-8000-000000000002";

	private static final String INSPECTIONS = "/api/v1/taxpayers/" + MST + "/inspections";

	private static final String OPEN = "0190a1b2-0000-7000-8000-000000000003";

	private static final String REQUESTS = "/api/v1/taxpayers/" + MST + "/overpayment-requests";

	private static final String SHORTFALLS = "/api/v1/taxpayers/" + MST + "/provisional-shortfalls";

	private static final String ARREARS = "/api/v1/taxpayers/" + MST + "/arrears-notices";

	private static final String PENDING = "0190a1b2-0000-7000-8000-000000000005";

	private static final String CREDIT = "0190a1b2-0000-7000-8000-000000000006";

	private static final String CLOSED = "0190a1b2-0000-7000-8000-000000000004";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void declarationApiIsTheStandIn(DynamicPropertyRegistry registry) {
		registry.add("etax.batch.bulk.declaration-api.url", () -> FakeGateway.get().url());
		registry.add("etax.batch.bulk.resume.check", () -> "1d");
		registry.add("spring.kafka.listener.auto-startup", () -> "false");
		registry.add("etax.batch.reconciliation.inbox", () -> "target/console-intake-inbox");
	}

	@AfterEach
	void forget() {
		FakeGateway.get().forgetAnswers();
	}

	@Test
	void listsTheLinesDeclarationApiAnswersTheOfficerWithTheOfficersOwnToken() {
		FakeGateway.get().answer("GET", AUDIT, 200, "[" + line("2025-03-31T03:15:00Z", "refused", "NOT_AUTHORIZED", 2048,
				"\"" + SHA + "\"", "{\"subject\":\"agent-0312345678\",\"role\":\"AGENT\"}", "\"0100109106\"", "\"70129\"")
				+ "," + line("2025-03-30T02:00:00Z", "refused", "TOO_LARGE", 1048576, "null",
						"{\"subject\":null,\"role\":null}", "null", "null")
				+ "]");
		String token = TOKENS.officer("70129");
		MockHttpSession session = signIn(token);

		assertThat(this.mvc.get().uri("/console/intake").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Refused uploads (hồ sơ không được tiếp nhận)", "2025-03-31T03:15:00Z",
					"refused (not authorized, or too large)", "NOT_AUTHORIZED", "2,048", SHA, "AGENT agent-0312345678",
					"href=\"/console/taxpayers?mst=0100109106\"", "70129", "TOO_LARGE", "1,048,576", "not read whole",
					"not recorded", "none", "Rows 1–2 · page 1")
			.doesNotContain("Next page", "Previous page");
		FakeGateway.Request asked = last();
		assertThat(asked.authorization()).as("the officer's own token").isEqualTo("Bearer " + token);
		assertThat(query(asked)).containsExactly(Map.entry("page", "0"), Map.entry("size", "50"));
	}

	@Test
	void theFiltersArePassedOnAsQueryParametersWithTheDaysInVietnam() {
		FakeGateway.get().answer("GET", AUDIT, 200, "[]");
		MockHttpSession session = signIn(TOKENS.nationalOfficer());

		assertThat(this.mvc.get()
			.uri("/console/intake?from=2025-03-01&to=2025-03-31&outcome=schema&reason=not_well_formed&sha256="
					+ SHA.toUpperCase())
			.session(session)
			.exchange()).hasStatusOk()
			.bodyText()
			.contains("value=\"2025-03-01\"", "value=\"2025-03-31\"", "<option value=\"schema\" selected=\"selected\">",
					"value=\"NOT_WELL_FORMED\"", "value=\"" + SHA + "\"", "No refused uploads.", "No rows · page 1");
		assertThat(query(last())).containsOnly(Map.entry("page", "0"), Map.entry("size", "50"),
				Map.entry("from", "2025-03-01T00:00:00+07:00"), Map.entry("to", "2025-04-01T00:00:00+07:00"),
				Map.entry("outcome", "schema"), Map.entry("reason", "NOT_WELL_FORMED"), Map.entry("contentSha256", SHA));
	}

	@Test
	void aFullPageLinksToTheNextAndTheFiltersStayInTheLinks() {
		FakeGateway.get().answer("GET", AUDIT, 200, lines(50));
		MockHttpSession session = signIn(TOKENS.officer("70129"));

		assertThat(this.mvc.get().uri("/console/intake?outcome=malformed").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Rows 1–50 · page 1", "href=\"/console/intake?outcome=malformed&amp;page=1\" rel=\"next\"")
			.doesNotContain("Previous page");
		assertThat(this.mvc.get().uri("/console/intake?outcome=malformed&page=1").session(session).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Rows 51–100 · page 2", "href=\"/console/intake?outcome=malformed&amp;page=0\" rel=\"prev\"",
					"href=\"/console/intake?outcome=malformed&amp;page=2\" rel=\"next\"");
		assertThat(query(last())).containsEntry("page", "1").containsEntry("outcome", "malformed");

		FakeGateway.get().answer("GET", AUDIT, 200, lines(3));
		assertThat(this.mvc.get().uri("/console/intake?outcome=malformed&page=2").session(session).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Rows 101–103 · page 3", "href=\"/console/intake?outcome=malformed&amp;page=1\" rel=\"prev\"")
			.doesNotContain("Next page");
	}

	@Test
	void aRefusalByDeclarationApiIsShownInWords() {
		FakeGateway.get().answer("GET", AUDIT, 403, """
				{"type":"https://etax.example/problems/forbidden","title":"Not allowed","status":403,
				"detail":"Your role may not use this operation."}""");
		MockHttpSession session = signIn(TOKENS.officer("70129"));

		assertThat(this.mvc.get().uri("/console/intake").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("declaration-api refused it: Not allowed. Your role may not use this operation.",
					"No refused uploads.")
			.doesNotContain("\"type\"", "Next page");
	}

	@Test
	void badFiltersAreRefusedInWordsWithoutAskingDeclarationApi() {
		MockHttpSession session = signIn(TOKENS.officer("70129"));
		int before = FakeGateway.get().requests().size();

		assertThat(this.mvc.get().uri("/console/intake?from=2025-02-30&to=yesterday").session(session).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("From must be a day such as 2025-03-31.", "To must be a day such as 2025-03-31.",
					"Refused uploads (hồ sơ không được tiếp nhận)", "value=\"yesterday\"");
		assertThat(this.mvc.get()
			.uri("/console/intake?from=2025-03-31&to=2025-03-01&outcome=lost&reason=not-a-code&sha256=abc")
			.session(session)
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("From (2025-03-31) is after To (2025-03-01).", "Outcome must be refused, malformed or schema.",
					"Reason must be a code of up to 40 letters and underscores, such as NOT_AUTHORIZED.",
					"SHA-256 must be 64 hexadecimal digits.");
		assertThat(FakeGateway.get().requests()).as("nothing asked of declaration-api").hasSize(before);
	}

	@Test
	void aTaxpayersReturnsSayWhoFiledEach() {
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, """
				[{"id":"0b0c5f1e-8a43-4d2e-9a43-1d2c3b4a5f60","transactionCode":"11020250331000001","status":"ACCEPTED",
				"receivedAt":"2025-03-31T03:15:00Z","formCode":"01/GTGT","filingType":"C","submissionNumber":0,
				"period":{"kind":"Q","value":"1/2025"},"taxOfficeCode":"70129",
				"filedBy":{"subject":"agent-0312345678","role":"AGENT"},"payableItems":[{
				"id":"0190a1b2-0000-7000-8000-000000000020","chapter":"754","subItem":"1701","taxPeriod":"00/Q1/2025",
				"amount":22000000,"dueDate":"2025-04-30","paymentReference":"PI-0100109106-7"}]},
				{"id":"0b0c5f1e-8a43-4d2e-9a43-1d2c3b4a5f61","transactionCode":"11020240331000002","status":"ACCEPTED",
				"receivedAt":"2024-03-31T03:15:00Z","formCode":"01/GTGT","filingType":"C","submissionNumber":0,
				"period":{"kind":"Q","value":"4/2023"},"taxOfficeCode":"70129",
				"filedBy":{"subject":"taxpayer-0100109106","role":null},"payableItems":[]}]""");
		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/taxpayers/" + MST + "/balance", 200, """
				{"mst":"0100109106","items":[{"payableItemId":"PI-0100109106-7","kind":"TAX","subItem":"1701",
				"taxPeriod":"00/Q1/2025","amount":22000000.00,"outstanding":7000000.00,"dueDate":"2025-04-30"}],
				"itemsLeftOut":3,"owedBack":[{"subItem":"1701","amount":400000}],"totalOutstanding":7000000.00,"totalCredit":0}""");
		FakeGateway.get().answer("GET", "/api/v1/taxpayers/" + MST + "/ledger", 200, """
				{"items":[{"side":"CREDIT","entryType":"PAYMENT","account":"PAYABLE","subItem":"1701",
				"taxPeriod":"00/Q1/2025","amount":15000000.00,"valueDate":"2025-04-20",
				"bookedAt":"2025-04-20T03:00:00Z","payableItemId":"PI-0100109106-7"}],"totalElements":1}""");
		MockHttpSession session = signIn(TOKENS.officer("70129"));

		assertThat(this.mvc.get().uri("/console/taxpayers?mst=0100109106").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Filed by", "11020250331000001", "AGENT agent-0312345678", "11020240331000002",
					"<td>taxpayer-0100109106</td>")
			.as("money as every console page shows it: grouped, đồng whole, the currency after")
			.contains("<li>PI-0100109106-7: 22,000,000 VND (sub-item 1701, due 2025-04-30)</li>",
					"<td class=\"num\">22,000,000 VND</td>", "<td class=\"num\">7,000,000 VND</td>",
					"<dd id=\"outstanding\">7,000,000 VND</dd>", "<td class=\"num\">15,000,000 VND</td>")
			.as("a taxpayer owing more items than the gateway lists")
			.contains("3 more items owe something, due later than those listed")
			.as("a refund paid out of money the bank took back")
			.contains("<dt>Refund to recover, sub-item 1701</dt>", "<dd class=\"owed-back\">400,000 VND</dd>",
					"the taxpayer owes that money back")
			.doesNotContain("22000000", "7000000.00", "15000000.00")
			.as("two returns, fewer than a page: no next page")
			.contains("Rows 1–2 · page 1")
			.doesNotContain("Next page");
		assertThat(last("/api/v1/returns").query()).contains("page=0", "size=50");
		assertThat(this.mvc.get().uri("/console/taxpayers?mst=0100109106&page=3").session(session).exchange())
			.hasStatusOk()
			.bodyText()
			.as("an older page of returns, asked of declaration-api")
			.contains("Rows 151–152 · page 4", "href=\"/console/taxpayers?mst=0100109106&amp;page=2\"");
		assertThat(last("/api/v1/returns").query()).contains("page=3");
	}

	@Test
	void aReturnFiledLateIsFinedFromItsRowConfirmedFirstThenSentAndAudited() {
		String late = "0b0c5f1e-8a43-4d2e-9a43-1d2c3b4a5f62";
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, """
				[{"id":"%s","transactionCode":"11020250831000003","status":"ACCEPTED",
				"receivedAt":"2025-08-31T03:15:00Z","formCode":"01/GTGT","filingType":"C","submissionNumber":0,
				"period":{"kind":"Q","value":"1/2025"},"taxOfficeCode":"70129","payableItems":[],
				"findings":[{"ruleId":"CTX-DL-01","severity":"WARNING","message":{"vi":"Nộp chậm 121 ngày.",
				"en":"Filed 121 days after the deadline of 2025-05-02. Penalty band: 15–25 million VND, at most the tax due."}}]},
				{"id":"0b0c5f1e-8a43-4d2e-9a43-1d2c3b4a5f63","transactionCode":"11020250831000004","status":"ACCEPTED",
				"receivedAt":"2025-04-20T03:15:00Z","formCode":"01/GTGT","filingType":"C","submissionNumber":0,
				"period":{"kind":"Q","value":"1/2025"},"taxOfficeCode":"70129","payableItems":[],"findings":[]}]"""
			.formatted(late));
		paymentsAndNoExtensions();
		String token = TOKENS.officer("70129");
		MockHttpSession session = signIn(token);
		String action = "/console/taxpayers/" + MST + "/returns/" + late + "/late-filing-penalty";

		assertThat(this.mvc.get().uri("/console/taxpayers?mst=" + MST).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Filed 121 days after the deadline of 2025-05-02. Penalty band: 15–25 million VND, at most the tax due.",
					"action=\"" + action + "\"")
			.doesNotContain("/returns/0b0c5f1e-8a43-4d2e-9a43-1d2c3b4a5f63/late-filing-penalty");

		int before = FakeGateway.get().requests().size();
		long audited = audits("LATE_FILING_FINE");
		FakeGateway.get().answer("GET", "/api/v1/returns/" + late, 200, """
				{"id":"%s","mst":"%s","transactionCode":"11020250831000003","formCode":"01/GTGT",
				"period":{"kind":"Q","value":"1/2025"}}""".formatted(late, MST));
		assertThat(fine(session, action, "15000000", false)).hasStatusOk()
			.bodyText()
			.contains("Fine the return " + late + " of taxpayer " + MST + " for filing late?", "<dd>789/QĐ-XPHC</dd>",
					"<dd>2025-09-10</dd>", "<dd>15,000,000 VND</dd>", "<dd>11020250831000003 · 01/GTGT · Q 1/2025</dd>",
					"Yes, record the fine");
		assertThat(posts(before)).as("nothing sent before confirmation").isEmpty();
		assertThat(fine(session, action, "15 000 000", true)).flash()
			.containsEntry("error", "A fine has its decision's number (up to 60 characters), the day it was decided, "
					+ "such as 2026-06-15, and the amount in VND, such as 15000000.");
		assertThat(posts(before)).isEmpty();
		String elsewhere = "/console/taxpayers/0309876543/returns/" + late + "/late-filing-penalty";
		assertThat(fine(session, elsewhere, "15000000", true)).as("another taxpayer's return, under this one's page")
			.flash()
			.containsEntry("error", "Return " + late + " is not one of taxpayer 0309876543 that declaration-api shows "
					+ "you now: nothing was fined.");
		assertThat(posts(before)).isEmpty();
		FakeGateway.get().answer("GET", "/api/v1/returns/" + late, 503, """
				{"type":"https://etax.example/problems/temporarily-unavailable","title":"Unavailable","status":503}""");
		assertThat(fine(session, action, "15000000", true)).as("declaration-api down: not another taxpayer's return")
			.flash()
			.extractingByKey("error")
			.asString()
			.contains("declaration-api", "Nothing was fined.")
			.doesNotContain("is not one of taxpayer");
		assertThat(posts(before)).isEmpty();
		FakeGateway.get().answer("GET", "/api/v1/returns/" + late, 200, """
				{"id":"%s","mst":"%s","transactionCode":"11020250831000003","formCode":"01/GTGT",
				"period":{"kind":"Q","value":"1/2025"}}""".formatted(late, MST));

		String penalty = "/api/v1/returns/" + late + "/late-filing-penalty";
		FakeGateway.get().answer("POST", penalty, 201, """
				{"amount":15000000,"daysLate":121,"band":{"min":15000000,"max":22000000},"dueDate":"2025-09-22"}""");
		assertThat(fine(session, action, "15000000", true)).hasRedirectedUrl("/console/taxpayers?mst=" + MST)
			.flash()
			.containsEntry("message",
					"Fine recorded: 15,000,000 VND for filing 121 days late (band 15,000,000 to 22,000,000 VND), due 2025-09-22.");
		FakeGateway.Request sent = last(penalty);
		assertThat(sent.authorization()).isEqualTo("Bearer " + token);
		assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
				{"decisionNumber":"789/QĐ-XPHC","decidedOn":"2025-09-10","amount":15000000}"""));
		assertThat(audits("LATE_FILING_FINE")).isEqualTo(audited + 1);
		assertThat(lastAudit("LATE_FILING_FINE")).isEqualTo("OK - taxpayer " + MST + " return " + late);

		FakeGateway.get().answer("GET", penalty, 200, """
				{"amount":15000000,"daysLate":121,"band":{"min":15000000,"max":22000000},"dueDate":"2025-09-22",
				"decisionNumber":"789/QĐ-XPHC"}""");
		assertThat(this.mvc.get().uri("/console/taxpayers?mst=" + MST).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Fined 15,000,000 VND by decision 789/QĐ-XPHC, due 2025-09-22")
			.doesNotContain("action=\"" + action + "\"");
	}

	/** What the console sent with POST since a request count. */
	private static List<FakeGateway.Request> posts(int since) {
		List<FakeGateway.Request> sent = FakeGateway.get().requests();
		return sent.subList(since, sent.size()).stream().filter((r) -> "POST".equals(r.method())).toList();
	}

	private MvcTestResult fine(MockHttpSession session, String action, String amount, boolean confirmed) {
		return this.mvc.post()
			.uri(action)
			.param("decisionNumber", "789/QĐ-XPHC")
			.param("decidedOn", "2025-09-10")
			.param("amount", amount)
			.param("confirmed", String.valueOf(confirmed))
			.session(session)
			.with(csrf())
			.exchange();
	}

	@Test
	void aTaxpayersExtensionsAreListedWithTheirReasonInWordsAndARevokeButtonForThoseInForce() {
		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, "[]");
		FakeGateway.get().answer("GET", EXTENSIONS, 200, "[" + extension(IN_FORCE, null, null) + ","
				+ extension(REVOKED, "\"officer-70129-b\"", "\"2025-04-20T02:00:00Z\"") + "]");
		String token = TOKENS.officer("70129");
		MockHttpSession session = signIn(token);

		assertThat(this.mvc.get().uri("/console/taxpayers?mst=" + MST).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Deadline extensions granted, oldest first", "<th scope=\"row\">01/GTGT (842)</th>",
					"<td>Q 1/2025</td>", "<td>Dịch bệnh (Epidemic)</td>", "<td>2025-04-08</td>", "<td>2025-04-30</td>", "<td>2025-05-30</td>",
					"<td>officer-70129 at 2025-04-10T03:00:00Z</td>", "<td>no, in force</td>",
					"<td>officer-70129-b at 2025-04-20T02:00:00Z</td>",
					"action=\"/console/taxpayers/" + MST + "/extensions/" + IN_FORCE + "/revocation\"",
					"action=\"/console/taxpayers/" + MST + "/extensions\"", "name=\"_csrf\"",
					"<option value=\"NATURAL_DISASTER\">Thiên tai (Natural disaster)</option>",
					"<option value=\"ACCIDENT\">Tai nạn bất ngờ (Unexpected accident)</option>",
					"<option value=\"Q\">Q: quarter</option>", "<label for=\"deadline\">New deadline</label>",
					"<label for=\"requestedOn\">Request received on</label>")
			.doesNotContain("/extensions/" + REVOKED + "/revocation", "could not be read");
		FakeGateway.Request asked = last(EXTENSIONS);
		assertThat(asked.method()).isEqualTo("GET");
		assertThat(asked.authorization()).as("the officer's own token").isEqualTo("Bearer " + token);

		FakeGateway.get().answer("GET", EXTENSIONS, 404, """
				{"type":"https://etax.example/problems/taxpayer-not-found","title":"Taxpayer not found","status":404}""");
		assertThat(this.mvc.get().uri("/console/taxpayers?mst=" + MST).session(session).exchange()).hasStatusOk()
			.bodyText()
			.as("another office's taxpayer: neither its extensions nor a form to grant one")
			.contains("Extensions are shown to the officers of the taxpayer's managing")
			.doesNotContain("id=\"extensions\"", "id=\"grant\"", "Taxpayer not found");
	}

	@Test
	void aGrantIsConfirmedFirstThenSentWithTheOfficersTokenAndAudited() throws Exception {
		String token = TOKENS.officer("70129");
		MockHttpSession session = signIn(token);
		int before = FakeGateway.get().requests().size();
		long audited = audits("EXTENSION_GRANT");

		assertThat(grant(session, false, "2025-05-30")).hasStatusOk()
			.bodyText()
			.contains("Extend the deadline of form 842 for taxpayer " + MST + "?", "<dd>Q 1/2025</dd>",
					"<dd>Dịch bệnh (Epidemic)</dd>", "<dd>2025-05-30</dd>", "name=\"maTKhai\" value=\"842\"",
					"name=\"periodKind\" value=\"Q\"", "name=\"period\" value=\"1/2025\"",
					"name=\"reason\" value=\"EPIDEMIC\"", "<dd>2025-04-08</dd>", "name=\"requestedOn\" value=\"2025-04-08\"",
					"name=\"deadline\" value=\"2025-05-30\"",
					"name=\"confirmed\" value=\"true\"", "Yes, grant the extension", "name=\"_csrf\"");
		assertThat(FakeGateway.get().requests()).as("nothing sent before confirmation").hasSize(before);
		assertThat(audits("EXTENSION_GRANT")).isEqualTo(audited);

		FakeGateway.get().answer("POST", EXTENSIONS, 201, extension(IN_FORCE, null, null));
		assertThat(grant(session, true, "2025-05-30")).hasRedirectedUrl("/console/taxpayers?mst=" + MST)
			.flash()
			.containsEntry("message",
					"Extension granted: form 01/GTGT (842), period Q 1/2025, deadline 2025-05-30 instead of 2025-04-30.")
			.doesNotContainKey("grant");
		FakeGateway.Request sent = last(EXTENSIONS);
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.authorization()).as("the officer's own token").isEqualTo("Bearer " + token);
		assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
				{"maTKhai":"842","periodKind":"Q","period":"1/2025","reason":"EPIDEMIC","requestedOn":"2025-04-08",
				"deadline":"2025-05-30"}"""));
		assertThat(lastAudit("EXTENSION_GRANT")).isEqualTo("OK - taxpayer " + MST + " form 842 Q 1/2025");
	}

	@Test
	void aGrantDeclarationApiRefusesIsShownInWordsAuditedAsRefusedAndComesBackToTheForm() {
		FakeGateway.get().answer("POST", EXTENSIONS, 400, """
				{"type":"https://etax.example/problems/invalid-extension","title":"Extension refused","status":400,
				"detail":"The new deadline may be at most 30 days after the regular deadline 2025-04-30: 2025-05-30 at the latest",
				"field":"deadline"}""");
		MockHttpSession session = signIn(TOKENS.officer("70129"));

		MvcTestResult refused = grant(session, true, "2025-06-30");
		String words = "declaration-api refused it: Extension refused. The new deadline may be at most 30 days after "
				+ "the regular deadline 2025-04-30: 2025-05-30 at the latest.";
		assertThat(refused).hasRedirectedUrl("/console/taxpayers?mst=" + MST).flash().containsEntry("error", words);
		assertThat(lastAudit("EXTENSION_GRANT"))
			.isEqualTo("REFUSED https://etax.example/problems/invalid-extension taxpayer " + MST + " form 842 Q 1/2025");

		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, "[]");
		assertThat(pageAfter(session, refused)).hasStatusOk()
			.bodyText()
			.as("the refusal in words, and the form as it was typed")
			.contains(words, "id=\"maTKhai\" name=\"maTKhai\"", "value=\"842\"",
					"value=\"1/2025\"", "value=\"2025-04-08\"", "value=\"2025-06-30\"",
					"<option value=\"Q\" selected=\"selected\">",
					"<option value=\"EPIDEMIC\" selected=\"selected\">")
			.doesNotContain("\"field\"");
	}

	@Test
	void aGrantTheConsoleCannotSendIsRefusedInWordsWithoutAskingDeclarationApi() {
		MockHttpSession session = signIn(TOKENS.officer("70129"));
		int before = FakeGateway.get().requests().size();

		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/extensions")
			.param("maTKhai", "01/GTGT")
			.param("periodKind", "W")
			.param("period", " ")
			.param("reason", "BANKRUPTCY")
			.param("requestedOn", "08/04/2025")
			.param("deadline", "30/05/2025")
			.session(session)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/console/taxpayers?mst=" + MST)
			.flash()
			.containsEntry("error", "The form code (maTKhai) is 1 to 5 digits, such as 842 for 01/GTGT. "
					+ "Choose the period kind: M, Q, Y, D, K or N. "
					+ "Write the period as its kind is written, such as 1/2025 for a quarter. "
					+ "Choose the reason from the list of Law 38/2019 Art. 46(1). "
					+ "The day the taxpayer's request reached the office is a day such as 2025-04-20. "
					+ "The new deadline is a day such as 2025-05-30.");
		assertThat(FakeGateway.get().requests()).as("nothing asked of declaration-api").hasSize(before);
	}

	@Test
	void nothingIsSentWithoutTheCsrfToken() {
		MockHttpSession session = signIn(TOKENS.officer("70129"));
		int before = FakeGateway.get().requests().size();
		long audited = audits("EXTENSION_GRANT") + audits("EXTENSION_REVOKE");

		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/extensions")
			.param("maTKhai", "842")
			.param("periodKind", "Q")
			.param("period", "1/2025")
			.param("reason", "EPIDEMIC")
			.param("requestedOn", "2025-04-08")
			.param("deadline", "2025-05-30")
			.param("confirmed", "true")
			.session(session)
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/extensions/" + IN_FORCE + "/revocation")
			.param("confirmed", "true")
			.session(session)
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(FakeGateway.get().requests()).as("nothing sent to declaration-api").hasSize(before);
		assertThat(audits("EXTENSION_GRANT") + audits("EXTENSION_REVOKE")).isEqualTo(audited);
	}

	@Test
	void aRevocationIsConfirmedFirstThenSentAndAudited() {
		String revocation = EXTENSIONS + "/" + IN_FORCE + "/revocation";
		FakeGateway.get().answer("GET", EXTENSIONS + "/" + IN_FORCE, 200, extension(IN_FORCE, null, null));
		String token = TOKENS.nationalOfficer();
		MockHttpSession session = signIn(token);
		int before = FakeGateway.get().requests().size();
		long audited = audits("EXTENSION_REVOKE");

		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/extensions/" + IN_FORCE + "/revocation")
			.session(session)
			.with(csrf())
			.exchange()).hasStatusOk()
			.bodyText()
			.contains("Revoke the extension of form 01/GTGT (842) for taxpayer " + MST + "?",
					"returns filed before keep the deadline they were held to", "<dd>Q 1/2025</dd>",
					"<dd>Dịch bệnh (Epidemic)</dd>", "<dd>2025-05-30</dd>",
					"action=\"/console/taxpayers/" + MST + "/extensions/" + IN_FORCE + "/revocation\"",
					"name=\"confirmed\" value=\"true\"", "Yes, revoke it");
		assertThat(FakeGateway.get().requests().subList(before, FakeGateway.get().requests().size()))
			.as("only read, nothing revoked before confirmation")
			.extracting(FakeGateway.Request::method)
			.containsOnly("GET");
		assertThat(audits("EXTENSION_REVOKE")).isEqualTo(audited);

		FakeGateway.get().answer("POST", revocation, 201,
				extension(IN_FORCE, "\"national-officer\"", "\"2025-04-21T02:00:00Z\""));
		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/extensions/" + IN_FORCE + "/revocation")
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/console/taxpayers?mst=" + MST)
			.flash()
			.containsEntry("message", "The extension of form 01/GTGT (842) for Q 1/2025 is revoked.");
		FakeGateway.Request sent = last(revocation);
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.authorization()).isEqualTo("Bearer " + token);
		assertThat(lastAudit("EXTENSION_REVOKE")).isEqualTo("OK - taxpayer " + MST + " extension " + IN_FORCE);

		FakeGateway.get().answer("POST", revocation, 404, """
				{"type":"https://etax.example/problems/extension-not-found","title":"Extension not found","status":404}""");
		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/extensions/" + IN_FORCE + "/revocation")
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange()).flash().containsEntry("error", "declaration-api refused it: Extension not found.");
		assertThat(lastAudit("EXTENSION_REVOKE")).isEqualTo(
				"REFUSED https://etax.example/problems/extension-not-found taxpayer " + MST + " extension " + IN_FORCE);
	}

	@Test
	void aTaxpayersInspectionsAreListedWithAConclusionFormForThoseInProgress() {
		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, "[]");
		FakeGateway.get().answer("GET", INSPECTIONS, 200, "[" + inspection(OPEN, "[\"GTGT\",\"TNDN\"]", "null") + ","
				+ inspection(CLOSED, "[]", """
						{"concludedOn":"2025-06-15","decisionNumber":"456/QĐ-CT","recordedBy":"officer-70129-b",
						"recordedAt":"2025-06-15T03:00:00Z","assessedTax":[%s]}""".formatted(ASSESSED)) + "]");
		String token = TOKENS.officer("70129");
		MockHttpSession session = signIn(token);

		assertThat(this.mvc.get().uri("/console/taxpayers?mst=" + MST).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Inspections recorded, oldest first", "<th scope=\"row\">123/QĐ-CT</th>",
					"<td>Kiểm tra thuế (Tax inspection)</td>", "<td>2024-01-01 to 2024-12-31</td>", "<td>GTGT, TNDN</td>",
					"<td>all</td>", "<td>2025-03-02</td>", "<span>2025-06-15, decision 456/QĐ-CT (officer-70129-b)</span>",
					"<li>Tax assessed: " + ASSESSED_WORDS + "</li>",
					"action=\"/console/taxpayers/" + MST + "/inspections/" + OPEN + "/conclusion\"",
					"action=\"/console/taxpayers/" + MST + "/inspections\"",
					"<option value=\"THANH_TRA\">Thanh tra thuế (Tax audit)</option>")
			.doesNotContain("/inspections/" + CLOSED + "/conclusion", "could not be read");
		assertThat(last(INSPECTIONS).authorization()).as("the officer's own token").isEqualTo("Bearer " + token);
	}

	@Test
	void anInspectionIsConfirmedFirstThenSentWithTheOfficersTokenAndAuditedAndARefusalComesBackToTheForm() {
		String token = TOKENS.officer("70129");
		MockHttpSession session = signIn(token);
		int before = FakeGateway.get().requests().size();
		long audited = audits("INSPECTION_RECORD");

		assertThat(recordInspection(session, false)).hasStatusOk()
			.bodyText()
			.contains("Record an inspection at the premises of taxpayer " + MST + "?", "<dd>123/QĐ-CT</dd>",
					"<dd>Kiểm tra thuế (Tax inspection)</dd>", "<dd>2024-01-01 to 2024-12-31</dd>", "<dd>GTGT, TNDN</dd>",
					"<dd>2025-03-02</dd>", "name=\"taxTypes\" value=\"GTGT, TNDN\"", "name=\"confirmed\" value=\"true\"",
					"Yes, record the inspection");
		assertThat(FakeGateway.get().requests()).as("nothing sent before confirmation").hasSize(before);
		assertThat(audits("INSPECTION_RECORD")).isEqualTo(audited);

		FakeGateway.get().answer("POST", INSPECTIONS, 201, inspection(OPEN, "[\"GTGT\",\"TNDN\"]", "null"));
		assertThat(recordInspection(session, true)).hasRedirectedUrl("/console/taxpayers?mst=" + MST)
			.flash()
			.containsEntry("message",
					"Inspection recorded: decision 123/QĐ-CT, periods 2024-01-01 to 2024-12-31, announced on 2025-03-02.");
		FakeGateway.Request sent = last(INSPECTIONS);
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.authorization()).isEqualTo("Bearer " + token);
		assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
				{"decisionNumber":"123/QĐ-CT","kind":"KIEM_TRA","periodFrom":"2024-01-01","periodTo":"2024-12-31",
				"taxTypes":["GTGT","TNDN"],"announcedOn":"2025-03-02"}"""));
		assertThat(lastAudit("INSPECTION_RECORD")).isEqualTo("OK - taxpayer " + MST + " decision 123/QĐ-CT");

		FakeGateway.get().answer("POST", INSPECTIONS, 400, """
				{"type":"https://etax.example/problems/invalid-inspection","title":"Inspection refused","status":400,
				"detail":"The announcement cannot be after today","field":"announcedOn"}""");
		// a session of its own: the flash of the recording above, kept in the first one, would be shown instead
		MockHttpSession again = signIn(token);
		MvcTestResult refused = recordInspection(again, true);
		assertThat(refused).flash()
			.containsEntry("error", "declaration-api refused it: Inspection refused. The announcement cannot be after today.");
		assertThat(lastAudit("INSPECTION_RECORD"))
			.isEqualTo("REFUSED https://etax.example/problems/invalid-inspection taxpayer " + MST + " decision 123/QĐ-CT");
		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, "[]");
		assertThat(pageAfter(again, refused)).hasStatusOk()
			.bodyText()
			.as("the form as it was typed")
			.contains("id=\"decisionNumber\" name=\"decisionNumber\"", "value=\"123/QĐ-CT\"", "value=\"GTGT, TNDN\"",
					"<option value=\"KIEM_TRA\" selected=\"selected\">");
	}

	@Test
	void anInspectionTheConsoleCannotSendIsRefusedInWordsWithoutAskingDeclarationApi() {
		MockHttpSession session = signIn(TOKENS.officer("70129"));
		int before = FakeGateway.get().requests().size();

		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/inspections")
			.param("kind", "RAID")
			.param("periodFrom", "2024-01-01")
			.param("periodTo", "31/12/2024")
			.param("taxTypes", "gtgt")
			.session(session)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/console/taxpayers?mst=" + MST)
			.flash()
			.containsEntry("error", "The decision number is up to 60 characters, such as 123/QĐ-CT. "
					+ "Choose the kind: a tax audit (thanh tra) or a tax inspection (kiểm tra). "
					+ "The inspected periods run from a day to a day, such as 2024-01-01 to 2024-12-31. "
					+ "Tax types are codes such as GTGT or TNDN, separated by commas; leave it empty for all. "
					+ "The day the decision was announced is a day such as 2026-03-02.");
		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/inspections/" + OPEN + "/conclusion")
			.param("concludedOn", "15/06/2025")
			.param("decisionNumber", "456/QĐ-CT")
			.session(session)
			.with(csrf())
			.exchange()).flash()
			.containsEntry("error", "A conclusion has the day it was issued, such as 2026-06-15, and its decision "
					+ "number, up to 60 characters.");
		assertThat(FakeGateway.get().requests()).as("nothing asked of declaration-api").hasSize(before);
	}

	@Test
	void aConclusionIsConfirmedFirstThenSentAndAudited() {
		String conclusion = INSPECTIONS + "/" + OPEN + "/conclusion";
		FakeGateway.get().answer("GET", INSPECTIONS + "/" + OPEN, 200, inspection(OPEN, "[]", "null"));
		String token = TOKENS.nationalOfficer();
		MockHttpSession session = signIn(token);
		long audited = audits("INSPECTION_CONCLUDE");

		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/inspections/" + OPEN + "/conclusion")
			.param("concludedOn", "2025-06-15")
			.param("decisionNumber", "456/QĐ-CT")
			.session(session)
			.with(csrf())
			.exchange()).hasStatusOk()
			.bodyText()
			.contains("Record the conclusion of inspection 123/QĐ-CT of taxpayer " + MST + "?",
					"<dd>2024-01-01 to 2024-12-31</dd>", "<dd>all</dd>", "<dd>2025-06-15</dd>", "<dd>456/QĐ-CT</dd>",
					"name=\"concludedOn\" value=\"2025-06-15\"", "Yes, record the conclusion");
		assertThat(audits("INSPECTION_CONCLUDE")).isEqualTo(audited);

		FakeGateway.get().answer("POST", conclusion, 201, inspection(OPEN, "[]", """
				{"concludedOn":"2025-06-15","decisionNumber":"456/QĐ-CT","recordedBy":"national-officer",
				"recordedAt":"2025-06-16T03:00:00Z"}"""));
		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/inspections/" + OPEN + "/conclusion")
			.param("concludedOn", "2025-06-15")
			.param("decisionNumber", "456/QĐ-CT")
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/console/taxpayers?mst=" + MST)
			.flash()
			.containsEntry("message",
					"Conclusion recorded: inspection 123/QĐ-CT concluded on 2025-06-15 by decision 456/QĐ-CT.");
		FakeGateway.Request sent = last(conclusion);
		assertThat(sent.authorization()).isEqualTo("Bearer " + token);
		assertThat(JSON.readTree(sent.body()))
			.isEqualTo(JSON.readTree("{\"concludedOn\":\"2025-06-15\",\"decisionNumber\":\"456/QĐ-CT\"}"));
		assertThat(lastAudit("INSPECTION_CONCLUDE")).isEqualTo("OK - taxpayer " + MST + " inspection " + OPEN);

		FakeGateway.get().answer("POST", conclusion, 409, """
				{"type":"https://etax.example/problems/inspection-concluded","title":"Inspection already concluded",
				"status":409}""");
		assertThat(this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/inspections/" + OPEN + "/conclusion")
			.param("concludedOn", "2025-06-15")
			.param("decisionNumber", "456/QĐ-CT")
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange()).flash().containsEntry("error", "declaration-api refused it: Inspection already concluded.");
	}

	@Test
	void aTaxpayersProvisionalCitShortfallsAreShownWithWhatTheyAreMadeOf() {
		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, "[]");
		FakeGateway.get().answer("GET", SHORTFALLS, 200, """
				[{"id":"TAMNOP75-1052-2025-%s","taxYear":2025,"subItem":"1052","annualTax":400000000,
				"finalizationReturnId":"0190a1b2-0000-7000-8000-000000000010","provisionalQuarters":4,
				"requiredPercent":80,"required":320000000,"provisionalDeadline":"2026-01-30","paidByDeadline":300000000,
				"shortfall":20000000,"paidOff":[{"on":"2026-02-10","amount":5000000},{"on":"2026-03-02","amount":15000000}],
				"outstanding":0,"interestBooked":150000}]""".formatted(MST));
		MockHttpSession session = signIn(TOKENS.officer("70129"));

		assertThat(this.mvc.get().uri("/console/taxpayers?mst=" + MST).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Provisional CIT (tạm nộp TNDN)", "<th scope=\"row\">2025</th>", "400,000,000",
					"<td>80 % of Q1–Q4</td>", "320,000,000", "<td>2026-01-30</td>", "300,000,000", "20,000,000",
					"<td>5,000,000 VND on 2026-02-10; 15,000,000 VND on 2026-03-02</td>", "150,000")
			.doesNotContain("could not be read", "id=\"arrears-notices\"");
	}

	@Test
	void aTaxpayersArrearsNoticesAreListedWithWhatTheyNamed() {
		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, "[]");
		FakeGateway.get().answer("GET", ARREARS, 200, """
				[{"noticeId":"0190a1b2-0000-7000-8000-000000000011","mst":"%s","month":"2026-05","asOf":"2026-05-31",
				"issuedAt":"2026-05-31T23:00:00Z","items":[{"payableItemId":"A","kind":"TAX","chapter":"754",
				"subItem":"1701","taxPeriod":"00/Q1/2026","dueDate":"2026-05-04","outstanding":6000000,"daysOverdue":27},
				{"payableItemId":"B","kind":"INTEREST","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",
				"dueDate":"2026-05-05","outstanding":3000,"daysOverdue":26},{"payableItemId":"C","kind":"PENALTY",
				"chapter":"754","subItem":"4254","taxPeriod":"10/05/2026","dueDate":"2026-05-20","outstanding":15000000,
				"daysOverdue":11}],"totalTax":6000000,"totalInterest":3000,"totalPenalty":15000000}]"""
			.formatted(MST));
		MockHttpSession session = signIn(TOKENS.officer("70129"));

		assertThat(this.mvc.get().uri("/console/taxpayers?mst=" + MST).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Notices of tax arrears and late-payment interest (07/QLN)", "<th scope=\"row\">2026-05</th>",
					"6,000,000", "3,000", "<td class=\"num\">15,000,000 VND</td>",
					"<td>6,000,000 VND tax (sub-item 1701, 00/Q1/2026, 27 days overdue); 3,000 VND interest "
							+ "(sub-item 4931, 00/Q1/2026, 26 days overdue); 15,000,000 VND penalty (sub-item 4254, "
							+ "10/05/2026, 11 days overdue)</td>")
			.doesNotContain("could not be read");
	}

	@Test
	void aTaxpayersOverpaymentRequestsAreListedWithTheDecisionsAndApproveAndRefuseForThosePending() {
		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, "[]");
		FakeGateway.get().answer("GET", "/api/v1/taxpayers/" + MST + "/balance", 200, """
				{"mst":"0100109106","items":[],"generalCredits":[{"creditId":"%s","subItem":"1701","amount":1000000,
				"paidOn":"2026-05-10","postingId":"0190a1b2-0000-7000-8000-000000000009"}],"totalOutstanding":0,
				"totalCredit":1000000}""".formatted(CREDIT));
		FakeGateway.get().answer("GET", REQUESTS, 200, "{\"items\":[" + request(PENDING, "PENDING", "null") + ","
				+ request(OPEN, "APPROVED", """
						{"outcome":"APPROVED","decidedBy":"approver-lan","reason":null,"decidedAt":"2026-05-12T03:00:00Z",
						"entryId":null,"postingId":null,"postingStatus":"POSTED"}""") + "],\"totalElements\":5}");
		MockHttpSession session = signIn(TOKENS.officer("70129"));

		assertThat(this.mvc.get().uri("/console/taxpayers?mst=" + MST).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Overpayment refunds and offsets (01/ĐNXLNT)", "<th scope=\"row\">ĐN-17</th>",
					"<td>Refund to account 0123456789 at bank 01201001 (CONG TY A)</td>", "400,000",
					"APPROVED by approver-lan at 2026-05-12T03:00:00Z; treasury POSTED",
					"action=\"/console/taxpayers/" + MST + "/overpayment-requests/" + PENDING + "/approval\"",
					"action=\"/console/taxpayers/" + MST + "/overpayment-requests/" + PENDING + "/refusal\"",
					"<option value=\"" + CREDIT + "\">1,000,000 VND, sub-item 1701, paid 2026-05-10</option>",
					"3 more requests, recorded before those listed.")
			.doesNotContain("/overpayment-requests/" + OPEN + "/approval", "could not be read");
		assertThat(FakeGateway.get().requests().stream().filter((r) -> r.path().equals(REQUESTS)))
			.as("the gateway's first page, then, as it does not list them all, every request still pending")
			.extracting(FakeGateway.Request::query)
			.endsWith("size=50", "pending=true&size=500");
	}

	@Test
	void aRequestIsConfirmedFirstThenSentWithTheOfficersTokenAndARefusedOneComesBackToTheForm() {
		String token = TOKENS.officer("70129");
		MockHttpSession session = signIn(token);
		int before = FakeGateway.get().requests().size();

		assertThat(recordRefund(session, false)).hasStatusOk()
			.bodyText()
			.contains("Record the 01/ĐNXLNT of taxpayer " + MST + "?", "<dd>ĐN-17</dd>", "<dd>400,000</dd>",
					"<dd>Refund to account 0123456789 at bank 01201001 (CONG TY A)</dd>", "Yes, record the request");
		assertThat(FakeGateway.get().requests()).as("nothing sent before confirmation").hasSize(before);

		FakeGateway.get().answer("POST", REQUESTS, 201, request(PENDING, "PENDING", "null"));
		assertThat(recordRefund(session, true)).hasRedirectedUrl("/console/taxpayers?mst=" + MST)
			.flash()
			.containsEntry("message", "Request recorded, waiting for a second officer: Refund to account 0123456789 "
					+ "at bank 01201001 (CONG TY A), 400,000 VND (01/ĐNXLNT ĐN-17).");
		FakeGateway.Request sent = last(REQUESTS);
		assertThat(sent.authorization()).isEqualTo("Bearer " + token);
		assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
				{"kind":"REFUND","creditId":"%s","amount":400000,"documentNumber":"ĐN-17","target":null,
				"payee":{"bankCode":"01201001","account":"0123456789","name":"CONG TY A"}}""".formatted(CREDIT)));
		assertThat(lastAudit("OVERPAYMENT_RECORD")).isEqualTo("OK - taxpayer " + MST + " credit " + CREDIT);

		FakeGateway.get().answer("POST", REQUESTS, 422, """
				{"type":"https://etax.example/problems/amount-exceeds-credit","title":"Amount exceeds the credit",
				"status":422}""");
		MockHttpSession again = signIn(token);
		MvcTestResult refused = recordRefund(again, true);
		assertThat(refused).flash()
			.containsEntry("error", "payment-gateway refused it: Amount exceeds the credit.");
		paymentsAndNoExtensions();
		FakeGateway.get().answer("GET", "/api/v1/returns", 200, "[]");
		FakeGateway.get().answer("GET", "/api/v1/taxpayers/" + MST + "/balance", 200, """
				{"mst":"0100109106","items":[],"generalCredits":[{"creditId":"%s","subItem":"1701","amount":300000,
				"paidOn":"2026-05-10","postingId":"0190a1b2-0000-7000-8000-000000000009"}],"totalOutstanding":0,
				"totalCredit":300000}""".formatted(CREDIT));
		assertThat(pageAfter(again, refused)).hasStatusOk()
			.bodyText()
			.as("the form as it was typed")
			.contains("value=\"ĐN-17\"", "value=\"0123456789\"", "value=\"400000\"",
					"<option value=\"REFUND\" selected=\"selected\">",
					"selected=\"selected\">300,000 VND, sub-item 1701, paid 2026-05-10</option>");
	}

	@Test
	void anApprovalAndARefusalAreConfirmedFirstThenSentAndAudited() {
		FakeGateway.get().answer("GET", REQUESTS + "/" + PENDING, 200, request(PENDING, "PENDING", "null"));
		String approver = TOKENS.approver("70129", "lan");
		MockHttpSession session = signIn(approver);
		String address = "/console/taxpayers/" + MST + "/overpayment-requests/" + PENDING;

		assertThat(this.mvc.post().uri(address + "/approval").session(session).with(csrf()).exchange()).hasStatusOk()
			.bodyText()
			.contains("Approve the 01/ĐNXLNT ĐN-17 of taxpayer " + MST + "?", "<dd>" + CREDIT + "</dd>",
					"<dd>officer-70129 at 2026-05-11T03:00:00Z</dd>", "Yes, approve it");
		FakeGateway.get().answer("POST", REQUESTS + "/" + PENDING + ":approve", 200, request(PENDING, "APPROVED", """
				{"outcome":"APPROVED","decidedBy":"approver-lan","reason":null,"decidedAt":"2026-05-12T03:00:00Z",
				"entryId":null,"postingId":null,"postingStatus":"REQUESTED"}"""));
		assertThat(this.mvc.post().uri(address + "/approval").param("confirmed", "true").session(session).with(csrf())
			.exchange()).flash()
			.containsEntry("message", "Request approved: Refund to account 0123456789 at bank 01201001 (CONG TY A), "
					+ "400,000 VND (01/ĐNXLNT ĐN-17).");
		assertThat(last(REQUESTS + "/" + PENDING + ":approve").authorization()).isEqualTo("Bearer " + approver);
		assertThat(lastAudit("OVERPAYMENT_APPROVE")).isEqualTo("OK - taxpayer " + MST + " request " + PENDING);

		FakeGateway.get().answer("POST", REQUESTS + "/" + PENDING + ":approve", 403, """
				{"type":"https://etax.example/problems/four-eyes","title":"Recorded by you","status":403}""");
		assertThat(this.mvc.post().uri(address + "/approval").param("confirmed", "true").session(session).with(csrf())
			.exchange()).flash().containsEntry("error", "payment-gateway refused it: Recorded by you.");

		int before = FakeGateway.get().requests().size();
		assertThat(this.mvc.post().uri(address + "/refusal").session(session).with(csrf()).exchange()).flash()
			.containsEntry("error", "Say why the request is refused, in up to 1,000 characters.");
		assertThat(FakeGateway.get().requests()).as("no reason, nothing asked").hasSize(before);
		assertThat(this.mvc.post().uri(address + "/refusal").param("reason", "No 01/ĐNXLNT on file").session(session)
			.with(csrf())
			.exchange()).hasStatusOk().bodyText().contains("<dd>No 01/ĐNXLNT on file</dd>", "Yes, refuse it");
		FakeGateway.get().answer("POST", REQUESTS + "/" + PENDING + ":refuse", 200, request(PENDING, "REFUSED", """
				{"outcome":"REFUSED","decidedBy":"approver-lan","reason":"No 01/ĐNXLNT on file",
				"decidedAt":"2026-05-12T03:00:00Z","entryId":null,"postingId":null,"postingStatus":null}"""));
		assertThat(this.mvc.post()
			.uri(address + "/refusal")
			.param("reason", "No 01/ĐNXLNT on file")
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange()).flash().containsKey("message");
		assertThat(JSON.readTree(last(REQUESTS + "/" + PENDING + ":refuse").body()))
			.isEqualTo(JSON.readTree("{\"reason\":\"No 01/ĐNXLNT on file\"}"));
		assertThat(lastAudit("OVERPAYMENT_REFUSE")).isEqualTo("OK - taxpayer " + MST + " request " + PENDING);
	}

	@Test
	void thePageIsInTheNavigation() {
		MockHttpSession session = signIn(TOKENS.officer("70129"));
		assertThat(this.mvc.get().uri("/console/audit").session(session).exchange()).bodyText()
			.contains("href=\"/console/intake\">Refused uploads</a>");
	}

	private static String line(String at, String outcome, String reason, int size, String sha, String sentBy,
			String mst, String office) {
		return "{\"at\":\"" + at + "\",\"outcome\":\"" + outcome + "\",\"reason\":\"" + reason + "\",\"sizeBytes\":"
				+ size + ",\"contentSha256\":" + sha + ",\"sentBy\":" + sentBy + ",\"mst\":" + mst
				+ ",\"managingOffice\":" + office + "}";
	}

	private static String lines(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> line("2025-03-31T03:15:00Z", "malformed", "NOT_WELL_FORMED", 100 + i, "\"" + SHA + "\"",
					"{\"subject\":\"tvan-1\",\"role\":\"TVAN\"}", "null", "null"))
			.collect(Collectors.joining(",", "[", "]"));
	}

	private MvcTestResult grant(MockHttpSession session, boolean confirmed, String deadline) {
		return this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/extensions")
			.param("maTKhai", "842")
			.param("periodKind", "Q")
			.param("period", "1/2025")
			.param("reason", "EPIDEMIC")
			.param("requestedOn", "2025-04-08")
			.param("deadline", deadline)
			.param("confirmed", String.valueOf(confirmed))
			.session(session)
			.with(csrf())
			.exchange();
	}

	/** An extension as declaration-api answers it: form 842 (01/GTGT), Q 1/2025, until 2025-05-30. */
	private static String extension(String id, String revokedBy, String revokedAt) {
		return """
				{"id":"%s","mst":"%s","maTKhai":"842","formCode":"01/GTGT","periodKind":"Q","period":"1/2025",
				"reason":"EPIDEMIC","reasonLabel":{"vi":"Dịch bệnh","en":"Epidemic"},"requestedOn":"2025-04-08",
				"regularDeadline":"2025-04-30",
				"deadline":"2025-05-30","grantedBy":"officer-70129","grantedAt":"2025-04-10T03:00:00Z",
				"revokedBy":%s,"revokedAt":%s}""".formatted(id, MST, revokedBy, revokedAt);
	}

	/** The taxpayer's page as the redirect after an action shows it, with the action's message or error. */
	private MvcTestResult pageAfter(MockHttpSession session, MvcTestResult action) {
		return this.mvc.get()
			.uri("/console/taxpayers?mst=" + MST)
			.session(session)
			.flashAttrs(action.getMvcResult().getFlashMap())
			.exchange();
	}

	private static void paymentsAndNoExtensions() {
		FakeGateway.get().answer("GET", "/api/v1/taxpayers/" + MST + "/balance", 200, """
				{"mst":"0100109106","items":[],"totalOutstanding":0,"totalCredit":0}""");
		FakeGateway.get().answer("GET", "/api/v1/taxpayers/" + MST + "/ledger", 200, """
				{"items":[],"totalElements":0}""");
		FakeGateway.get().answer("GET", EXTENSIONS, 200, "[]");
		FakeGateway.get().answer("GET", INSPECTIONS, 200, "[]");
		FakeGateway.get().answer("GET", REQUESTS, 200, "{\"items\":[]}");
		FakeGateway.get().answer("GET", SHORTFALLS, 200, "[]");
		FakeGateway.get().answer("GET", ARREARS, 200, "[]");
	}

	/** A refund of 400,000 VND of the credit as payment-gateway answers it, pending unless decided. */
	private static String request(String id, String status, String decision) {
		return """
				{"requestId":"%s","mst":"%s","creditId":"%s","kind":"REFUND","amount":400000,"documentNumber":"ĐN-17",
				"target":null,"payee":{"bankCode":"01201001","account":"0123456789","name":"CONG TY A"},
				"requestedBy":"officer-70129","requestedAt":"2026-05-11T03:00:00Z","status":"%s","decision":%s}\
				""".formatted(id, MST, CREDIT, status, decision);
	}

	private MvcTestResult recordRefund(MockHttpSession session, boolean confirmed) {
		return this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/overpayment-requests")
			.param("kind", "REFUND")
			.param("creditId", CREDIT)
			.param("amount", "400000")
			.param("documentNumber", "ĐN-17")
			.param("bankCode", "01201001")
			.param("account", "0123456789")
			.param("accountName", "CONG TY A")
			.param("confirmed", String.valueOf(confirmed))
			.session(session)
			.with(csrf())
			.exchange();
	}

	/** An inspection as declaration-api answers it: decision 123/QĐ-CT, 2024, announced 2025-03-02. */
	@Test
	void theTaxAConclusionAssessedIsConfirmedItemByItemThenSent() {
		String conclusion = INSPECTIONS + "/" + OPEN + "/conclusion";
		FakeGateway.get().answer("GET", INSPECTIONS + "/" + OPEN, 200, inspection(OPEN, "[]", "null"));
		MockHttpSession session = signIn(TOKENS.nationalOfficer());
		int before = FakeGateway.get().requests().size();

		assertThat(concludeWithTax(session, "842 Q 1/2024 1701 40000000 understatement\r\n 842  q 2/2024 1701 5000000 "
				+ "Evasion 1.5\n842 Q 3/2024 1701 1000000", false))
			.hasStatusOk()
			.bodyText()
			.contains("<dd>form 842, period Q 1/2024, sub-item 1701: 40,000,000 VND, fined 20 % of it for understating "
					+ "it; form 842, period Q 2/2024, sub-item 1701: 5,000,000 VND, fined 1.5 times the tax for evading it; "
					+ "form 842, period Q 3/2024, sub-item 1701: 1,000,000 VND, no fine</dd>",
					"name=\"assessedTax\" value=\"842 Q 1/2024 1701 40000000 UNDERSTATEMENT; 842 Q 2/2024 1701 5000000 "
							+ "EVASION 1.5; 842 Q 3/2024 1701 1000000\"");

		FakeGateway.get().answer("POST", conclusion, 201, inspection(OPEN, "[]", """
				{"concludedOn":"2025-06-15","decisionNumber":"456/QĐ-CT","recordedBy":"national-officer",
				"recordedAt":"2025-06-16T03:00:00Z","assessedTax":[%s]}""".formatted(ASSESSED)));
		assertThat(concludeWithTax(session, "842 Q 1/2024 1701 40000000 UNDERSTATEMENT; 842 Q 2/2024 1701 5000000 "
				+ "EVASION 1.5; 842 Q 3/2024 1701 1000000", true)).flash()
			.containsEntry("message", "Conclusion recorded: inspection 123/QĐ-CT concluded on 2025-06-15 by decision "
					+ "456/QĐ-CT; tax assessed: " + ASSESSED_WORDS + ".");
		assertThat(JSON.readTree(last(conclusion).body())).isEqualTo(JSON.readTree("""
				{"concludedOn":"2025-06-15","decisionNumber":"456/QĐ-CT","assessedTax":[
				 {"maTKhai":"842","periodKind":"Q","period":"1/2024","subItem":"1701","amount":40000000,
				  "fine":{"violation":"UNDERSTATEMENT"}},
				 {"maTKhai":"842","periodKind":"Q","period":"2/2024","subItem":"1701","amount":5000000,
				  "fine":{"violation":"EVASION","rate":1.5}},
				 {"maTKhai":"842","periodKind":"Q","period":"3/2024","subItem":"1701","amount":1000000}]}"""));

		int sent = FakeGateway.get().requests().size();
		assertThat(concludeWithTax(session, "842 Q 1/2024 1701 40000000\n01/GTGT Q 2/2024 1701 -5", true)).flash()
			.containsEntry("error", "Tax assessed, line 2: write the form's id, the period kind, the period, the sub-item "
					+ "and the amount in VND, such as 842 Q 1/2026 1701 40000000, then the fine if one was decided: "
					+ "understatement, or evasion and its multiple of the tax (1, 1.5, 2, 2.5 or 3).");
		assertThat(concludeWithTax(session, "842 Q 1/2024 1701 40000000 evasion 4", true)).flash()
			.as("a multiple no violation allows")
			.containsKey("error");
		assertThat(FakeGateway.get().requests()).as("nothing sent").hasSize(sent);
		assertThat(sent).isGreaterThan(before);
	}

	private MvcTestResult concludeWithTax(MockHttpSession session, String assessedTax, boolean confirmed) {
		return this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/inspections/" + OPEN + "/conclusion")
			.param("concludedOn", "2025-06-15")
			.param("decisionNumber", "456/QĐ-CT")
			.param("assessedTax", assessedTax)
			.param("confirmed", String.valueOf(confirmed))
			.session(session)
			.with(csrf())
			.exchange();
	}

	private static final String ASSESSED_ITEM = "0193a6f0-0000-7000-8000-000000000001";

	private static final String FINE_ITEM = "0193a6f0-0000-7000-8000-000000000002";

	/** Tax a conclusion assessed, as declaration-api answers it. */
	private static final String ASSESSED = """
			{"payableItemId":"%s","formCode":"01/GTGT","maTKhai":"842","periodKind":"Q","period":"1/2024",
			"subItem":"1701","taxPeriod":"00/Q1/2024","amount":40000000,"dueDate":"2024-05-02",
			"fine":{"payableItemId":"%s","violation":"UNDERSTATEMENT","rate":0.2,"amount":8000000,"subItem":"4254",
			"taxPeriod":"15/06/2025","dueDate":"2025-06-25",
			"violationLabel":{"vi":"Khai sai dẫn đến thiếu số thuế phải nộp","en":"Tax understated"}}}"""
		.formatted(ASSESSED_ITEM, FINE_ITEM);

	private static final String ASSESSED_WORDS = "01/GTGT 00/Q1/2024, sub-item 1701: 40,000,000 VND, due 2024-05-02 (item "
			+ ASSESSED_ITEM + "); fine for tax understated, 0.2 times the tax: 8,000,000 VND under sub-item 4254, due "
			+ "2025-06-25 (item " + FINE_ITEM + ")";

	private static String inspection(String id, String taxTypes, String conclusion) {
		return """
				{"id":"%s","mst":"%s","decisionNumber":"123/QĐ-CT","kind":"KIEM_TRA",
				"kindLabel":{"vi":"Kiểm tra thuế","en":"Tax inspection"},"periodFrom":"2024-01-01","periodTo":"2024-12-31",
				"taxTypes":%s,"announcedOn":"2025-03-02","recordedBy":"officer-70129","recordedAt":"2025-03-02T03:00:00Z",
				"conclusion":%s}""".formatted(id, MST, taxTypes, conclusion);
	}

	private MvcTestResult recordInspection(MockHttpSession session, boolean confirmed) {
		return this.mvc.post()
			.uri("/console/taxpayers/" + MST + "/inspections")
			.param("decisionNumber", "123/QĐ-CT")
			.param("kind", "KIEM_TRA")
			.param("periodFrom", "2024-01-01")
			.param("periodTo", "2024-12-31")
			.param("taxTypes", "GTGT, TNDN")
			.param("announcedOn", "2025-03-02")
			.param("confirmed", String.valueOf(confirmed))
			.session(session)
			.with(csrf())
			.exchange();
	}

	private String lastAudit(String action) {
		return this.jdbc.sql("""
				SELECT outcome || ' ' || coalesce(problem_type, '-') || ' ' || target FROM batch.console_audit
				WHERE action = ? ORDER BY id DESC LIMIT 1""").param(action).query(String.class).single();
	}

	private long audits(String action) {
		return this.jdbc.sql("SELECT count(*) FROM batch.console_audit WHERE action = ?")
			.param(action)
			.query(Long.class)
			.single();
	}

	private static FakeGateway.Request last(String path) {
		return FakeGateway.get()
			.requests()
			.stream()
			.filter((r) -> r.path().equals(path))
			.reduce((a, b) -> b)
			.orElseThrow();
	}

	private static FakeGateway.Request last() {
		return last(AUDIT);
	}

	/** The query as declaration-api reads it: decoded as a form would be, so that an unencoded {@code +} is lost. */
	private static Map<String, String> query(FakeGateway.Request request) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : List.of(request.query().split("&"))) {
			int equals = pair.indexOf('=');
			query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

	private MockHttpSession signIn(String token) {
		MvcTestResult result = this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

}
