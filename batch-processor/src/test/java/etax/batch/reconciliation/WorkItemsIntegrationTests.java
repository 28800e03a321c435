package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.FakeGateway;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.batch.reconciliation.TaxSide.OFFICE;
import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exceptions as officers work them: assign, comment, resolve; four eyes on resolutions that move money
 * (not the resolver, not without the approver claim); the approved correction request reaches the gateway
 * with the approver's token; every action on record. Works on business days 2025-03-13 and 2025-02-25,
 * references RW…
 */
@BatchProcessorIntegrationTest
class WorkItemsIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 13);

	private static final String RESOLVER = TokenIssuer.local().approver(OFFICE, "an");

	private static final String SECOND = TokenIssuer.local().approver(OFFICE, "binh");

	private static final String NOT_APPROVER = TokenIssuer.local().officer(OFFICE);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void reconcileTheDay() {
		ReconciledDays days = new ReconciledDays(this.mvc, this.jdbc);
		if (days.reconciled(DAY)) {
			return;
		}
		TaxSide tax = new TaxSide(this.jdbc);
		UUID recoded = tax.paid("RW01", DAY, "VND", "6000000", "1701");
		UUID onlyTax = tax.paid("RW02", DAY, "VND", "2000000", "1701");
		UUID explained = tax.paid("RW03", DAY, "VND", "3000000", "1701");
		days.reconcile(DAY, bankFile(DAY, voucher("RW01", DAY, "01", "VND", "6000000", "1052")),
				statement(posted(recoded, DAY, "VND", "6000000", "1701"), posted(onlyTax, DAY, "VND", "2000000", "1701"),
						posted(explained, DAY, "VND", "3000000", "1701")));
	}

	@AfterEach
	void gatewayAnswersAgain() {
		FakeGateway.get().answerWith(201);
	}

	@Test
	void aCodingMismatchIsAssignedResolvedAndApprovedByASecondOfficer() {
		long id = item("RW01");
		assertThat(action(id, "assign", "{}", RESOLVER)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.item.assignee")
			.isEqualTo("approver-an");
		assertThat(post("/api/v1/reconciliation/work-items/" + id + "/comments", MediaType.APPLICATION_JSON,
				"{\"text\":\"the bank coded 1052, the return says 1701\"}", bearer(RESOLVER))).hasStatusOk();
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1052"}}""",
				NOT_APPROVER)).as("not the assignee").hasStatus(HttpStatus.CONFLICT);
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1701"}}""", RESOLVER))
			.as("no change").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		for (String[] wrong : new String[][] { { "{\"amount\":-5}", "positive" }, { "{\"amount\":0}", "positive" },
				{ "{\"amount\":0.5}", "whole dong" }, { "{\"chapter\":\"ZZZ\"}", "chapter is 3 digits" },
				{ "{\"chapter\":\"7540\"}", "chapter is 3 digits" }, { "{\"subItem\":\"abc\"}", "4 digits" },
				{ "{\"subItem\":\"105\"}", "4 digits" } }) {
			MvcTestResult refused = action(id, "resolve",
					"{\"kind\":\"RECODE\",\"reason\":\"test\",\"corrected\":" + wrong[0] + "}", RESOLVER);
			assertProblem(refused, HttpStatus.UNPROCESSABLE_CONTENT, "invalid-resolution");
			assertThat(refused).as(wrong[0]).bodyJson().extractingPath("$.detail").asString().contains(wrong[1]);
		}
		assertThat(post("/api/v1/reconciliation/work-items/" + id + "/comments", MediaType.APPLICATION_JSON,
				"{\"text\":\"" + "B".repeat(2001) + "\"}", bearer(RESOLVER))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.errors[0].name").isEqualTo("text");
				assertThat(json).extractingPath("$.detail").asString().startsWith("text size must be between");
			});
		assertThat(action(id, "resolve", "{\"kind\":\"RECODE\",\"reason\":\"" + "B".repeat(2001)
				+ "\",\"corrected\":{\"subItem\":\"1052\"}}", RESOLVER)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].name")
			.isEqualTo("reason");
		assertThat(action(id, "assign", "{\"assignee\":\"" + "X".repeat(201) + "\"}", RESOLVER))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].name")
			.isEqualTo("assignee");
		assertThat(this.jdbc.sql("SELECT status FROM reconciliation.work_item WHERE work_item_id = ?")
			.param(id)
			.query(String.class)
			.single()).as("nothing refused changed the item").isEqualTo("ASSIGNED");
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1052"}}""", RESOLVER))
			.hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.item.status").isEqualTo("AWAITING_APPROVAL");
				assertThat(json).extractingPath("$.corrections[0].paid.subItem").isEqualTo("1701");
				assertThat(json).extractingPath("$.corrections[0].corrected.subItem").isEqualTo("1052");
				assertThat(json).extractingPath("$.corrections[0].treasuryCode").isEqualTo("0111");
			});

		assertProblem(action(id, "approve", "", RESOLVER), HttpStatus.FORBIDDEN, "four-eyes");
		assertProblem(action(id, "approve", "", NOT_APPROVER), HttpStatus.FORBIDDEN, "approver-required");
		assertProblem(action(id, "approve", "", TokenIssuer.local().approver("70129", "other-office")),
				HttpStatus.NOT_FOUND, "work-item-not-found");
		FakeGateway.get().answerWith(503);
		assertProblem(action(id, "approve", "", SECOND), HttpStatus.BAD_GATEWAY, "correction-not-recorded");
		FakeGateway.get().answerWith(201);
		int before = FakeGateway.get().requests().size();
		assertThat(action(id, "approve", "", SECOND)).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.item.status").isEqualTo("RESOLVED");
				assertThat(json).extractingPath("$.item.resolvedBy").isEqualTo("approver-an");
				assertThat(json).extractingPath("$.item.approvedBy").isEqualTo("approver-binh");
				assertThat(json).extractingPath("$.corrections[0].status").isEqualTo("RECORDED");
				assertThat(json).extractingPath("$.history[*].action")
					.asArray()
					.containsExactly("CREATED", "ASSIGNED", "COMMENTED", "RESOLUTION_PROPOSED", "APPROVED");
				assertThat(json).extractingPath("$.history[*].actor")
					.asArray()
					.containsExactly("run:" + runId(), "approver-an", "approver-an", "approver-an", "approver-binh");
			});
		List<FakeGateway.Request> sent = FakeGateway.get().requests();
		assertThat(sent).hasSize(before + 1);
		FakeGateway.Request request = sent.get(sent.size() - 1);
		assertThat(request.path()).isEqualTo("/api/v1/corrections");
		assertThat(request.authorization()).isEqualTo("Bearer " + SECOND);
		assertThat(request.body()).contains("\"kind\":\"RECODE\"", "\"bankReference\":\"RW01\"",
				"\"requestedBy\":\"approver-an\"", "\"subItem\":\"1052\"");
		assertThat(sent.get(sent.size() - 2).body()).as("the failed try sent the same request")
			.isEqualTo(request.body());
	}

	@Test
	void anExplanationResolvesAtOnceAndAReversalCanBeSentBack() {
		long explained = item("RW03");
		action(explained, "assign", "{}", NOT_APPROVER);
		assertThat(action(explained, "resolve", "{\"kind\":\"EXPLAINED\",\"reason\":\"on the next day's file\"}",
				NOT_APPROVER)).hasStatusOk().bodyJson().extractingPath("$.item.status").isEqualTo("RESOLVED");

		long reversed = item("RW02");
		assertThat(action(reversed, "assign", "{\"assignee\":\"approver-an\"}", NOT_APPROVER)).hasStatusOk();
		assertThat(action(reversed, "resolve", "{\"kind\":\"RECORD\",\"reason\":\"x\"}", RESOLVER))
			.as("the tax side has this payment").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(action(reversed, "resolve", "{\"kind\":\"REVERSE\",\"reason\":\"the bank never debited it\"}",
				RESOLVER)).hasStatusOk();
		assertThat(post("/api/v1/reconciliation/work-items/" + reversed + ":reject", MediaType.APPLICATION_JSON,
				"{\"text\":\"ask the bank first\"}", bearer(SECOND))).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.item.status").isEqualTo("ASSIGNED");
				assertThat(json).extractingPath("$.item.resolution").isNull();
				assertThat(json).extractingPath("$.corrections[0].status").isEqualTo("REJECTED");
				assertThat(json).extractingPath("$.history[-1].detail").asString().endsWith("ask the bank first");
			});
	}

	/**
	 * A resolution proposed for a line that a later run reclassifies was decided on facts that no longer
	 * hold: the run withdraws its request (kept, WITHDRAWN) and sends the item back to its assignee, so that
	 * no second officer can approve it and have it recorded at the gateway.
	 */
	@Test
	void aReclassifiedLineWithdrawsTheRequestAwaitingApprovalAndSendsTheItemBackToItsAssignee() {
		LocalDate day = LocalDate.of(2025, 2, 25);
		TaxSide tax = new TaxSide(this.jdbc);
		UUID paid = tax.paid("RW11", day, "VND", "6000000", "1701");
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		calls.importBank(bankFile(day, voucher("RW11", day, "01", "VND", "6000000", "1052")));
		calls.importTreasury(statement(posted(paid, day, "VND", "6000000", "1701")));
		calls.reconcile(day);
		long id = this.jdbc
			.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ? AND bank_reference = 'RW11'")
			.param(day)
			.query(Long.class)
			.single();
		assertThat(action(id, "assign", "{}", RESOLVER)).hasStatusOk();
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1052"}}""", RESOLVER))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.item.status")
			.isEqualTo("AWAITING_APPROVAL");

		calls.importBank(bankFile(day, voucher("RW11", day, "02", "VND", "6000000", "1052")));
		calls.reconcile(day);

		int sent = FakeGateway.get().requests().size();
		assertProblem(action(id, "approve", "", SECOND), HttpStatus.CONFLICT, "work-item-conflict");
		assertThat(FakeGateway.get().requests()).as("nothing recorded at the gateway").hasSize(sent);
		assertThat(this.mvc.get().uri("/api/v1/reconciliation/work-items/" + id).with(bearer(SECOND)).exchange())
			.hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.item.status").isEqualTo("ASSIGNED");
				assertThat(json).extractingPath("$.item.assignee").isEqualTo("approver-an");
				assertThat(json).extractingPath("$.item.lineClass").isEqualTo("STATUS_MISMATCH");
				assertThat(json).extractingPath("$.item.resolution").isNull();
				assertThat(json).extractingPath("$.item.resolvedBy").isNull();
				assertThat(json).extractingPath("$.corrections[0].status").isEqualTo("WITHDRAWN");
				assertThat(json).extractingPath("$.corrections[0].corrected.subItem").isEqualTo("1052");
				assertThat(json).extractingPath("$.history[*].action")
					.asArray()
					.containsExactly("CREATED", "ASSIGNED", "RESOLUTION_PROPOSED", "RECLASSIFIED", "RESOLUTION_WITHDRAWN");
				assertThat(json).extractingPath("$.history[-1].detail").asString().endsWith("STATUS_MISMATCH");
			});
		assertThat(action(id, "reject", "{\"text\":\"too late\"}", SECOND)).as("nothing waits to be sent back either")
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(action(id, "resolve", "{\"kind\":\"EXPLAINED\",\"reason\":\"the bank failed it\"}", RESOLVER))
			.as("the assignee resolves it again")
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.item.status")
			.isEqualTo("RESOLVED");
	}

	@Test
	void officersSeeTheirOfficesItemsAndNationalOfficersAll() {
		assertThat(this.mvc.get()
			.uri("/api/v1/reconciliation/work-items?day=" + DAY)
			.with(bearer(TokenIssuer.local().officer("70129")))
			.exchange()).hasStatusOk().bodyJson().extractingPath("$.totalItems").isEqualTo(0);
		assertThat(this.mvc.get().uri("/api/v1/reconciliation/work-items?day=" + DAY).with(bearer(NOT_APPROVER)).exchange())
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(3);
		assertThat(this.mvc.get().uri("/api/v1/reconciliation/work-items?day=" + DAY + "&class=CODING_MISMATCH")
			.with(officer())
			.exchange()).hasStatusOk().bodyJson().extractingPath("$.totalItems").isEqualTo(1);
		assertThat(this.mvc.get()
			.uri("/api/v1/reconciliation/days/" + DAY + "/lines?class=ONLY_TAX")
			.with(bearer(TokenIssuer.local().officer("70129")))
			.exchange()).hasStatusOk().bodyJson().extractingPath("$.totalItems").isEqualTo(0);
		assertThat(this.mvc.get().uri("/api/v1/reconciliation/work-items?day=" + DAY).with(bearer(
				TokenIssuer.local().taxpayer("0313829148"))).exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	private long item(String reference) {
		return this.jdbc.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ? AND bank_reference = ?")
			.params(DAY, reference)
			.query(Long.class)
			.single();
	}

	private long runId() {
		return this.jdbc.sql("SELECT min(execution_id) FROM reconciliation.run WHERE business_day = ?")
			.param(DAY)
			.query(Long.class)
			.single();
	}

	private MvcTestResult action(long id, String action, String body, String token) {
		return post("/api/v1/reconciliation/work-items/" + id + ":" + action, MediaType.APPLICATION_JSON, body,
				bearer(token));
	}

	private MvcTestResult post(String uri, MediaType type, String body,
			org.springframework.test.web.servlet.request.RequestPostProcessor caller) {
		return this.mvc.post().uri(uri).with(caller).contentType(type).content(body).exchange();
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
		assertThat(result).hasStatus(status)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/" + type);
	}

}
