package etax.payment.overpayment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import etax.access.Caller;
import etax.access.Role;
import etax.devstack.LocalInfrastructure;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.ledger.PaymentAllocated;
import etax.payment.treasury.PostingAcknowledged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A taxpayer's 01/ĐNXLNT (VN-ETAX §5.7, ADR 0006 addendum "Refunds and offsets on request"): an officer records a
 * refund or an offset of a general credit, a second officer approves it and the ledger moves the money at once,
 * the treasury pays the refund order (or refuses it, and the money is the taxpayer's credit again) or re-codes the
 * offset; what the ledger would not carry out, and what the caller may not see or do, moves nothing.
 */
@GatewayIntegrationTest
class OverpaymentRequestsIntegrationTests {

	private static final String OFFICER = TokenIssuer.local().officer("99999");

	private static final String APPROVER = TokenIssuer.local().approver("99999", "lan");

	private static final String OTHER_APPROVER = TokenIssuer.local().approver("99999", "minh");

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aRefundApprovedByASecondOfficerReducesTheCreditAndTheTreasuryPaysTheOrder() throws Exception {
		String mst = DevBanks.mst(8701);
		UUID credit = credit(mst, "OPR2026051000000001", 1_000_000);
		assertThat(gateway.reads().balance(mst).path("generalCredits")).as("what an officer picks the credit from")
			.singleElement()
			.satisfies((listed) -> {
				assertThat(listed.path("creditId").asString()).isEqualTo(credit.toString());
				assertThat(listed.path("amount").decimalValue()).isEqualByComparingTo("1000000");
				assertThat(listed.path("paidOn").asString()).isEqualTo("2026-05-10");
			});

		JsonNode recorded = created(mst, refund(credit, 400_000), OFFICER);
		assertThat(recorded.path("status").stringValue()).isEqualTo("PENDING");
		assertThat(gateway.reads().totalCredit(mst)).as("nothing moves before the approval").isEqualByComparingTo("1000000");

		JsonNode approved = ok(decide(mst, recorded, "approve", APPROVER));
		assertThat(approved.path("status").stringValue()).isEqualTo("APPROVED");
		assertThat(approved.path("decision").path("decidedBy").stringValue()).isEqualTo("approver-lan");
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("600000");
		assertThat(entry(mst, "CREDIT_REFUNDED")).as("dated the day of the approval")
			.containsExactly("D:TAXPAYER_CREDIT:400000:" + today(), "C:REFUND_PAYABLE:400000:" + today());

		UUID order = UUID.fromString(approved.path("decision").path("postingId").stringValue());
		JsonNode requested = JSON.readTree(sent("treasury.postings.v1", order.toString()).value());
		assertThat(requested.path("version").intValue()).isEqualTo(3);
		assertThat(requested.path("direction").stringValue()).isEqualTo("REFUND");
		assertThat(requested.path("amountVnd").decimalValue()).isEqualByComparingTo("400000");
		assertThat(requested.path("treasuryAccount").stringValue()).isEqualTo("7111");
		assertThat(requested.path("payeeAccount").stringValue()).isEqualTo("0123456789");
		assertThat(requested.path("refundOf").stringValue())
			.isEqualTo(gateway.reads().paymentPosting("OPR2026051000000001").toString());
		assertThat(JSON.readTree(sent(PaymentAllocated.TOPIC, order.toString()).value()).path("type").stringValue())
			.isEqualTo("CreditRefunded");

		ack(mst, order, "POSTED");
		await().atMost(TIMEOUT).until(() -> "POSTED".equals(gateway.reads().postingStatus(order)));
		assertThat(entry(mst, "REFUND_PAID")).as("the payable is cleared").hasSize(1)
			.allSatisfy((line) -> assertThat(line).startsWith("D:REFUND_PAYABLE:400000"));
		assertThat(ok(read(mst, recorded, officer())).path("decision").path("postingStatus").stringValue())
			.isEqualTo("POSTED");
	}

	@Test
	void aRefundTheTreasuryRefusesIsTheTaxpayersCreditAgainAndListedForOfficers() throws Exception {
		String mst = DevBanks.mst(8702);
		UUID credit = credit(mst, "OPR2026051000000002", 2_000_000);
		JsonNode approved = ok(decide(mst, created(mst, refund(credit, 2_000_000), OFFICER), "approve", APPROVER));
		assertThat(gateway.reads().totalCredit(mst)).isZero();
		UUID order = UUID.fromString(approved.path("decision").path("postingId").stringValue());

		ack(mst, order, "REFUSED");

		await().atMost(TIMEOUT).until(() -> gateway.reads().totalCredit(mst).compareTo(new BigDecimal(2_000_000)) == 0);
		assertThat(entry(mst, "REVERSAL")).containsExactly("D:REFUND_PAYABLE:2000000:" + today(),
				"C:TAXPAYER_CREDIT:2000000:" + today());
		JsonNode refused = JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/treasury/postings/refused?size=500").with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(refused.path("items")
			.valueStream()
			.filter((p) -> p.path("postingId").stringValue().equals(order.toString())))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.path("direction").stringValue()).isEqualTo("REFUND");
				assertThat(p.path("amountVnd").decimalValue()).isEqualByComparingTo("2000000");
			});
		assertThat(JSON.readTree(sent(PaymentAllocated.TOPIC, "\"CreditRefundRefused\"", order.toString()).value())
			.path("amount")
			.decimalValue()).isEqualByComparingTo("2000000");
		assertProblem(decide(mst, approved, "approve", OTHER_APPROVER), 409, "overpayment-request-decided");
	}

	@Test
	void anOffsetPaysAnotherMstsItemAndTheTreasuryRecodesTheMoney() throws Exception {
		String parent = DevBanks.mst(8703);
		String subsidiary = DevBanks.mst(8704);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(subsidiary, item, 1_000_000, "2026-12-31", "99999");
		gateway.reads().awaitOutstanding(item, 1_000_000);
		UUID credit = credit(parent, "OPR2026051000000003", 1_000_000);

		JsonNode first = ok(decide(parent, created(parent, offset(credit, 700_000, subsidiary, item), OFFICER),
				"approve", APPROVER));

		assertThat(gateway.reads().outstanding(item)).as("paid in part").isEqualByComparingTo("300000");
		assertThat(gateway.reads().totalCredit(parent)).isEqualByComparingTo("300000");
		assertThat(gateway.reads().balance(subsidiary).path("periods").get(0).path("paid").decimalValue())
			.isEqualByComparingTo("700000");
		assertThat(entry(subsidiary, "CREDIT_OFFSET")).as("dated the day of the approval, not of the payment")
			.containsExactly("C:TAXPAYER_OBLIGATION:700000:" + today());
		UUID recoding = UUID.fromString(first.path("decision").path("postingId").stringValue());
		JsonNode requested = JSON.readTree(sent("treasury.postings.v1", recoding.toString()).value());
		assertThat(requested.path("direction").stringValue()).isEqualTo("RECODING");
		assertThat(requested.path("fromMst").stringValue()).isEqualTo(parent);
		assertThat(requested.path("toMst").stringValue()).isEqualTo(subsidiary);
		assertThat(requested.path("mst").stringValue()).isEqualTo(parent);
		assertThat(requested.path("recodingOf").stringValue())
			.isEqualTo(gateway.reads().paymentPosting("OPR2026051000000003").toString());
		assertThat(sent(PaymentAllocated.TOPIC, "\"APPLIED\"", item).key()).as("announced to the item's taxpayer")
			.isEqualTo(subsidiary);
		assertThat(JSON.readTree(sent(PaymentAllocated.TOPIC, "CreditOffsetToObligation", item).value())
			.path("outstandingAfter")
			.decimalValue()).isEqualByComparingTo("300000");

		ok(decide(parent, created(parent, offset(credit, 300_000, subsidiary, item), OFFICER), "approve", APPROVER));
		assertThat(gateway.reads().outstanding(item)).as("paid in full").isZero();
		assertThat(gateway.reads().totalCredit(parent)).isZero();
		ack(parent, recoding, "POSTED");
		await().atMost(TIMEOUT).until(() -> "POSTED".equals(gateway.reads().postingStatus(recoding)));
	}

	@Test
	void aBanksReversalTakesBackWhatWasOffsetOrRefundedOfItsPayment() throws Exception {
		String parent = DevBanks.mst(8710);
		String subsidiary = DevBanks.mst(8711);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(subsidiary, item, 1_000_000, "2026-12-31", "99999");
		gateway.reads().awaitOutstanding(item, 1_000_000);
		UUID credit = credit(parent, "OPR2026051000000010", 1_000_000);
		ok(decide(parent, created(parent, offset(credit, 600_000, subsidiary, item), OFFICER), "approve", APPROVER));
		JsonNode refunded = ok(decide(parent, created(parent, refund(credit, 400_000), OFFICER), "approve", APPROVER));
		assertThat(gateway.reads().totalCredit(parent)).isZero();

		gateway.publishSigned(parent, GatewayFixture.reversal("OPR2026051100000010", "OPR2026051000000010", parent,
				"2026-05-11", List.of(Line.of("1701", 1_000_000))));

		gateway.reads().awaitOutstanding(item, 1_000_000);
		assertThat(gateway.reads().totalCredit(parent)).as("the bank took the money back").isZero();
		assertThat(entry(parent, "REVERSAL")).as("of the refund, the offset and the payment's credit")
			.contains("D:REFUND_PAYABLE:400000:2026-05-11", "C:TAXPAYER_CREDIT:400000:2026-05-11");
		UUID order = UUID.fromString(refunded.path("decision").path("postingId").stringValue());
		ack(parent, order, "REFUSED");
		await().atMost(TIMEOUT).until(() -> "REFUSED".equals(gateway.reads().postingStatus(order)));
		assertThat(gateway.reads().totalCredit(parent)).as("a refund taken back with its payment is not restored")
			.isZero();
	}

	@Test
	void aRefundTheTreasuryPaysAfterTheBankReversedItsPaymentIsOwedBackAndShownInTheBalance() throws Exception {
		String mst = DevBanks.mst(8720);
		UUID credit = credit(mst, "OPR2026051000000020", 1_000_000);
		JsonNode refunded = ok(decide(mst, created(mst, refund(credit, 400_000), OFFICER), "approve", APPROVER));
		gateway.publishSigned(mst, GatewayFixture.reversal("OPR2026051100000020", "OPR2026051000000020", mst,
				"2026-05-11", List.of(Line.of("1701", 1_000_000))));
		await().atMost(TIMEOUT).until(() -> entry(mst, "REVERSAL").contains("D:REFUND_PAYABLE:400000:2026-05-11"));
		assertThat(gateway.reads().balance(mst).path("owedBack")).as("nothing paid out yet").isEmpty();

		UUID order = UUID.fromString(refunded.path("decision").path("postingId").stringValue());
		ack(mst, order, "POSTED");
		await().atMost(TIMEOUT).until(() -> "POSTED".equals(gateway.reads().postingStatus(order)));

		JsonNode balance = gateway.reads().balance(mst);
		assertThat(balance.path("owedBack")).as("paid out of money the bank took back").singleElement().satisfies((o) -> {
			assertThat(o.path("subItem").asString()).isEqualTo("1701");
			assertThat(o.path("amount").decimalValue()).isEqualByComparingTo("400000");
		});
		assertThat(balance.path("settled").asBoolean()).isFalse();
		assertThat(balance.path("totalCredit").decimalValue()).isZero();
	}

	/**
	 * A refund pays out money the treasury holds (ADR 0007, addendum "Refunds of money the treasury posted"): not of a
	 * payment line whose posting the treasury has not answered or refused, where nothing moved and the amount is in the
	 * treasury receivable; neither when it is recorded nor when it is approved. Such a credit is still offset.
	 */
	@Test
	void aCreditWhosePaymentTheTreasuryDidNotPostIsOffsetButNotRefunded() throws Exception {
		String mst = DevBanks.mst(8722);
		String subsidiary = DevBanks.mst(8723);
		UUID credit = unpostedCredit(mst, "OPR2026051000000022", 1_000_000);
		UUID payment = gateway.reads().paymentPosting("OPR2026051000000022");

		assertProblem(call(mst, refund(credit, 400_000), OFFICER), 422, "credit-not-posted")
			.contains("has not yet answered");
		ack(mst, payment, "REFUSED");
		await().atMost(TIMEOUT).until(() -> "REFUSED".equals(gateway.reads().postingStatus(payment)));
		assertProblem(call(mst, refund(credit, 400_000), OFFICER), 422, "credit-not-posted")
			.contains("refused")
			.doesNotContain(mst);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(subsidiary, item, 1_000_000, "2026-12-31", "99999");
		gateway.reads().awaitOutstanding(item, 1_000_000);
		ok(decide(mst, created(mst, offset(credit, 300_000, subsidiary, item), OFFICER), "approve", APPROVER));
		assertThat(gateway.reads().outstanding(item)).as("an offset moves no money out").isEqualByComparingTo("700000");

		UUID posted = credit(mst, "OPR2026051000000023", 500_000);
		JsonNode pending = created(mst, refund(posted, 500_000), OFFICER);
		UUID postedPayment = gateway.reads().paymentPosting("OPR2026051000000023");
		// as a request recorded before the refusal was judged: the approval judges the posting again
		gateway.jdbc().sql("UPDATE payment.treasury_posting SET status = 'REFUSED' WHERE posting_id = ?")
			.param(postedPayment)
			.update();
		assertProblem(decide(mst, pending, "approve", APPROVER), 422, "credit-not-posted");
		assertThat(ok(read(mst, pending, officer())).path("status").stringValue()).isEqualTo("PENDING");

		assertThat(entry(mst, "CREDIT_REFUNDED")).isEmpty();
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.treasury_posting WHERE mst = ? AND direction = 'REFUND'")
			.param(mst)
			.query(Long.class)
			.single()).isZero();
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("1200000");
	}

	/**
	 * Money officers decided goes back to the payer (a recorded REVERSE of its payment) is not refunded as well, neither
	 * when the refund is recorded nor when it is approved: the bank's reversal would leave the taxpayer owing it back.
	 * It may still be offset.
	 */
	@Test
	void aCreditWhosePaymentOfficersReverseIsNotRefunded() throws Exception {
		String mst = DevBanks.mst(8726);
		String reference = "OPR2026051000000026";
		UUID credit = credit(mst, reference, 1_000_000);
		JsonNode pending = created(mst, refund(credit, 400_000), OFFICER);

		String reverse = """
				{"correctionId":"%s","requestNumber":"TS-2026-008726","kind":"REVERSE","bankCode":"%s",\
				"bankReference":"%s","lineNumber":1,"treasuryCode":"0111","paid":{"chapter":"754","subItem":"1701",\
				"areaCode":"79760","amount":1000000,"currency":"VND"},"corrected":null,"reason":"debited by mistake",\
				"sourceReference":"reconciliation/work-items/8726","requestedBy":"officer-99999"}"""
			.formatted(UUID.randomUUID(), GatewayFixture.BANK, reference);
		assertThat(gateway.call("/api/v1/corrections/proposals", reverse, OFFICER).getStatus()).isEqualTo(201);
		assertThat(gateway.call("/api/v1/corrections", reverse, OTHER_APPROVER).getStatus()).isEqualTo(201);

		assertProblem(decide(mst, pending, "approve", APPROVER), 422, "credit-being-reversed")
			.contains("TS-2026-008726")
			.doesNotContain(mst);
		assertProblem(call(mst, refund(credit, 200_000), OFFICER), 422, "credit-being-reversed");
		assertThat(entry(mst, "CREDIT_REFUNDED")).isEmpty();
		String item = UUID.randomUUID().toString();
		String other = DevBanks.mst(8727);
		gateway.publishItem(other, item, 1_000_000, "2026-12-31", "99999");
		gateway.reads().awaitOutstanding(item, 1_000_000);
		ok(decide(mst, created(mst, offset(credit, 300_000, other, item), OFFICER), "approve", APPROVER));
	}

	/**
	 * A refund approved while a REVERSE of its payment is being approved (which holds the payment's row) waits for it,
	 * and is then judged on what it recorded: the two are never both approved unseen by each other.
	 */
	@Test
	void aRefundApprovedWhileItsPaymentIsHeldWaitsForIt() throws Exception {
		String mst = DevBanks.mst(8728);
		String reference = "OPR2026051000000028";
		UUID credit = credit(mst, reference, 1_000_000);
		JsonNode pending = created(mst, refund(credit, 400_000), OFFICER);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> reverse = threads.submit(() -> new TransactionTemplate(this.transactions)
				.executeWithoutResult((status) -> {
					gateway.jdbc()
						.sql("SELECT 1 FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ? "
								+ "FOR NO KEY UPDATE")
						.params(GatewayFixture.BANK, reference)
						.query(Integer.class)
						.single();
					locked.countDown();
					try {
						assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			Future<MockHttpServletResponse> approval = threads.submit(() -> decide(mst, pending, "approve", APPROVER));

			await().atMost(TIMEOUT).until(() -> gateway.jdbc().sql("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
					    AND query LIKE '%FOR SHARE OF c%'""").query(Long.class).single() == 1);
			assertThat(approval.isDone()).isFalse();
			release.countDown();
			reverse.get(10, TimeUnit.SECONDS);
			ok(approval.get(30, TimeUnit.SECONDS));
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
	}

	/**
	 * A confirmation sent twice (a double click, a retry after the gateway answered too late) records the request once:
	 * one document, one request, so one refund.
	 */
	@Test
	void theSameRequestOfTheSameDocumentAgainIsTheOneRecorded() throws Exception {
		String mst = DevBanks.mst(8721);
		UUID credit = credit(mst, "OPR2026051000000021", 1_000_000);
		JsonNode recorded = created(mst, refund(credit, 400_000), OFFICER);

		MockHttpServletResponse again = call(mst, refund(credit, 400_000), OFFICER);
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(JSON.readTree(again.getContentAsString(StandardCharsets.UTF_8)).path("requestId").stringValue())
			.isEqualTo(recorded.path("requestId").stringValue());
		assertProblem(call(mst, refund(credit, 400_000).replace("0123456789", "9876543210"), OFFICER), 409,
				"overpayment-request-exists");
		ok(decide(mst, recorded, "approve", APPROVER));
		assertThat(call(mst, refund(credit, 400_000), OFFICER).getStatus()).as("whatever became of it").isEqualTo(200);
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.overpayment_request WHERE mst = ?")
			.param(mst)
			.query(Long.class)
			.single()).isOne();
		assertThat(gateway.reads().totalCredit(mst)).as("refunded once").isEqualByComparingTo("600000");
	}

	@Test
	void theOfficerWhoRecordedARequestCannotDecideItAndARefusedOneMovesNothing() throws Exception {
		String mst = DevBanks.mst(8705);
		UUID credit = credit(mst, "OPR2026051000000005", 500_000);
		JsonNode recorded = created(mst, refund(credit, 500_000), APPROVER);

		assertProblem(decide(mst, recorded, "approve", APPROVER), 403, "four-eyes");
		assertProblem(decide(mst, recorded, "approve", OFFICER), 403, "approver-required");
		assertProblem(gateway.call(path(mst, recorded, "refuse"), "{\"reason\":\"no\"}", APPROVER), 403, "four-eyes");
		MockHttpServletResponse refused = gateway.call(path(mst, recorded, "refuse"),
				"{\"reason\":\"the account is not the taxpayer's\"}", OTHER_APPROVER);
		assertThat(ok(refused).path("status").stringValue()).isEqualTo("REFUSED");
		assertThat(ok(refused).path("decision").path("reason").stringValue())
			.isEqualTo("the account is not the taxpayer's");
		assertProblem(decide(mst, recorded, "approve", OTHER_APPROVER), 409, "overpayment-request-decided");

		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("500000");
		assertThat(entry(mst, "CREDIT_REFUNDED")).isEmpty();
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.treasury_posting WHERE mst = ? AND direction = 'REFUND'")
			.param(mst)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesControlCharactersInTheRequestAndTheRefusalAsTheCallersMistake() throws Exception {
		String mst = DevBanks.mst(8713);
		UUID credit = credit(mst, "OPR2026051000000013", 500_000);
		assertProblem(call(mst, refund(credit, 500_000).replace("0042", "0042\\u0000"), OFFICER), 400, "bad-request")
			.contains("documentNumber");
		JsonNode recorded = created(mst, refund(credit, 500_000), OFFICER);
		assertProblem(gateway.call(path(mst, recorded, "refuse"), "{\"reason\":\"no\\u0000\"}", OTHER_APPROVER), 400,
				"bad-request")
			.contains("reason");
		assertThat(ok(read(mst, recorded, officer())).path("status").stringValue()).isEqualTo("PENDING");
	}

	@Test
	void twoApprovalsAtTheSameTimeMoveTheMoneyOnce() throws Exception {
		String mst = DevBanks.mst(8712);
		UUID credit = credit(mst, "OPR2026051000000012", 900_000);
		JsonNode recorded = created(mst, refund(credit, 600_000), OFFICER);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<MockHttpServletResponse>> approvals = new ArrayList<>();
			for (String approver : List.of(APPROVER, OTHER_APPROVER)) {
				Callable<MockHttpServletResponse> approve = () -> decide(mst, recorded, "approve", approver);
				approvals.add(threads.submit(approve));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<MockHttpServletResponse> approval : approvals) {
				statuses.add(approval.get().getStatus());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			threads.shutdown();
		}
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("300000");
		assertThat(entry(mst, "CREDIT_REFUNDED")).hasSize(2);
	}

	@Test
	void refusesWhatTheLedgerWouldNotCarryOutAndRecordsNothing() throws Exception {
		String mst = DevBanks.mst(8706);
		String other = DevBanks.mst(8707);
		UUID credit = credit(mst, "OPR2026051000000006", 300_000);
		String theirs = UUID.randomUUID().toString();
		gateway.publishItem(other, theirs, 5_000_000, "2026-12-31", "99999");
		gateway.reads().awaitOutstanding(theirs, 5_000_000);
		gateway.pay(mst, "OPR2026051000000007", "2026-05-10", List.of(Line.naming(theirs, "1701", 200_000)));
		JsonNode held = gateway.reads().awaitHeld(theirs);

		assertProblem(call(mst, refund(credit, 300_001), OFFICER), 422, "amount-exceeds-credit");
		assertProblem(call(mst, refund(UUID.fromString(held.path("creditId").stringValue()), 100_000), OFFICER), 422,
				"credit-not-general");
		assertProblem(call(mst, offset(credit, 100_000, other, UUID.randomUUID().toString()), OFFICER), 422,
				"obligation-not-found");
		assertProblem(call(mst, offset(credit, 100_000, mst, theirs), OFFICER), 422, "obligation-not-found")
			.as("an item of another taxpayer than the one named");
		String anotherOffices = UUID.randomUUID().toString();
		gateway.publishItem(DevBanks.mst(8714), anotherOffices, 5_000_000, "2026-12-31", "70299");
		gateway.reads().awaitOutstanding(anotherOffices, 5_000_000);
		assertProblem(call(mst, offset(credit, 100_000, DevBanks.mst(8714), anotherOffices), OFFICER), 422,
				"obligation-not-found")
			.as("an item of a taxpayer whose ledger the officer may not read reads as none: nothing of what it owes")
			.doesNotContain("5000000");
		assertProblem(call(mst, offset(credit, 100_000, other, theirs).replace(",\"relation\":\"parent company\"", ""),
				OFFICER), 422, "invalid-overpayment-request");
		assertProblem(call(mst, refund(UUID.randomUUID(), 100_000), OFFICER), 404, "credit-not-found");
		assertProblem(call(mst, refund(credit, 0), OFFICER), 400, "bad-request");

		JsonNode pending = created(mst, refund(credit, 300_000), OFFICER);
		gateway.jdbc().sql("UPDATE payment.credit SET paid_on = DATE '2016-05-09' WHERE credit_id = ?").param(credit).update();
		assertProblem(decide(mst, pending, "approve", APPROVER), 422, "credit-time-barred").contains("2016-05-09");
		assertProblem(call(mst, refund(credit, 100_000), OFFICER), 422, "credit-time-barred");

		assertThat(ok(read(mst, pending, officer())).path("status").stringValue()).as("an approval refused records nothing")
			.isEqualTo("PENDING");
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("500000");
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.overpayment_request WHERE mst = ?")
			.param(mst)
			.query(Long.class)
			.single()).isOne();
		assertThat(gateway.reads().outstanding(theirs)).isEqualByComparingTo("5000000");
	}

	/**
	 * An offset of one office's credit against another office's item is a national officer's: recorded by one, it is
	 * approved by one; the credit's office's approver gets the answer of an item never booked, and nothing moves.
	 */
	@Test
	void anOffsetAcrossOfficesIsApprovedByANationalOfficerOnly() throws Exception {
		String mst = DevBanks.mst(8715);
		String elsewhere = DevBanks.mst(8716);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(elsewhere, item, 5_000_000, "2026-12-31", "70299");
		gateway.reads().awaitOutstanding(item, 5_000_000);
		UUID credit = credit(mst, "OPR2026051000000015", 800_000);
		JsonNode recorded = created(mst, offset(credit, 100_000, elsewhere, item), TokenIssuer.local().nationalOfficer());

		assertProblem(decide(mst, recorded, "approve", APPROVER), 422, "obligation-not-found")
			.as("nothing of what the other office's item owes").doesNotContain("5000000");
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("5000000");
		assertThat(ok(decide(mst, recorded, "approve", TokenIssuer.local()
			.token(new Caller("national-quoc", Role.NATIONAL_OFFICER, null, null, null, true)))).path("status")
			.stringValue()).isEqualTo("APPROVED");
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("4900000");
	}

	@Test
	void aTaxpayerReadsOnlyItsOwnRequestsAndAnotherOfficesOfficerNeitherSeesNorActs() throws Exception {
		String mst = DevBanks.mst(8708);
		String stranger = DevBanks.mst(8709);
		UUID credit = credit(mst, "OPR2026051000000008", 800_000);
		JsonNode recorded = created(mst, refund(credit, 100_000), OFFICER);
		String id = recorded.path("requestId").stringValue();
		String elsewhere = TokenIssuer.local().approver("70299", "hoa");

		assertThat(ok(list(mst, taxpayer(mst))).path("items")).singleElement()
			.satisfies((r) -> assertThat(r.path("requestId").stringValue()).isEqualTo(id));
		assertThat(ok(read(mst, recorded, taxpayer(mst))).path("amount").decimalValue()).isEqualByComparingTo("100000");
		assertProblem(list(mst, taxpayer(stranger)), 404, "taxpayer-not-found");
		assertProblem(read(mst, recorded, taxpayer(stranger)), 404, "taxpayer-not-found");
		assertProblem(read(stranger, recorded, taxpayer(stranger)), 404, "overpayment-request-not-found");
		assertThat(gateway.mvc()
			.perform(post("/api/v1/taxpayers/" + mst + "/overpayment-requests").contentType(MediaType.APPLICATION_JSON)
				.content(refund(credit, 100_000))
				.with(taxpayer(mst)))
			.andReturn()
			.getResponse()
			.getStatus()).as("a taxpayer does not record its own").isEqualTo(403);

		assertProblem(list(mst, bearer(elsewhere)), 404, "taxpayer-not-found");
		assertProblem(read(mst, recorded, bearer(elsewhere)), 404, "overpayment-request-not-found");
		assertProblem(decide(mst, recorded, "approve", elsewhere), 404, "overpayment-request-not-found");
		assertProblem(call(mst, refund(credit, 100_000), elsewhere), 404, "credit-not-found");
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("800000");
		assertThat(ok(read(mst, recorded, bearer(OFFICER))).path("status").stringValue()).isEqualTo("PENDING");
		assertThat(recorded.path("payee").path("account").stringValue()).isEqualTo("0123456789");
		assertThat(id).isNotBlank();
	}

	/**
	 * A taxpayer's requests of years are read a page at a time, the latest first: a page goes on from the last request
	 * of the page before (before=next), so that one recorded meanwhile neither repeats a request nor hides one. A
	 * before that is no page's next, or a size out of bounds, is the caller's mistake.
	 */
	@Test
	void aTaxpayersRequestsAreListedAPageAtATimeTheLatestFirst() throws Exception {
		String mst = DevBanks.mst(8724);
		UUID credit = credit(mst, "OPR2026051000000024", 1_000_000);
		for (long amount = 100_001; amount <= 100_005; amount++) {
			created(mst, refund(credit, amount), OFFICER);
		}
		List<String> all = ids(ok(list(mst, taxpayer(mst), "size", "500")));
		assertThat(all).hasSize(5);

		JsonNode first = ok(list(mst, taxpayer(mst), "size", "2"));
		assertThat(first.path("totalElements").asLong()).isEqualTo(5);
		assertThat(first.path("size").asInt()).isEqualTo(2);
		String recordedMeanwhile = created(mst, refund(credit, 100_006), OFFICER).path("requestId").stringValue();
		JsonNode second = ok(list(mst, taxpayer(mst), "size", "2", "before", first.path("next").stringValue()));
		JsonNode last = ok(list(mst, officer(), "size", "2", "before", second.path("next").stringValue()));

		List<String> paged = new ArrayList<>(ids(first));
		paged.addAll(ids(second));
		paged.addAll(ids(last));
		assertThat(paged).containsExactlyElementsOf(all);
		assertThat(last.path("next").isNull()).as("the last page").isTrue();
		assertThat(second.path("totalElements").asLong()).isEqualTo(6);
		assertThat(ids(ok(list(mst, taxpayer(mst))))).as("50 a page unless size= says otherwise")
			.hasSize(6)
			.startsWith(recordedMeanwhile);
		for (String before : List.of("yesterday", "2026-05-10T00:00:00Z_" + mst, "2026-05-10_" + credit,
				"+10000-01-01T00:00:00Z_" + credit)) {
			assertProblem(list(mst, taxpayer(mst), "before", before), 400, "bad-request").as(before)
				.contains("before");
		}
		for (String size : List.of("0", "501")) {
			assertProblem(list(mst, taxpayer(mst), "size", size), 400, "bad-request");
		}
	}

	/**
	 * The requests still waiting for a second officer are listed on their own, whatever their age: a pending request
	 * behind 50 newer ones is decided from that list.
	 */
	@Test
	void theRequestsWaitingForADecisionAreListedOnTheirOwn() throws Exception {
		String mst = DevBanks.mst(8725);
		UUID credit = credit(mst, "OPR2026051000000025", 1_000_000);
		JsonNode oldest = created(mst, refund(credit, 100_001), OFFICER);
		JsonNode decided = created(mst, refund(credit, 100_002), OFFICER);
		JsonNode latest = created(mst, refund(credit, 100_003), OFFICER);
		ok(decide(mst, decided, "approve", APPROVER));

		JsonNode pending = ok(list(mst, officer(), "pending", "true"));

		assertThat(ids(pending)).containsExactly(latest.path("requestId").stringValue(),
				oldest.path("requestId").stringValue());
		assertThat(pending.path("totalElements").asLong()).isEqualTo(2);
		assertThat(ids(ok(list(mst, officer())))).hasSize(3);
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").valueStream().map((r) -> r.path("requestId").stringValue()).toList();
	}

	/**
	 * A general credit of the taxpayer: a payment of sub-item 1701 that names no item, the taxpayer owing none, which
	 * the treasury posted.
	 */
	private static UUID credit(String mst, String reference, long amount) {
		UUID credit = unpostedCredit(mst, reference, amount);
		UUID payment = gateway.reads().paymentPosting(reference);
		ack(mst, payment, "POSTED");
		await().atMost(TIMEOUT).until(() -> "POSTED".equals(gateway.reads().postingStatus(payment)));
		return credit;
	}

	/** A general credit as {@link #credit} books it, whose payment the treasury has not answered yet. */
	private static UUID unpostedCredit(String mst, String reference, long amount) {
		gateway.pay(mst, reference, "2026-05-10", List.of(Line.of("1701", amount)));
		await().atMost(TIMEOUT)
			.until(() -> gateway.jdbc()
				.sql("SELECT count(*) FROM payment.credit WHERE payment_key = ? AND named_item_id IS NULL")
				.param(GatewayFixture.BANK + ":" + reference)
				.query(Long.class)
				.single() == 1);
		return gateway.jdbc()
			.sql("SELECT credit_id FROM payment.credit WHERE payment_key = ?")
			.param(GatewayFixture.BANK + ":" + reference)
			.query(UUID.class)
			.single();
	}

	private static String refund(UUID credit, long amount) {
		return """
				{"kind":"REFUND","creditId":"%s","amount":%d,"documentNumber":"01/ĐNXLNT-2026-0042-%2$d",\
				"payee":{"bankCode":"01202001","account":"0123456789","name":"CONG TY A"}}""".formatted(credit, amount);
	}

	private static String offset(UUID credit, long amount, String mst, String item) {
		return """
				{"kind":"OFFSET","creditId":"%s","amount":%d,"documentNumber":"01/ĐNXLNT-2026-0043-%2$d",\
				"target":{"mst":"%s","payableItemId":"%s","relation":"parent company"}}""".formatted(credit, amount, mst,
				item);
	}

	private static MockHttpServletResponse call(String mst, String body, String token) throws Exception {
		return gateway.call("/api/v1/taxpayers/" + mst + "/overpayment-requests", body, token);
	}

	private static JsonNode created(String mst, String body, String token) throws Exception {
		MockHttpServletResponse response = call(mst, body, token);
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private static String path(String mst, JsonNode request, String action) {
		return "/api/v1/taxpayers/" + mst + "/overpayment-requests/" + request.path("requestId").stringValue() + ":"
				+ action;
	}

	private static MockHttpServletResponse decide(String mst, JsonNode request, String action, String token)
			throws Exception {
		return gateway.mvc().perform(post(path(mst, request, action)).with(bearer(token))).andReturn().getResponse();
	}

	private static MockHttpServletResponse read(String mst, JsonNode request, RequestPostProcessor caller)
			throws Exception {
		return gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/overpayment-requests/" + request.path("requestId").stringValue())
				.with(caller))
			.andReturn()
			.getResponse();
	}

	/** @param parameters the query's parameters, each name followed by its value */
	private static MockHttpServletResponse list(String mst, RequestPostProcessor caller, String... parameters)
			throws Exception {
		MockHttpServletRequestBuilder request = get("/api/v1/taxpayers/" + mst + "/overpayment-requests").with(caller);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return gateway.mvc().perform(request).andReturn().getResponse();
	}

	private static JsonNode ok(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	/** The taxpayer's ledger lines of an entry type, as {@code side:account:amount:valueDate}, debit first. */
	private static List<String> entry(String mst, String type) {
		return gateway.jdbc()
			.sql("""
					SELECT side || ':' || account || ':' || amount || ':' || value_date FROM payment.ledger_line
					WHERE mst = ? AND entry_type = ? ORDER BY seq""")
			.params(mst, type)
			.query(String.class)
			.list();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	private static ConsumerRecord<String, String> sent(String topic, String... containing) {
		List<ConsumerRecord<String, String>> records = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				topic, (r) -> r.value() != null && List.of(containing).stream().allMatch(r.value()::contains), 1, TIMEOUT);
		assertThat(records).as("sent through the outbox").hasSize(1);
		return records.get(0);
	}

	/** The treasury answers a posting, as it answers any. */
	private static void ack(String mst, UUID postingId, String status) {
		gateway.publish(PostingAcknowledged.TOPIC, mst, """
				{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":"%s",\
				"reason":"%s","ackedAt":"%s"}""".formatted(UUID.randomUUID(), postingId, status,
				"REFUSED".equals(status) ? "account closed" : "", Instant.now()), Map.of());
	}

}
