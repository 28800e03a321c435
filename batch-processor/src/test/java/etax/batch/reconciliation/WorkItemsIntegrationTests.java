package etax.batch.reconciliation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import etax.access.Caller;
import etax.access.Role;
import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.FakeGateway;
import etax.batch.MutableTestClock;
import etax.batch.reconciliation.workitems.CorrectionRequest;
import etax.batch.reconciliation.workitems.ProposalWithdrawals;
import etax.batch.reconciliation.workitems.Resolution;
import etax.batch.reconciliation.workitems.ResolutionKind;
import etax.batch.reconciliation.workitems.WorkItemSynchronization;
import etax.batch.reconciliation.workitems.WorkItems;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static etax.batch.reconciliation.TaxSide.OFFICE;
import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	@Autowired
	private WorkItems workItems;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private ProposalWithdrawals withdrawals;

	@Autowired
	private WorkItemSynchronization synchronization;

	@Autowired
	private MutableTestClock clock;

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
		FakeGateway.get().forgetAnswers();
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
		assertThat(post("/api/v1/reconciliation/work-items/" + id + "/comments", MediaType.APPLICATION_JSON,
				"{\"text\":\"the bank coded 1052, the return says 1701\"}", bearer(RESOLVER))).hasStatusOk();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM reconciliation.work_item_event WHERE work_item_id = ? AND action = 'COMMENTED'""")
			.param(id)
			.query(Long.class)
			.single()).as("the same comment sent twice at once is one").isOne();
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1052"}}""",
				NOT_APPROVER)).as("not the assignee").hasStatus(HttpStatus.CONFLICT);
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1701"}}""", RESOLVER))
			.as("no change").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		for (String[] wrong : new String[][] { { "{\"amount\":-5}", "positive" }, { "{\"amount\":0}", "positive" },
				{ "{\"amount\":0.5}", "whole dong" }, { "{\"chapter\":\"ZZZ\"}", "chapter is 3 digits" },
				{ "{\"chapter\":\"7540\"}", "chapter is 3 digits" }, { "{\"subItem\":\"abc\"}", "4 digits" },
				{ "{\"subItem\":\"105\"}", "4 digits" }, { "{\"amount\":1E+20}", "at most 18 digits" } }) {
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

		String reviewed = approval(id);
		assertProblem(action(id, "approve", reviewed, RESOLVER), HttpStatus.FORBIDDEN, "four-eyes");
		assertProblem(action(id, "approve", reviewed, NOT_APPROVER), HttpStatus.FORBIDDEN, "approver-required");
		assertProblem(action(id, "approve", reviewed, TokenIssuer.local().approver("70129", "other-office")),
				HttpStatus.NOT_FOUND, "work-item-not-found");
		int unsent = FakeGateway.get().requests().size();
		assertProblem(action(id, "approve", "{\"correctionId\":\"" + UUID.randomUUID() + "\"}", SECOND),
				HttpStatus.CONFLICT, "work-item-conflict");
		assertProblem(action(id, "approve", "{}", SECOND), HttpStatus.BAD_REQUEST, "bad-request");
		assertThat(FakeGateway.get().requests()).as("an approval of a request not reviewed records nothing")
			.hasSize(unsent);
		FakeGateway.get().answerWith(503);
		assertProblem(action(id, "approve", reviewed, SECOND), HttpStatus.BAD_GATEWAY, "correction-not-recorded");
		FakeGateway.get().answerWith(201);
		int before = FakeGateway.get().requests().size();
		assertThat(action(id, "approve", reviewed, SECOND)).hasStatusOk()
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
				"{\"text\":\"ask the bank first\",\"correctionId\":\"" + UUID.randomUUID() + "\"}", bearer(SECOND)))
			.as("not the request reviewed").hasStatus(HttpStatus.CONFLICT);
		assertThat(post("/api/v1/reconciliation/work-items/" + reversed + ":reject", MediaType.APPLICATION_JSON,
				"{\"text\":\"ask the bank first\"}", bearer(SECOND))).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.item.status").isEqualTo("ASSIGNED");
				assertThat(json).extractingPath("$.item.resolution").isNull();
				assertThat(json).extractingPath("$.corrections[0].status").isEqualTo("REJECTED");
				assertThat(json).extractingPath("$.history[-1].detail").asString().endsWith("ask the bank first");
			});

		String withdrawal = withdrawalPath(reversed);
		assertThat(sentTo(withdrawal)).as("withdrawn at the gateway only once rejected here is committed").isEmpty();
		FakeGateway.get().answer("POST", withdrawal, 503, "{\"status\":503}");
		this.withdrawals.sendPending();
		assertThat(sentTo(withdrawal)).as("a gateway that is down is asked again later").hasSize(1);
		FakeGateway.get().answer("POST", withdrawal, 201, "{}");
		this.withdrawals.sendPending();
		this.withdrawals.sendPending();
		assertThat(sentTo(withdrawal)).as("asked until it answered, then no more").hasSize(2).allSatisfy((sent) -> {
			assertThat(claims(sent.authorization())).as("as this service")
				.contains("\"sub\":\"batch-processor\"", "\"role\":\"SERVICE\"");
			assertThat(sent.body()).contains("Rejected by approver-binh at reconciliation work item " + reversed);
		});
		assertThat(history(reversed)).last().isEqualTo("GATEWAY_WITHDRAWN");
	}

	/**
	 * A resolution proposed for a line that a later run reclassifies was decided on facts that no longer
	 * hold: the run withdraws its request (kept, WITHDRAWN) and sends the item back to its assignee, so that
	 * no second officer can approve it and have it recorded at the gateway.
	 */
	@Test
	void aReclassifiedLineWithdrawsTheRequestAwaitingApprovalAndSendsTheItemBackToItsAssignee() {
		LocalDate day = LocalDate.of(2025, 2, 25);
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		long id = assignedCodingMismatch(calls, day, "RW11");
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1052"}}""", RESOLVER))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.item.status")
			.isEqualTo("AWAITING_APPROVAL");

		String reviewed = approval(id);

		calls.importBank(bankFile(day, voucher("RW11", day, "02", "VND", "6000000", "1052")));
		calls.reconcile(day);

		int sent = FakeGateway.get().requests().size();
		assertProblem(action(id, "approve", reviewed, SECOND), HttpStatus.CONFLICT, "work-item-conflict");
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

		String withdrawal = withdrawalPath(id);
		FakeGateway.get().answer("POST", withdrawal, 409, """
				{"type":"https://etax.example/problems/correction-recorded","status":409}""");
		this.withdrawals.sendPending();
		assertThat(sentTo(withdrawal)).singleElement()
			.extracting(FakeGateway.Request::body)
			.asString()
			.contains("Withdrawn by the reconciliation (run:");
		assertThat(this.mvc.get().uri("/api/v1/reconciliation/work-items/" + id).with(bearer(SECOND)).exchange())
			.bodyJson()
			.extractingPath("$.history[-1].detail")
			.asString()
			.contains("an approver had recorded it at the gateway already");
		assertThat(history(id)).as("the officers learn that its money moved").last().isEqualTo("GATEWAY_RECORDED");
		assertThat(action(id, "resolve", "{\"kind\":\"EXPLAINED\",\"reason\":\"the bank failed it\"}", RESOLVER))
			.as("the assignee resolves it again")
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.item.status")
			.isEqualTo("RESOLVED");
	}

	/**
	 * A run that classed the line otherwise and has not reached its item yet (or failed before it): an approval
	 * between the two records nothing at the gateway.
	 */
	@Test
	void anApprovalOfALineTheRunClassedOtherwiseBeforeReachingItsItemRecordsNothing() {
		assertApprovalRefusedAfterTheLineChanged(LocalDate.of(2025, 2, 26), "RW12", "class = 'MATCHED'",
				"classed MATCHED");
	}

	/**
	 * The same for a line the run left in its class but changed: a bank's corrected file that names another sub-item
	 * (or fixed one of two fields that differed), and what was proposed for the line as it was moves no money now.
	 */
	@Test
	void anApprovalOfALineTheRunChangedWithinItsClassRecordsNothing() {
		assertApprovalRefusedAfterTheLineChanged(LocalDate.of(2025, 2, 28), "RW13", "bank_sub_item = '4931'",
				"latest run changed");
	}

	/** A RECODE proposed, the line changed as a run would (a column set so), then an approval refused. */
	private void assertApprovalRefusedAfterTheLineChanged(LocalDate day, String reference, String change,
			String detail) {
		long id = assignedCodingMismatch(new ReconciliationCalls(this.mvc, this.jdbc), day, reference);
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1052"}}""", RESOLVER))
			.hasStatusOk();
		String reviewed = approval(id);
		this.jdbc.sql("UPDATE reconciliation.line l SET " + change + """
				 FROM reconciliation.work_item w
				WHERE w.work_item_id = ? AND l.business_day = w.business_day AND l.line_key = w.line_key""")
			.param(id)
			.update();

		int sent = FakeGateway.get().requests().size();
		MvcTestResult refused = action(id, "approve", reviewed, SECOND);
		assertProblem(refused, HttpStatus.CONFLICT, "work-item-conflict");
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains(detail);
		assertThat(FakeGateway.get().requests()).as("nothing recorded at the gateway").hasSize(sent);
	}

	/**
	 * The same, with the resolution proposed in a transaction that holds the item while the run reaches it: the
	 * run waits for it and judges the item as it left it, AWAITING_APPROVAL, so the request is withdrawn rather than
	 * left for a second officer on a line reclassified under it. Two transactions of the real database; the run
	 * takes the item's lock after the officer's.
	 */
	@Test
	void aResolutionCommittedWhileTheRunWaitsForItsItemIsWithdrawnToo() throws Exception {
		long id = resolvedWhileTheRunWaits(LocalDate.of(2025, 2, 19), "RW21", "02", "1052");

		assertThat(this.jdbc.sql("SELECT status FROM reconciliation.work_item WHERE work_item_id = ?")
			.param(id)
			.query(String.class)
			.single()).as("back with its assignee, not awaiting approval on a reclassified line").isEqualTo("ASSIGNED");
		assertThat(this.jdbc.sql("SELECT status FROM reconciliation.correction_request WHERE work_item_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("WITHDRAWN");
	}

	/**
	 * The same, the bank's corrected file matching the line: the run clears the item it waited for, and withdraws the
	 * request committed meanwhile (the clearing statement's own snapshot did not see it, and left it awaiting an
	 * approval that would move money for a matched line).
	 */
	@Test
	void aResolutionCommittedWhileTheRunWaitsForItsItemIsWithdrawnWhenTheItemIsCleared() throws Exception {
		long id = resolvedWhileTheRunWaits(LocalDate.of(2025, 2, 18), "RW22", "01", "1701");

		assertThat(this.jdbc.sql("SELECT status FROM reconciliation.work_item WHERE work_item_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("CLEARED");
		assertThat(this.jdbc.sql("SELECT status FROM reconciliation.correction_request WHERE work_item_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("WITHDRAWN");
		assertThat(history(id)).last().isEqualTo("RESOLUTION_WITHDRAWN");
	}

	/**
	 * An approval while a run classifies the item's day waits for the classification, which holds the day's row, and
	 * judges the line as the classification committed it: the line now matches, so nothing is recorded at the gateway.
	 * Two transactions of the real database; the one standing for the classification holds the day's row as it does.
	 */
	@Test
	void anApprovalWhileTheDayIsClassifiedWaitsForTheClassificationAndJudgesTheLineItCommitted() throws Exception {
		LocalDate day = LocalDate.of(2025, 2, 13);
		long id = assignedCodingMismatch(new ReconciliationCalls(this.mvc, this.jdbc), day, "RW51");
		assertThat(action(id, "resolve", """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1052"}}""", RESOLVER))
			.hasStatusOk();
		String reviewed = approval(id);
		int sent = FakeGateway.get().requests().size();

		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> classification = classifyingAsMatched(threads, day, "RW51", commit);
			Future<MvcTestResult> approval = threads.submit(() -> action(id, "approve", reviewed, SECOND));
			await().atMost(Duration.ofSeconds(60)).until(this::waitingForADay);
			assertThat(approval).as("the approval waits for the classification").isNotDone();
			commit.countDown();
			classification.get(30, TimeUnit.SECONDS);
			MvcTestResult refused = approval.get(30, TimeUnit.SECONDS);
			assertProblem(refused, HttpStatus.CONFLICT, "work-item-conflict");
			assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("classed MATCHED");
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
		assertThat(FakeGateway.get().requests()).as("nothing recorded at the gateway").hasSize(sent);
		assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");
	}

	/**
	 * A day's work items follow the classification committed last: their synchronization (a run of the day on another
	 * instance, a restart) waits while a classification holds the day's row, and then judges the items on the lines it
	 * committed, here clearing the item of a line that now matches.
	 */
	@Test
	void aSynchronizationWaitsForTheDaysClassificationAndFollowsTheLinesItCommitted() throws Exception {
		LocalDate day = LocalDate.of(2025, 2, 17);
		long id = assignedCodingMismatch(new ReconciliationCalls(this.mvc, this.jdbc), day, "RW52");
		long run = this.jdbc.sql("SELECT last_execution_id FROM reconciliation.day WHERE business_day = ?")
			.param(day)
			.query(Long.class)
			.single();

		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> classification = classifyingAsMatched(threads, day, "RW52", commit);
			Future<WorkItemSynchronization.Synchronized> synchronizing = threads
				.submit(() -> new TransactionTemplate(this.transactions)
					.execute((transaction) -> this.synchronization.synchronize(day, run, this.clock.instant())));
			await().atMost(Duration.ofSeconds(60)).until(this::waitingForADay);
			assertThat(synchronizing).as("the synchronization waits for the classification").isNotDone();
			commit.countDown();
			classification.get(30, TimeUnit.SECONDS);
			assertThat(synchronizing.get(30, TimeUnit.SECONDS)).extracting(WorkItemSynchronization.Synchronized::cleared)
				.isEqualTo(1);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
		assertThat(status(id)).as("its line matches in the classification committed").isEqualTo("CLEARED");
		assertThat(history(id)).containsExactly("CREATED", "ASSIGNED", "CLEARED");
	}

	/**
	 * On a thread of its own, a transaction that holds the day's row as a classification of the day does and classes
	 * the line of a bank reference MATCHED, then commits once {@code commit} counts down.
	 * @return the transaction, once it holds the row and has classed the line
	 */
	private Future<?> classifyingAsMatched(ExecutorService threads, LocalDate day, String reference,
			CountDownLatch commit) throws InterruptedException {
		CountDownLatch classed = new CountDownLatch(1);
		Future<?> classification = threads.submit(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((transaction) -> {
				this.jdbc.sql("SELECT revision FROM reconciliation.day WHERE business_day = ? FOR UPDATE")
					.param(day)
					.query(Long.class)
					.single();
				assertThat(this.jdbc.sql("""
						UPDATE reconciliation.line SET class = 'MATCHED' WHERE business_day = ? AND bank_reference = ?""")
					.params(day, reference)
					.update()).isOne();
				classed.countDown();
				awaitQuietly(commit);
			}));
		assertThat(classed.await(30, TimeUnit.SECONDS)).as("the day held and its line classed, not committed").isTrue();
		return classification;
	}

	/** Whether a statement over a day's row waits for a lock (another transaction holds the row). */
	private boolean waitingForADay() {
		return this.jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query LIKE '%FROM reconciliation.day WHERE%'""")
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A proposal the gateway may have taken while the resolution that proposed it is not kept here (the gateway's
	 * answer lost, a 5xx; or its 2xx and then a failure here) is kept WITHDRAWN and withdrawn at the gateway, so that
	 * no approver there records what the reconciliation does not stand by; one the gateway refused leaves nothing.
	 */
	@Test
	void aProposalWhoseAnswerIsLostIsKeptWithdrawnAndWithdrawnAtTheGateway() {
		long id = assignedCodingMismatch(new ReconciliationCalls(this.mvc, this.jdbc), LocalDate.of(2025, 2, 27),
				"RW31");
		String resolution = """
				{"kind":"RECODE","reason":"bank keyed the wrong sub-item","corrected":{"subItem":"1052"}}""";
		FakeGateway.get().answer("POST", "/api/v1/corrections/proposals", 422, """
				{"type":"https://etax.example/problems/invalid-correction","status":422}""");
		assertProblem(action(id, "resolve", resolution, RESOLVER), HttpStatus.BAD_GATEWAY, "correction-not-recorded");
		assertThat(requests(id)).as("a proposal the gateway refused leaves nothing").isEmpty();

		FakeGateway.get().answer("POST", "/api/v1/corrections/proposals", 503, "{\"status\":503}");
		int before = FakeGateway.get().requests().size();
		assertProblem(action(id, "resolve", resolution, RESOLVER), HttpStatus.BAD_GATEWAY, "correction-not-recorded");
		FakeGateway.get().forgetAnswers();
		assertThat(FakeGateway.get().requests()).as("the gateway had the proposal").hasSize(before + 1);
		assertThat(FakeGateway.get().requests().get(before).path()).isEqualTo("/api/v1/corrections/proposals");
		assertThat(requests(id)).as("kept, withdrawn by its requester").containsExactly("WITHDRAWN by approver-an");
		assertThat(status(id)).as("the resolution is not kept").isEqualTo("ASSIGNED");
		assertThat(history(id)).last().isEqualTo("RESOLUTION_WITHDRAWN");

		String withdrawal = withdrawalPath(id);
		this.withdrawals.sendPending();
		assertThat(sentTo(withdrawal)).as("not while the proposal may still be on its way").isEmpty();
		sendWithdrawalsOnceNoProposalCanBeOnItsWay();
		assertThat(sentTo(withdrawal)).singleElement().satisfies((sent) -> {
			assertThat(claims(sent.authorization())).contains("\"role\":\"SERVICE\"");
			assertThat(sent.body()).contains("resolution of approver-an at reconciliation work item " + id
					+ " that proposed it was not kept");
		});
		assertThat(history(id)).last().isEqualTo("GATEWAY_WITHDRAWN");

		// the gateway took it, and the transaction around the resolution failed after
		Caller resolver = new Caller("approver-an", Role.OFFICER, null, OFFICE, null, true);
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			this.workItems.resolve(id, new Resolution(ResolutionKind.RECODE, "bank keyed the wrong sub-item",
					new CorrectionRequest.Coding(null, "1052", null, null)), resolver, "Bearer " + RESOLVER);
			transaction.setRollbackOnly();
		});
		assertThat(requests(id)).containsExactly("WITHDRAWN by approver-an", "WITHDRAWN by approver-an");
		assertThat(status(id)).isEqualTo("ASSIGNED");
		String second = this.jdbc.sql("""
				SELECT correction_id FROM reconciliation.correction_request
				WHERE work_item_id = ? AND gateway_withdrawal IS NULL""").param(id).query(UUID.class).single().toString();
		String secondWithdrawal = "/api/v1/corrections/proposals/" + second + "/withdrawal";
		FakeGateway.get().answer("POST", secondWithdrawal, 404, """
				{"type":"https://etax.example/problems/correction-not-found","status":404}""");
		sendWithdrawalsOnceNoProposalCanBeOnItsWay();
		assertThat(sentTo(secondWithdrawal)).as("a proposal the gateway never took ends the withdrawal").hasSize(1);
		assertThat(history(id)).last().isEqualTo("GATEWAY_NOT_PROPOSED");

		assertThat(action(id, "resolve", resolution, RESOLVER)).as("resolved again, a new request")
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.item.status")
			.isEqualTo("AWAITING_APPROVAL");
		assertThat(requests(id)).hasSize(3).last().isEqualTo("AWAITING_APPROVAL by null");
	}

	/** The item's correction requests, as status and who decided them, oldest first. */
	private List<String> requests(long id) {
		return this.jdbc.sql("""
				SELECT status || ' by ' || coalesce(decided_by, 'null') FROM reconciliation.correction_request
				WHERE work_item_id = ? ORDER BY requested_at, request_number""")
			.param(id)
			.query(String.class)
			.list();
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM reconciliation.work_item WHERE work_item_id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	/**
	 * A coding mismatch's item, assigned, whose resolution is proposed in a transaction that holds the item while a
	 * run of the day, after the bank's new file, reaches it; the run takes the item's lock after the officer's.
	 * @return the item
	 */
	private long resolvedWhileTheRunWaits(LocalDate day, String reference, String bankStatus, String bankSubItem)
			throws Exception {
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		long id = assignedCodingMismatch(calls, day, reference);
		calls.importBank(bankFile(day, voucher(reference, day, bankStatus, "VND", "6000000", bankSubItem)));

		Caller resolver = new Caller("approver-an", Role.OFFICER, null, OFFICE, null, true);
		CountDownLatch proposed = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> resolution = threads.submit(() -> new TransactionTemplate(this.transactions).executeWithoutResult(
					(transaction) -> {
						this.workItems.resolve(id, new Resolution(ResolutionKind.RECODE, "bank keyed the wrong sub-item",
								new CorrectionRequest.Coding(null, "1052", null, null)), resolver, "Bearer " + RESOLVER);
						proposed.countDown();
						awaitQuietly(commit);
					}));
			assertThat(proposed.await(30, TimeUnit.SECONDS)).as("the resolution is proposed, not committed").isTrue();
			Future<?> run = threads.submit(() -> calls.reconcile(day));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted").query(Long.class).single() > 0);
			commit.countDown();
			resolution.get(30, TimeUnit.SECONDS);
			run.get(120, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
		return id;
	}

	/**
	 * The work item of a payment of 6,000,000 VND the tax side booked on sub-item 1701 and the bank on 1052, both
	 * debited, reconciled, and assigned to the resolver.
	 */
	private long assignedCodingMismatch(ReconciliationCalls calls, LocalDate day, String reference) {
		UUID paid = new TaxSide(this.jdbc).paid(reference, day, "VND", "6000000", "1701");
		calls.importBank(bankFile(day, voucher(reference, day, "01", "VND", "6000000", "1052")));
		calls.importTreasury(statement(posted(paid, day, "VND", "6000000", "1701")));
		calls.reconcile(day);
		long id = this.jdbc
			.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ? AND bank_reference = ?")
			.params(day, reference)
			.query(Long.class)
			.single();
		assertThat(action(id, "assign", "{}", RESOLVER)).hasStatusOk();
		return id;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The open items of a day, two to a page: one assigned after the first page is shown leaves the filter, and the
	 * next page, from the last item shown, still shows the one after it (the second page by number skips it).
	 */
	@Test
	void theQueueIsPagedFromTheLastItemShownSoThatItemsLeavingItSkipNone() {
		LocalDate day = LocalDate.of(2025, 2, 24);
		TaxSide tax = new TaxSide(this.jdbc);
		UUID first = tax.paid("RW41", day, "VND", "1000000", "1701");
		UUID second = tax.paid("RW42", day, "VND", "2000000", "1701");
		UUID third = tax.paid("RW43", day, "VND", "3000000", "1701");
		new ReconciledDays(this.mvc, this.jdbc).reconcile(day, bankFile(day),
				statement(posted(first, day, "VND", "1000000", "1701"), posted(second, day, "VND", "2000000", "1701"),
						posted(third, day, "VND", "3000000", "1701")));
		List<Long> ids = this.jdbc
			.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ? ORDER BY work_item_id")
			.param(day)
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(3);
		String open = "/api/v1/reconciliation/work-items?day=" + day + "&status=OPEN&size=2";

		assertThat(this.mvc.get().uri(open).with(bearer(RESOLVER)).exchange()).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.items[*].id").asArray()
					.containsExactly(ids.get(0).intValue(), ids.get(1).intValue());
				assertThat(json).extractingPath("$.totalItems").isEqualTo(3);
				assertThat(json).extractingPath("$.next").isEqualTo(day + "," + ids.get(1));
			});
		assertThat(action(ids.get(0), "assign", "{}", RESOLVER)).hasStatusOk();

		assertThat(this.mvc.get().uri(open + "&after=" + day + "," + ids.get(1)).with(bearer(RESOLVER)).exchange())
			.hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.items[*].id").asArray()
					.containsExactly(ids.get(2).intValue());
				assertThat(json).extractingPath("$.totalItems").isEqualTo(2);
				assertThat(json).extractingPath("$.next").isNull();
			});
		assertThat(this.mvc.get().uri(open + "&page=1").with(bearer(RESOLVER)).exchange())
			.as("by number, still answered: the item that left shifts the third onto the first page")
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items")
			.asArray()
			.isEmpty();
		assertProblem(this.mvc.get().uri(open + "&after=yesterday").with(bearer(RESOLVER)).exchange(),
				HttpStatus.BAD_REQUEST, "bad-request");
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

	/** The approval of the request the item waits for, as an approver who reviewed it sends it. */
	private String withdrawalPath(long id) {
		return "/api/v1/corrections/proposals/" + this.jdbc
			.sql("SELECT correction_id FROM reconciliation.correction_request WHERE work_item_id = ?")
			.param(id)
			.query(UUID.class)
			.single() + "/withdrawal";
	}

	private static String claims(String authorization) {
		return new String(Base64.getUrlDecoder().decode(authorization.substring("Bearer ".length()).split("\\.")[1]),
				StandardCharsets.UTF_8);
	}

	private static List<FakeGateway.Request> sentTo(String path) {
		return FakeGateway.get().requests().stream().filter((sent) -> sent.path().equals(path)).toList();
	}

	private List<String> history(long id) {
		return this.jdbc.sql("SELECT action FROM reconciliation.work_item_event WHERE work_item_id = ? ORDER BY event_id")
			.param(id)
			.query(String.class)
			.list();
	}

	private String approval(long id) {
		return "{\"correctionId\":\"" + this.jdbc.sql("""
				SELECT correction_id FROM reconciliation.correction_request
				WHERE work_item_id = ? AND status = 'AWAITING_APPROVAL'""").param(id).query(UUID.class).single() + "\"}";
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

	/** Twice, once two gateway timeouts have passed: a withdrawal sent again is answered as the first. */
	private void sendWithdrawalsOnceNoProposalCanBeOnItsWay() {
		try {
			this.clock.set(BatchProcessorIntegrationTest.NOW.plusSeconds(21));
			this.withdrawals.sendPending();
			this.withdrawals.sendPending();
		}
		finally {
			this.clock.reset();
		}
	}

}
