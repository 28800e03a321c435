package etax.payment.correction;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import etax.access.Caller;
import etax.access.Role;
import etax.devstack.TokenIssuer;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayIntegrationTest;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Correction requests at the gateway, as testing found them wanting: four eyes
 * proven by the proposing officer's own token rather than a name the approver writes, the coding and amounts
 * checked against the reference data, and every refusal saying why in words the caller can show.
 */
@GatewayIntegrationTest
class CorrectionsIntegrationTests {

	private static final String BANK = "01202001";

	private static final String DAY = "2026-03-03";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PAID = """
			{"chapter":"754","subItem":"1701","areaCode":"79760","amount":2000000,"currency":"VND"}""";

	private static final String WITHDRAWAL = """
			{"reason":"rejected by approver-hoa"}""";

	private final String officer = TokenIssuer.local().officer("99999");

	private final String approver = TokenIssuer.local().approver("99999", "hoa");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anApproverAloneRecordsNothingWhateverRequesterTheyName() {
		String reference = confirmed(9401, 2_000_000);
		String ghost = request(UUID.randomUUID(), "REVERSE", reference, 1, "officer-ghost", PAID, PAID);

		assertProblem(post("/api/v1/corrections", ghost, this.approver), HttpStatus.CONFLICT, "correction-not-proposed")
			.contains("never proposed");
		assertProblem(post("/api/v1/corrections/proposals", ghost, this.approver), HttpStatus.FORBIDDEN,
				"requester-not-caller")
			.contains("officer-ghost");
		String mine = request(UUID.randomUUID(), "REVERSE", reference, 1, "approver-hoa", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", mine, this.approver)).hasStatus(HttpStatus.CREATED);
		assertProblem(post("/api/v1/corrections", mine, TokenIssuer.local().approver("99999", "hoa")),
				HttpStatus.FORBIDDEN, "four-eyes");
		assertThat(count("SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?", reference))
			.isZero();
	}

	@Test
	void theApproverRecordsExactlyWhatTheProposingOfficerProposed() {
		String reference = confirmed(9402, 2_000_000);
		UUID id = UUID.randomUUID();
		String proposed = request(id, "REVERSE", reference, 1, "officer-99999", PAID, PAID);

		assertThat(post("/api/v1/corrections/proposals", proposed, this.officer)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.proposedBy")
			.isEqualTo("officer-99999");
		assertThat(post("/api/v1/corrections/proposals", proposed, this.officer)).as("a retry").hasStatus(HttpStatus.OK);
		assertProblem(post("/api/v1/corrections", proposed.replace("lý do", "another reason"), this.approver),
				HttpStatus.CONFLICT, "correction-conflict")
			.contains("officer-99999 proposed");
		assertThat(post("/api/v1/corrections", proposed, this.approver)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.requestedBy").isEqualTo("officer-99999");
				assertThat(json).extractingPath("$.approvedBy").isEqualTo("approver-hoa");
			});
		assertThat(this.jdbc.sql("SELECT requested_by FROM payment.correction_request WHERE correction_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("officer-99999");
	}

	@Test
	void anOfficerOfAnotherOfficeNeitherProposesNorRecordsACorrectionOfThisOfficesPayment() {
		String reference = confirmed(9403, 2_000_000);
		String theirs = request(UUID.randomUUID(), "REVERSE", reference, 1, "officer-70299", PAID, PAID);
		String recode = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-70299", PAID,
				PAID.replace("1701", "1702"));

		assertProblem(post("/api/v1/corrections/proposals", theirs, TokenIssuer.local().officer("70299")),
				HttpStatus.FORBIDDEN, "outside-tax-office")
			.contains("70299");
		assertProblem(post("/api/v1/corrections/proposals", recode, TokenIssuer.local().officer("70299")),
				HttpStatus.FORBIDDEN, "outside-tax-office");
		String ours = request(UUID.randomUUID(), "REVERSE", reference, 1, "officer-99999", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", ours, this.officer)).hasStatus(HttpStatus.CREATED);
		assertProblem(post("/api/v1/corrections", ours, TokenIssuer.local().approver("70299", "binh")),
				HttpStatus.FORBIDDEN, "outside-tax-office");
		assertThat(post("/api/v1/corrections", ours, TokenIssuer.local().token(new Caller("approver-an", Role.NATIONAL_OFFICER, null, null, null, true))))
			.as("a national officer acts on any office's payment").hasStatus(HttpStatus.CREATED);
		assertThat(count("SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?", reference))
			.isOne();
	}

	@Test
	void aWithdrawnProposalIsNeverRecordedAndARecordedOneIsNotWithdrawn() {
		String reference = confirmed(9404, 2_000_000);
		UUID id = UUID.randomUUID();
		String proposed = request(id, "REVERSE", reference, 1, "officer-99999", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", proposed, this.officer)).hasStatus(HttpStatus.CREATED);
		String path = "/api/v1/corrections/proposals/" + id + "/withdrawal";

		assertProblem(post(path, WITHDRAWAL, TokenIssuer.local().token(new Caller("officer-khac", Role.OFFICER, null,
				"99999", null))), HttpStatus.FORBIDDEN, "withdrawal-not-allowed")
			.contains("officer-99999");
		assertProblem(post(path, WITHDRAWAL, TokenIssuer.local().approver("70299", "binh")), HttpStatus.NOT_FOUND,
				"correction-not-found");
		assertThat(post(path, WITHDRAWAL, TokenIssuer.local().taxpayer(DevBanks.mst(9404))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertProblem(post(path, WITHDRAWAL, TokenIssuer.local().service("another-service")), HttpStatus.FORBIDDEN,
				"withdrawal-not-allowed");
		assertThat(post(path, WITHDRAWAL, TokenIssuer.local().service("batch-processor"))).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.withdrawal.withdrawnBy").isEqualTo("batch-processor");
				assertThat(json).extractingPath("$.withdrawal.reason").isEqualTo("rejected by approver-hoa");
			});
		assertThat(post(path, WITHDRAWAL, this.officer)).as("withdrawn before").hasStatus(HttpStatus.OK);
		assertProblem(post("/api/v1/corrections", proposed, this.approver), HttpStatus.CONFLICT, "correction-withdrawn")
			.contains("batch-processor");
		assertProblem(post("/api/v1/corrections/proposals", proposed, this.officer), HttpStatus.CONFLICT,
				"correction-withdrawn");
		assertThat(count("SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?", reference))
			.isZero();

		UUID recordedId = UUID.randomUUID();
		String recorded = request(recordedId, "REVERSE", reference, 1, "officer-99999", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", recorded, this.officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/v1/corrections", recorded, this.approver)).hasStatus(HttpStatus.CREATED);
		assertProblem(post("/api/v1/corrections/proposals/" + recordedId + "/withdrawal", WITHDRAWAL, this.officer),
				HttpStatus.CONFLICT, "correction-recorded")
			.contains("approver-hoa");
		assertThat(post("/api/v1/corrections/proposals/" + recordedId + "/withdrawal", "{\"reason\":\"\"}",
				this.officer))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	/**
	 * An approval that waits for a withdrawal being committed in another transaction is judged on it: refused, not
	 * recorded on a proposal withdrawn while it waited.
	 */
	@Test
	void anApprovalWaitingForAWithdrawalBeingCommittedIsRefused() throws Exception {
		String reference = confirmed(9405, 2_000_000);
		UUID id = UUID.randomUUID();
		String proposed = request(id, "REVERSE", reference, 1, "officer-99999", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", proposed, this.officer)).hasStatus(HttpStatus.CREATED);
		CountDownLatch locked = new CountDownLatch(1);
		ExecutorService withdrawer = Executors.newSingleThreadExecutor();
		try {
			Future<?> withdrawal = withdrawer.submit(() -> new TransactionTemplate(this.transactions)
				.executeWithoutResult((status) -> {
					this.jdbc.sql("SELECT 1 FROM payment.correction_proposal WHERE correction_id = ? FOR NO KEY UPDATE")
						.param(id)
						.query(Integer.class)
						.single();
					this.jdbc.sql("""
							INSERT INTO payment.correction_withdrawal (correction_id, withdrawn_by, reason, withdrawn_at)
							VALUES (?, 'batch-processor', 'rejected', now())""").param(id).update();
					locked.countDown();
					try {
						Thread.sleep(1_000);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

			assertProblem(post("/api/v1/corrections", proposed, this.approver), HttpStatus.CONFLICT, "correction-withdrawn");
			withdrawal.get(10, TimeUnit.SECONDS);
		}
		finally {
			withdrawer.shutdownNow();
		}
		assertThat(count("SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?", reference))
			.isZero();
	}

	@Test
	void refusesNegativeFractionalAndUnknownCodingSayingWhy() {
		String reference = confirmed(9403, 2_000_000);
		String negative = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", PAID,
				PAID.replace("2000000", "-5"));
		String fraction = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", PAID,
				PAID.replace("2000000", "0.5"));
		String unknown = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", PAID,
				PAID.replace("\"754\"", "\"ZZZ\"").replace("\"1701\"", "\"abc\""));

		for (String path : List.of("/api/v1/corrections/proposals", "/api/v1/corrections")) {
			String token = path.endsWith("proposals") ? this.officer : this.approver;
			assertProblem(post(path, negative, token), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
				.contains("the corrected amount -5 VND is not positive");
			assertProblem(post(path, fraction, token), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
				.contains("the corrected amount 0.5 VND is not a whole number of đồng");
			assertProblem(post(path, unknown, token), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
				.contains("the corrected chapter ZZZ is not a budget chapter in force on " + DAY)
				.contains("the corrected sub-item abc is not an economic sub-item (NDKT) in force on " + DAY);
		}
		assertProblem(post("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "RECODE", reference, 1, "", PAID, PAID), this.officer),
				HttpStatus.BAD_REQUEST, "bad-request")
			.contains("requestedBy must not be blank");
		assertThat(count("SELECT count(*) FROM payment.correction_proposal WHERE bank_reference = ?", reference))
			.isZero();
	}

	@Test
	void refusesAnAmountTooLargeToKeepWhenProposedRatherThanFailingWhenRecorded() {
		String reference = confirmed(9405, 2_000_000);
		String tooLarge = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", PAID,
				PAID.replace("2000000", "1000000000000000000"));
		String huge = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", PAID.replace("2000000",
				"1e999999999"), PAID.replace("\"1701\"", "\"1702\""));

		for (String path : List.of("/api/v1/corrections/proposals", "/api/v1/corrections")) {
			String token = path.endsWith("proposals") ? this.officer : this.approver;
			assertProblem(post(path, tooLarge, token), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
				.contains("the corrected amount 1000000000000000000 VND is too large");
			assertProblem(post(path, huge, token), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
				.contains("the paid amount 1E+999999999 VND is too large");
		}
		assertThat(count("SELECT count(*) FROM payment.correction_proposal WHERE bank_reference = ?", reference))
			.isZero();
	}

	@Test
	void saysWhyAnApprovedRecordIsRefusedOnceTheBankConfirmedThePayment() {
		String mst = DevBanks.mst(9404);
		String reference = "COR2026030300000004";
		String record = request(UUID.randomUUID(), "RECORD", reference, null, "officer-99999", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", record, this.officer)).hasStatus(HttpStatus.CREATED);

		confirm(mst, reference, 2_000_000);
		await().atMost(TIMEOUT)
			.until(() -> count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", reference) == 1);

		assertProblem(post("/api/v1/corrections", record, this.approver), HttpStatus.UNPROCESSABLE_CONTENT,
				"invalid-correction")
			.contains("is recorded at the gateway now")
			.contains("a RECORD is for a payment the gateway never recorded");
	}

	/**
	 * A RECODE moves the money from the coding it has now: the same RECODE sent again (its line reclassified and
	 * resolved anew) would move it twice, one from the coding a recorded RECODE gave it goes on from there.
	 */
	@Test
	void aRecodeMovesTheMoneyFromTheCodingItHasNowOnce() {
		String reference = confirmed(9408, 2_000_000);
		String corrected = PAID.replace("1701", "1052");
		recordedThenSentAgain(reference, corrected).contains("sub-item 1052")
			.contains("as correction request TS-2026-000042 re-coded it");
		String onwards = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", corrected,
				PAID.replace("1701", "1003"));
		assertThat(post("/api/v1/corrections/proposals", onwards, this.officer)).hasStatus(HttpStatus.CREATED);
		String otherPosting = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", corrected, PAID)
			.replace("\"treasuryCode\"", "\"postingId\":\"" + UUID.randomUUID() + "\",\"treasuryCode\"");
		assertProblem(post("/api/v1/corrections/proposals", otherPosting, this.officer),
				HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
			.contains("is not the posting of");
	}

	/**
	 * A RECODE of part of a line's money leaves the rest under the coding it had: the line's money is then under two
	 * codings, and a RECODE moves money from one of them, at most what it holds there.
	 */
	@Test
	void aPartialRecodeLeavesTheRestWhereItWas() {
		String reference = confirmed(9416, 10_000_000);
		String paid = PAID.replace("2000000", "10000000");
		String part = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", paid,
				PAID.replace("1701", "1052").replace("2000000", "4000000"));
		assertThat(post("/api/v1/corrections/proposals", part, this.officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/v1/corrections", part, this.approver)).hasStatus(HttpStatus.CREATED);

		assertProblem(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", reference, 1,
				"officer-99999", paid, paid.replace("1701", "1003")), this.officer), HttpStatus.UNPROCESSABLE_CONTENT,
				"invalid-correction")
			.contains("sub-item 1701, area 79760, 6000000.00 VND as paid; chapter 754, sub-item 1052, area 79760, "
					+ "4000000.00 VND as correction request TS-2026-000042 re-coded it")
			.contains("a RECODE names one of those codings as paid");
		String rest = PAID.replace("2000000", "6000000");
		assertThat(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", reference, 1,
				"officer-99999", rest, rest.replace("1701", "1003")), this.officer))
			.hasStatus(HttpStatus.CREATED);
		String recoded = PAID.replace("1701", "1052").replace("2000000", "4000000");
		assertProblem(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", reference, 1,
				"officer-99999", recoded, recoded.replace("1052", "1003").replace("4000000", "5000000")),
				this.officer), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
			.contains("holds (4000000.00 VND)");
		assertThat(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", reference, 1,
				"officer-99999", recoded, recoded.replace("1052", "1003")), this.officer))
			.hasStatus(HttpStatus.CREATED);
	}

	/** Money a recorded REVERSE gave back to the payer is not at the treasury to be re-coded. */
	@Test
	void aReversedLineIsNotRecoded() {
		String reference = confirmed(9417, 2_000_000);
		String reverse = request(UUID.randomUUID(), "REVERSE", reference, 1, "officer-99999", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", reverse, this.officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/v1/corrections", reverse, this.approver)).hasStatus(HttpStatus.CREATED);

		assertProblem(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", reference, 1,
				"officer-99999", PAID, PAID.replace("1701", "1052")), this.officer), HttpStatus.CONFLICT,
				"already-reversed")
			.contains("a RECODE would move money that went back to the payer");
	}

	/**
	 * The area is part of the coding a RECODE moves the money from: an area-only RECODE sent again under another id
	 * would have the treasury move the money to the new area twice. A RECODE that gives no corrected area keeps the
	 * one it named as paid.
	 */
	@Test
	void anAreaOnlyRecodeMovesTheMoneyOnce() {
		String reference = confirmed(9411, 2_000_000);
		String otherArea = PAID.replace("79760", "79761");
		recordedThenSentAgain(reference, otherArea).contains("area 79761")
			.contains("as correction request TS-2026-000042 re-coded it");
		String keepingArea = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", otherArea,
				"""
						{"chapter":"754","subItem":"1052","amount":2000000,"currency":"VND"}""");
		assertThat(post("/api/v1/corrections/proposals", keepingArea, this.officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/v1/corrections", keepingArea, this.approver)).hasStatus(HttpStatus.CREATED);
		String fromTheFirstArea = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999",
				PAID.replace("1701", "1052"), PAID.replace("1701", "1003"));
		assertProblem(post("/api/v1/corrections/proposals", fromTheFirstArea, this.officer),
				HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
			.contains("sub-item 1052, area 79761");
		String onwards = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999",
				otherArea.replace("1701", "1052"), otherArea.replace("1701", "1003"));
		assertThat(post("/api/v1/corrections/proposals", onwards, this.officer)).hasStatus(HttpStatus.CREATED);
	}

	/**
	 * A RECODE moves money to another coding: one that names the chapter, sub-item and area as paid (a corrected coding
	 * without an area keeps the area as paid) changes nothing, whatever amount or currency it writes, and is refused
	 * before anything is proposed or recorded.
	 */
	@Test
	void aRecodeToTheCodingAsPaidIsRefusedWhateverItsAmountOrCurrency() {
		String reference = confirmed(9418, 2_000_000);
		List<String> unchanged = List.of("""
				{"chapter":"754","subItem":"1701","amount":2000000}""", PAID.replace("2000000", "500000"),
				PAID.replace("VND", "USD"));

		for (String corrected : unchanged) {
			for (String path : List.of("/api/v1/corrections/proposals", "/api/v1/corrections")) {
				String token = path.endsWith("proposals") ? this.officer : this.approver;
				assertProblem(post(path, request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", PAID,
						corrected), token), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
					.as(corrected)
					.contains("a RECODE must change something");
			}
		}
		assertThat(count("SELECT count(*) FROM payment.correction_proposal WHERE bank_reference = ?", reference))
			.isZero();
		assertThat(count("SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?", reference))
			.isZero();
	}

	/**
	 * A RECODE names the amount the line holds, in the voucher's currency (a USD line's dollars, not their VND value),
	 * and moves no more than it: an amount left out, another one, or one in another currency would let a RECODE move
	 * money the line does not hold.
	 */
	@Test
	void aRecodeNamesTheAmountTheLineHoldsInItsCurrencyAndMovesNoMore() {
		String dollars = confirmed(9412, 1_000, "USD");
		String paidUsd = PAID.replace("2000000", "1000").replace("VND", "USD");
		for (String paid : List.of(paidUsd.replace("1000", "999"), paidUsd.replace("1000", "25000000"))) {
			assertProblem(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", dollars, 1,
					"officer-99999", paid, paid.replace("1701", "1052")), this.officer),
					HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
				.contains("sub-item 1701, area 79760, 1000.00 USD as paid");
		}
		String paidVnd = PAID.replace("2000000", "1000");
		assertProblem(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", dollars, 1,
				"officer-99999", paidVnd, paidVnd.replace("1701", "1052")), this.officer),
				HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
			.contains("is in USD");
		assertThat(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", dollars, 1,
				"officer-99999", paidUsd, paidUsd.replace("1701", "1052")), this.officer))
			.hasStatus(HttpStatus.CREATED);

		String reference = confirmed(9413, 2_000_000);
		String noAmount = PAID.replace("\"amount\":2000000,", "");
		for (String path : List.of("/api/v1/corrections/proposals", "/api/v1/corrections")) {
			String token = path.endsWith("proposals") ? this.officer : this.approver;
			assertProblem(post(path, request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", noAmount,
					PAID.replace("1701", "1052")), token), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
				.contains("a RECODE gives the coding as paid, with its area and amount");
		}
		assertProblem(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", reference, 1,
				"officer-99999", PAID, PAID.replace("1701", "1052").replace("2000000", "3000000")), this.officer),
				HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
			.contains("is more than bank " + BANK + " reference " + reference + " line 1 holds (2000000.00 VND)");
		assertThat(post("/api/v1/corrections/proposals", request(UUID.randomUUID(), "RECODE", reference, 1,
				"officer-99999", PAID, PAID.replace("1701", "1052").replace("2000000", "500000")), this.officer))
			.as("part of the line's money").hasStatus(HttpStatus.CREATED);
		assertThat(count("SELECT count(*) FROM payment.correction_request WHERE bank_reference IN (?, ?)", dollars,
				reference)).isZero();
	}

	/**
	 * A payment is recorded whole: a RECORD naming a line its recorded voucher lacks is a RECORD of a recorded payment
	 * (it would be re-driven a second time), and it is the payment's office's to propose (ADR 0022).
	 */
	@Test
	void aRecordOfALineOfARecordedPaymentIsRefusedAndAnotherOfficesOfficerActsOnNone() {
		String reference = confirmed(9414, 2_000_000);
		String ours = request(UUID.randomUUID(), "RECORD", reference, 2, "officer-99999", PAID, PAID);
		assertProblem(post("/api/v1/corrections/proposals", ours, this.officer), HttpStatus.UNPROCESSABLE_CONTENT,
				"invalid-correction")
			.contains("is recorded at the gateway now");
		String theirs = request(UUID.randomUUID(), "RECORD", reference, 2, "officer-70299", PAID, PAID);
		assertProblem(post("/api/v1/corrections/proposals", theirs, TokenIssuer.local().officer("70299")),
				HttpStatus.FORBIDDEN, "outside-tax-office");
		assertProblem(post("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "REVERSE", reference, 2, "officer-70299", PAID, PAID),
				TokenIssuer.local().officer("70299")), HttpStatus.FORBIDDEN, "outside-tax-office")
			.as("whatever line of the payment it names");
		assertThat(count("SELECT count(*) FROM payment.correction_proposal WHERE bank_reference = ?", reference))
			.isZero();
	}

	/** The bank's reversal is undone by the bank: a REVERSE of it would pay the taxpayer back a second time. */
	@Test
	void aReversalIsNeitherReversedNorRecodedByACorrection() {
		String mst = DevBanks.mst(9409);
		String reference = confirmed(9409, 2_000_000);
		String reversal = "COR2026030399009409";
		String value = DevBanks.confirmation(BANK, reversal, mst, DAY, List.of(Line.of("1701", 2_000_000)))
			.replace("\"status\":\"DEBITED\"", "\"status\":\"REVERSED\",\"reversalOf\":\"" + reference + "\"");
		DevBanks.publish(DevBanks.producer(), "bank.payment-confirmations.v1", mst, value,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, value)));
		await().atMost(TIMEOUT)
			.until(() -> count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", reversal) == 1);

		assertProblem(post("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "REVERSE", reversal, 1, "officer-99999", PAID, PAID), this.officer),
				HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction")
			.contains("is the bank's reversal of " + reference);
	}

	/**
	 * The bank's reversal of a payment waits for the lock an approval of a REVERSE holds on the payment, as the approval
	 * waits for it: the one judged second sees the other (a REVERSE of money the bank took back is refused).
	 */
	@Test
	void aBankReversalWaitsForTheLockOfAReverseBeingApproved() throws Exception {
		String reference = confirmed(9421, 2_000_000);
		String reversal = "COR2026030300009422";
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService approval = Executors.newSingleThreadExecutor();
		try {
			Future<?> approving = approval.submit(() -> new TransactionTemplate(this.transactions)
				.executeWithoutResult((status) -> {
					this.jdbc.sql("SELECT 1 FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ? "
							+ "FOR NO KEY UPDATE").params(BANK, reference).query(Integer.class).single();
					locked.countDown();
					awaitLatch(release);
				}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			String mst = DevBanks.mst(9421);
			String value = DevBanks.confirmation(BANK, reversal, mst, DAY, List.of(Line.of("1701", 2_000_000)))
				.replace("\"status\":\"DEBITED\"", "\"status\":\"REVERSED\",\"reversalOf\":\"" + reference + "\"");
			DevBanks.publish(DevBanks.producer(), "bank.payment-confirmations.v1", mst, value,
					Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, value)));

			await().atMost(TIMEOUT).until(() -> count("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
					    AND query LIKE '%FOR NO KEY UPDATE OF o%'""") == 1);
			assertThat(count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", reversal)).isZero();
			release.countDown();
			approving.get(10, TimeUnit.SECONDS);
			await().atMost(TIMEOUT)
				.until(() -> count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", reversal) == 1);
		}
		finally {
			release.countDown();
			approval.shutdownNow();
		}
		String reverse = request(UUID.randomUUID(), "REVERSE", reference, 1, "officer-99999", PAID, PAID);
		assertProblem(post("/api/v1/corrections/proposals", reverse, this.officer), HttpStatus.CONFLICT,
				"already-reversed")
			.contains("the bank reversed it");
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Two RECORDs of one voucher would have it re-driven twice. */
	@Test
	void aVoucherIsRecordedByOneRecordOnly() {
		String reference = "COR2026030300009410";
		String first = request(UUID.randomUUID(), "RECORD", reference, null, "officer-99999", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", first, this.officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/v1/corrections", first, this.approver)).hasStatus(HttpStatus.CREATED);

		String second = request(UUID.randomUUID(), "RECORD", reference, null, "officer-99999", PAID, PAID);
		assertProblem(post("/api/v1/corrections/proposals", second, this.officer), HttpStatus.CONFLICT,
				"correction-conflict")
			.contains("has a RECORD recorded already");
	}

	/** Each line of a voucher the gateway never recorded is a work item of its own: one RECORD re-drives them all. */
	@Test
	void aRecordOfOneLineLeavesNoneForAnotherLine() {
		String reference = "COR2026030300009419";
		String lineOne = request(UUID.randomUUID(), "RECORD", reference, 1, "officer-99999", PAID, PAID);
		assertThat(post("/api/v1/corrections/proposals", lineOne, this.officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/v1/corrections", lineOne, this.approver)).hasStatus(HttpStatus.CREATED);

		String lineTwo = request(UUID.randomUUID(), "RECORD", reference, 2, "officer-99999", PAID, PAID);
		assertProblem(post("/api/v1/corrections/proposals", lineTwo, this.officer), HttpStatus.CONFLICT,
				"correction-conflict")
			.contains("has a RECORD recorded already");
	}

	@Test
	void refusesControlCharactersInTheRequestAsTheCallersMistake() {
		String reference = confirmed(9407, 2_000_000);
		String nul = request(UUID.randomUUID(), "REVERSE", reference, 1, "officer-99999", PAID, PAID)
			.replace("\"bankReference\":\"" + reference, "\"bankReference\":\"" + reference + "\\u0000");
		assertProblem(post("/api/v1/corrections/proposals", nul, this.officer), HttpStatus.BAD_REQUEST, "bad-request")
			.contains("bankReference");
		String nulReason = request(UUID.randomUUID(), "REVERSE", reference, 1, "officer-99999", PAID, PAID)
			.replace("lý do", "lý\\u0000do");
		assertProblem(post("/api/v1/corrections/proposals", nulReason, this.officer), HttpStatus.BAD_REQUEST,
				"bad-request")
			.contains("reason");
		String lines = request(UUID.randomUUID(), "REVERSE", reference, 1, "officer-99999", PAID, PAID)
			.replace("lý do", "lý do\\r\\nthứ hai");
		assertThat(post("/api/v1/corrections/proposals", lines, this.officer)).as("a reason may have lines")
			.hasStatus(HttpStatus.CREATED);
	}

	private String confirmed(long seed, long amount) {
		return confirmed(seed, amount, "VND");
	}

	/** A recorded payment of one line of sub-item 1701; of a USD amount in dollars, at 25,000 VND. */
	private String confirmed(long seed, long amount, String currency) {
		String mst = DevBanks.mst(seed);
		String reference = "COR20260303" + String.format("%08d", seed);
		confirm(mst, reference, amount, currency);
		await().atMost(TIMEOUT)
			.until(() -> count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", reference) == 1);
		return reference;
	}

	private static void confirm(String mst, String reference, long amount) {
		confirm(mst, reference, amount, "VND");
	}

	private static void confirm(String mst, String reference, long amount, String currency) {
		String value = DevBanks.confirmation(BANK, reference, mst, DAY, List.of(Line.of("1701", amount)));
		if (!"VND".equals(currency)) {
			value = value.replace("\"currency\":\"VND\"", "\"currency\":\"" + currency + "\",\"exchangeRate\":25000");
		}
		DevBanks.publish(DevBanks.producer(), "bank.payment-confirmations.v1", mst, value,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, value)));
	}

	private MvcTestResult post(String path, String body, String token) {
		return this.mvc.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(bearer(token))
			.exchange();
	}

	private long count(String sql, Object... parameters) {
		return this.jdbc.sql(sql).params(parameters).query(Long.class).single();
	}

	/** Asserts the problem's status and type; @return its detail, for what it must say */
	/**
	 * Proposes and records a RECODE of a payment's line 1 from the coding as paid, then proposes the same RECODE again
	 * under another id.
	 * @return the refusal of the second, for its detail
	 */
	private AbstractStringAssert<?> recordedThenSentAgain(String reference, String corrected) {
		String first = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", PAID, corrected);
		assertThat(post("/api/v1/corrections/proposals", first, this.officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/v1/corrections", first, this.approver)).hasStatus(HttpStatus.CREATED);
		String again = request(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", PAID, corrected);
		return assertProblem(post("/api/v1/corrections/proposals", again, this.officer),
				HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction");
	}

	private static AbstractStringAssert<?> assertProblem(MvcTestResult result, HttpStatus status, String type) {
		assertThat(result).hasStatus(status)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/" + type);
		try {
			return assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(StandardCharsets.UTF_8),
					"$.detail"));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String request(UUID id, String kind, String reference, Integer line, String requestedBy,
			String paid, String corrected) {
		return """
				{"correctionId":"%s","requestNumber":"TS-2026-000042","kind":"%s","bankCode":"%s","bankReference":"%s",\
				"lineNumber":%s,"treasuryCode":"0111","paid":%s,"corrected":%s,"reason":"lý do","sourceReference":\
				"reconciliation/work-items/42","requestedBy":"%s"}""".formatted(id, kind, BANK, reference, line, paid,
				corrected, requestedBy);
	}

}
