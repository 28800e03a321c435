package etax.batch.console;

import java.time.LocalDate;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.FakeGateway;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The console's pages of what needs an officer elsewhere: payment-gateway's held credits, refused and
 * overdue treasury postings (read with the officer's own token, paged by the gateway, amounts formatted as
 * on every page, a refusal in words), and this service's interest runs. The gateway answers in its own
 * shapes (a stand-in of this JVM); the interest runs are rows of the real database, of day 2001-02-03.
 */
@BatchProcessorIntegrationTest
class ConsoleGatewayPagesIntegrationTests {

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	private static final LocalDate RUN_DAY = LocalDate.of(2001, 2, 3);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void forget() {
		FakeGateway.get().forgetAnswers();
		this.jdbc.sql("DELETE FROM batch.interest_run_total WHERE assessed_for = ?").param(RUN_DAY).update();
		this.jdbc.sql("DELETE FROM batch.interest_run WHERE assessed_for = ?").param(RUN_DAY).update();
	}

	@Test
	void heldCreditsShowThePayerAndTheItemTheLineNamedWithTheOfficersToken() {
		FakeGateway.get().answer("GET", "/api/v1/credits/held", 200, """
				{"items":[{"creditId":"0b0c5f1e-8a43-4d2e-9a43-1d2c3b4a5f60","payerMst":"0313829148","subItem":"1701",
				"amount":12500000,"remaining":12500000,"paidOn":"2025-03-03","bankCode":"01202001","bankReference":"HC01",
				"postingId":"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f","creditedAt":"2025-03-03T02:00:00Z",
				"namedItem":{"payableItemId":"PI-0100109106-1","mst":"0100109106","subItem":"1701",
				"taxPeriod":"00/Q4/2024","outstanding":3000000}},
				{"creditId":"1b0c5f1e-8a43-4d2e-9a43-1d2c3b4a5f61","payerMst":"3500779171","subItem":"1701",
				"amount":700000,"remaining":700000,"paidOn":"2025-03-04","bankCode":"01202001","bankReference":"HC02",
				"postingId":"8c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f","creditedAt":"2025-03-04T02:00:00Z",
				"namedItem":{"payableItemId":"PI-TYPO-7"},"reason":"ITEM_NEVER_BOOKED"}],
				"size":50,"totalElements":51,"next":"4711"}""");
		String token = TOKENS.officer("70129");
		MockHttpSession session = signIn(token);
		assertThat(this.mvc.get().uri("/console/payments/held-credits").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Held credits", "0313829148", "PI-0100109106-1", "0100109106", "12,500,000 VND", "3,000,000 VND",
					"HC01", "2 rows shown of 51", "href=\"/console/payments/held-credits?after=4711\"", "PI-TYPO-7",
					"never booked: release it to the payer")
			.doesNotContain("12500000.00", "null", "First page");
		FakeGateway.Request asked = last("/api/v1/credits/held");
		assertThat(asked.authorization()).as("the officer's own token").isEqualTo("Bearer " + token);
		assertThat(this.mvc.get().uri("/console/payments/held-credits?after=4711").session(session).exchange())
			.hasStatusOk()
			.bodyText()
			.as("the next page goes on from the gateway's next, and links back to the first")
			.contains("href=\"/console/payments/held-credits\"", "First page");
		assertThat(last("/api/v1/credits/held").query()).contains("after=4711");
		assertThat(this.mvc.get().uri("/console/payments/held-credits?after={after}", "47{11}").session(session).exchange())
			.as("a brace is the officer's text, not a variable of the gateway's address")
			.hasStatusOk();
		assertThat(last("/api/v1/credits/held").query()).contains("after=47%7B11%7D");
	}

	@Test
	void refusedAndOverduePostingsArePagedByTheGateway() {
		FakeGateway.get().answer("GET", "/api/v1/treasury/postings/refused", 200, """
				{"items":[{"postingId":"1a2b3c4d-0000-4000-8000-000000000001","payerMst":"0313829148","bankCode":"01202001",
				"bankReference":"RP01","lineNumber":2,"direction":"PAYMENT","treasuryCode":"0111","subItem":"1701",
				"amountVnd":4500000,"paymentDate":"2025-03-03","requestedAt":"2025-03-03T03:00:00Z",
				"refusedAt":"2025-03-03T04:00:00Z","reason":"account 3511 is not a collection account"}],
				"page":1,"size":50,"totalElements":51}""");
		FakeGateway.get().answer("GET", "/api/v1/treasury/postings/overdue", 200, """
				{"items":[{"postingId":"1a2b3c4d-0000-4000-8000-000000000002","bankCode":"01202001","bankReference":"OP01",
				"lineNumber":1,"direction":"REVERSAL","treasuryCode":"0111","subItem":"1052","amountVnd":700000,
				"paymentDate":"2025-03-02","requestedAt":"2025-03-02T03:00:00Z"}],"page":0,"size":50,"totalElements":1}""");
		MockHttpSession session = signIn(TOKENS.nationalOfficer());
		assertThat(this.mvc.get().uri("/console/treasury/refused?page=1").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("RP01 2", "account 3511 is not a collection account", "4,500,000 VND", "Rows 51–51 of 51",
					"Previous page");
		assertThat(last("/api/v1/treasury/postings/refused")).isNotNull();
		assertThat(this.mvc.get().uri("/console/treasury/overdue").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("OP01 1", "REVERSAL", "700,000 VND", "Rows 1–1 of 1")
			.doesNotContain("Next page");
	}

	@Test
	void aGatewayThatRefusesTheListIsShownInWordsAndTheListIsEmpty() {
		FakeGateway.get().answer("GET", "/api/v1/credits/held", 403, """
				{"type":"https://etax.example/problems/forbidden","title":"Not allowed","status":403,
				"detail":"Your role may not use this operation."}""");
		MockHttpSession session = signIn(TOKENS.officer("70129"));
		assertThat(this.mvc.get().uri("/console/payments/held-credits").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("payment-gateway refused it: Not allowed. Your role may not use this operation.",
					"No held credits.")
			.doesNotContain("\"type\"", "403 Forbidden");
	}

	@Test
	void interestRunsListTheLatestDayFirstAndADayByTaxType() {
		this.jdbc.sql("""
				INSERT INTO batch.interest_run_total (assessed_for, tax_sub_item, interest_sub_item, tax_type, items, interest,
					items_corrected, interest_taken_back)
				VALUES (?, '1701', '4931', 'GTGT', 1200, 3456789, 0, 0), (?, '1052', '4918', 'TNDN', 34, 120000, 0, 0),
					(?, '1003', '4917', 'TNCN', 0, 0, 2, 18600)""")
			.params(RUN_DAY, RUN_DAY, RUN_DAY)
			.update();
		this.jdbc.sql("""
				INSERT INTO batch.interest_run (assessed_for, job_execution_id, items_assessed, total_interest,
					items_not_assessable, completed_at, items_corrected, interest_taken_back)
				VALUES (?, 424242, 1234, 3576789, 7, '2001-02-03T18:00:00Z', 2, 18600)""")
			.param(RUN_DAY)
			.update();
		MockHttpSession session = signIn(TOKENS.officer("70129"));
		long runs = this.jdbc.sql("SELECT count(*) FROM batch.interest_run").query(Long.class).single();
		assertThat(this.mvc.get().uri("/console/interest/runs?page=" + (runs - 1) / 50).session(session).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Interest runs", RUN_DAY.toString(), "1,234", "3,576,789 VND", "18,600 VND", "of " + runs + " ");
		assertThat(this.mvc.get().uri("/console/interest/runs/" + RUN_DAY).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Interest assessed for 2001-02-03", "GTGT", "4931", "3,456,789 VND", "TNDN", "120,000 VND",
					"execution 424242", "Items corrected", "TNCN", "4917", "18,600 VND", "3,558,189 VND");
		MvcTestResult none = this.mvc.get().uri("/console/interest/runs/2001-02-04").session(session).exchange();
		assertThat(none).hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("No completed interest assessment for 2001-02-04");
		assertThat(this.mvc.get().uri("/console/interest/runs/yesterday").session(session).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theNewPagesAreInTheNavigation() {
		MockHttpSession session = signIn(TOKENS.officer("70129"));
		assertThat(this.mvc.get().uri("/console/audit").session(session).exchange()).bodyText()
			.contains("href=\"/console/payments/held-credits\"", "href=\"/console/treasury/refused\"",
					"href=\"/console/treasury/overdue\"", "href=\"/console/interest/runs\"");
	}

	private static FakeGateway.Request last(String path) {
		return FakeGateway.get()
			.requests()
			.stream()
			.filter((r) -> r.path().equals(path))
			.reduce((a, b) -> b)
			.orElseThrow();
	}

	private MockHttpSession signIn(String token) {
		MvcTestResult result = this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

}
