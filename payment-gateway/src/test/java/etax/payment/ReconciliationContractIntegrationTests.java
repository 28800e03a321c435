package etax.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.DevFileSignatures;
import etax.devstack.TokenIssuer;
import etax.payment.DevBanks.Line;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway publishes for the reconciliation (docs/adr/0014-reconciliation.md): the view
 * {@code payment.reconciliation_confirmation_lines_v1} over confirmations recorded from the topic, held to
 * its documented columns, and correction requests recorded as new entries by a second officer.
 */
@GatewayIntegrationTest
class ReconciliationContractIntegrationTests {

	private static final String BANK = "01202001";

	private static final String DAY = "2026-03-02";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final List<String> VIEW_COLUMNS = List.of("bank_code", "bank_reference", "line_number", "posting_id",
			"voucher_number", "payer_mst", "currency", "amount", "amount_vnd", "chapter", "sub_item", "tax_period",
			"area_code", "collecting_agency_code", "treasury_code", "treasury_account", "payment_date", "status",
			"reversal_of", "reversed_by", "payable_item_id", "applied_vnd", "recorded_at");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theViewShowsEveryBookedLineAndEveryVoucherReportedOnlyPendingOrFailed() {
		String mst = DevBanks.mst(9301);
		String named = UUID.randomUUID().toString();
		String reversedItem = UUID.randomUUID().toString();
		publishItem(mst, named, 1_000_000, "2026-04-30");
		// not due yet: the 1052 line of a year, kept as a credit, offsets only what is due of other sub-items (ADR 0006)
		publishItem(mst, reversedItem, 300_000, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1).toString());
		await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM payment.obligation WHERE mst = ?", mst) == 2);
		confirm(mst, "RCV2026030200000001", "DEBITED", null,
				List.of(Line.naming(named, "1701", 1_000_000), new Line("1052", "00/CN/2026", 500_000, null)));
		confirm(mst, "RCV2026030200000002", "DEBITED", null, List.of(Line.naming(reversedItem, "1701", 300_000)));
		confirm(mst, "RCV2026030200000003", "REVERSED", "RCV2026030200000002",
				List.of(Line.naming(reversedItem, "1701", 300_000)));
		confirm(mst, "RCV2026030200000004", "PENDING", null, List.of(Line.of("1701", 70_000)));
		confirm(mst, "RCV2026030200000005", "PENDING", null, List.of(Line.of("1701", 80_000)));
		confirm(mst, "RCV2026030200000005", "FAILED", null, List.of(Line.of("1701", 80_000)));
		confirm(mst, "RCV2026030200000006", "PENDING", null, List.of(Line.of("1701", 90_000)));
		confirm(mst, "RCV2026030200000006", "DEBITED", null, List.of(Line.of("1701", 90_000)));
		await().atMost(TIMEOUT).until(() -> count("""
				SELECT count(*) FROM payment.reconciliation_confirmation_lines_v1 WHERE payment_date = ?::date
				    AND payer_mst = ?""", DAY, mst) == 7);

		assertThat(columns("reconciliation_confirmation_lines_v1")).as("the published columns, in order")
			.isEqualTo(VIEW_COLUMNS);
		assertThat(row("RCV2026030200000001", 1)).containsEntry("status", "DEBITED")
			.containsEntry("chapter", "754")
			.containsEntry("sub_item", "1701")
			.containsEntry("area_code", "79760")
			.containsEntry("collecting_agency_code", "1054321")
			.containsEntry("payable_item_id", named)
			.containsEntry("payment_date", Date.valueOf(DAY))
			.containsEntry("posting_id", postingId("RCV2026030200000001", 1));
		assertThat((BigDecimal) row("RCV2026030200000001", 1).get("applied_vnd")).isEqualByComparingTo("1000000");
		assertThat((BigDecimal) row("RCV2026030200000001", 2).get("applied_vnd")).as("kept as a credit").isZero();
		assertThat(row("RCV2026030200000002", 1)).containsEntry("reversed_by", "RCV2026030200000003");
		assertThat((BigDecimal) row("RCV2026030200000002", 1).get("applied_vnd")).as("reversed").isZero();
		assertThat(row("RCV2026030200000003", 1)).containsEntry("status", "REVERSED")
			.containsEntry("reversal_of", "RCV2026030200000002");
		assertThat(row("RCV2026030200000004", null)).containsEntry("status", "PENDING").containsEntry("posting_id", null);
		assertThat(row("RCV2026030200000005", null)).as("failed wins over pending").containsEntry("status", "FAILED");
		assertThat(row("RCV2026030200000006", 1)).as("booked wins over pending").containsEntry("status", "DEBITED");
	}

	@Test
	void theBankKeysViewPublishesTheRegisteredKeysWithTheirBankAndValidity() {
		assertThat(columns("bank_keys_v1")).as("the published columns, in order")
			.containsExactly("key_id", "bank_code", "algorithm", "public_key", "valid_from", "valid_to");
		assertThat(this.jdbc.sql("SELECT bank_code, algorithm, public_key FROM payment.bank_keys_v1 WHERE key_id = ?")
			.param("01202001-dev-1")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single()).containsExactly("01202001", "RS256", DevFileSignatures.bankPublicKey("01202001"));
	}

	@Test
	void theRecodingsViewPublishesOnlyTheRecodingsAskedOfTheTreasury() {
		assertThat(columns("treasury_recodings_v1")).as("the published columns, in order")
			.containsExactly("posting_id", "recoding_of", "treasury_code", "from_sub_item", "sub_item", "amount_vnd",
					"payment_date", "requested_at", "status");
		assertThat(count("""
				SELECT count(*) FROM payment.treasury_recodings_v1 r
				JOIN payment.treasury_posting p ON p.posting_id = r.posting_id WHERE p.direction <> ?""", "RECODING"))
			.as("no payment or reversal").isZero();
	}

	@Test
	void theLedgerPostingsViewPublishesTheRecodingsAndRefundOrdersAskedOfTheTreasury() {
		assertThat(columns("treasury_ledger_postings_v1")).as("the published columns, in order")
			.containsExactly("posting_id", "direction", "paid_with", "treasury_code", "from_sub_item", "sub_item",
					"amount_vnd", "payment_date", "requested_at", "status");
		assertThat(count("""
				SELECT count(*) FROM payment.treasury_ledger_postings_v1 r
				JOIN payment.treasury_posting p ON p.posting_id = r.posting_id
				WHERE p.direction NOT IN (?, 'REFUND') OR r.paid_with IS NULL""", "RECODING"))
			.as("no payment or reversal, each of a payment line").isZero();
	}

	@Test
	void aSecondOfficerWhoApprovesRecordsACorrectionRequestOnceWithoutTouchingThePayment() {
		String mst = DevBanks.mst(9302);
		String reference = "RCV2026030200000011";
		confirm(mst, reference, "DEBITED", null, List.of(Line.of("1701", 2_000_000)));
		await().atMost(TIMEOUT)
			.until(() -> count("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?", reference) == 1);
		String hash = this.jdbc.sql("SELECT content_hash FROM payment.confirmation WHERE bank_reference = ?")
			.param(reference)
			.query(String.class)
			.single();
		String approver = TokenIssuer.local().approver("99999", "ca");
		String officer = TokenIssuer.local().officer("99999");
		UUID id = UUID.randomUUID();
		String recode = correction(id, "RECODE", reference, 1, "officer-99999", "wrong sub-item");

		assertThat(propose(recode, officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post(recode, approver)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.approvedBy")
			.isEqualTo("approver-ca");
		assertThat(post(recode, approver)).as("a retry").hasStatus(HttpStatus.OK);
		assertThat(post(recode.replace("wrong sub-item", "another reason"), approver)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/correction-conflict");
		assertProblem(post(correction(UUID.randomUUID(), "RECODE", reference, 1, "approver-ca", "mine"), approver),
				HttpStatus.FORBIDDEN, "four-eyes");
		assertProblem(post(correction(UUID.randomUUID(), "RECODE", reference, 1, "officer-99999", "not an approver"),
				TokenIssuer.local().officer("99999")), HttpStatus.FORBIDDEN, "approver-required");
		assertProblem(propose(correction(UUID.randomUUID(), "RECORD", reference, null, "officer-99999", "known"),
				officer), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction");
		assertProblem(propose(correction(UUID.randomUUID(), "RECODE", reference, 2, "officer-99999", "no line 2"),
				officer), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction");
		String record = correction(UUID.randomUUID(), "RECORD", "RCV2026030200000019", null, "officer-99999",
				"the bank has it, we do not");
		assertThat(propose(record, officer)).hasStatus(HttpStatus.CREATED);
		assertThat(post(record, approver)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.requestedBy")
			.isEqualTo("officer-99999");
		assertThat(this.mvc.post()
			.uri("/api/v1/corrections")
			.contentType(MediaType.APPLICATION_JSON)
			.content(recode)
			.with(taxpayer(mst))
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/api/v1/corrections/" + id).with(bearer(approver)).exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$.kind")
			.isEqualTo("RECODE");

		assertThat(this.jdbc.sql("SELECT content_hash FROM payment.confirmation WHERE bank_reference = ?")
			.param(reference)
			.query(String.class)
			.single()).as("the payment as recorded").isEqualTo(hash);
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE payment.correction_request SET reason = 'x' WHERE correction_id = ?")
			.param(id)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
	}

	private MvcTestResult propose(String body, String token) {
		return this.mvc.post()
			.uri("/api/v1/corrections/proposals")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(bearer(token))
			.exchange();
	}

	private MvcTestResult post(String body, String token) {
		return this.mvc.post()
			.uri("/api/v1/corrections")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(bearer(token))
			.exchange();
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
		assertThat(result).hasStatus(status)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/" + type);
	}

	private static String correction(UUID id, String kind, String reference, Integer line, String requestedBy,
			String reason) {
		return """
				{"correctionId":"%s","requestNumber":"TS-2026-000001","kind":"%s","bankCode":"%s","bankReference":"%s",\
				"lineNumber":%s,"treasuryCode":"0111",\
				"paid":{"chapter":"754","subItem":"1701","areaCode":"79760","amount":2000000,"currency":"VND"},\
				"corrected":{"chapter":"754","subItem":"1052","areaCode":"79760","amount":2000000,"currency":"VND"},\
				"reason":"%s","sourceReference":"reconciliation/work-items/1","requestedBy":"%s"}"""
			.formatted(id, kind, BANK, reference, line, reason, requestedBy);
	}

	private void publishItem(String mst, String itemId, long amount, String dueDate) {
		DevBanks.publish(DevBanks.producer(), "etax.payable-items.v1", mst, """
				{"eventId":"%s","type":"PayableItemCreated","version":1,"occurredAt":"2026-02-15T03:12:09Z",\
				"payableItemId":"%s","returnId":"%s","transactionCode":"10820260000000042","mst":"%s","chapter":"754",\
				"subItem":"1701","taxPeriod":"00/Q1/2026","amount":%d,"currency":"VND","dueDate":"%s",\
				"paymentReference":"PR-%s"}""".formatted(UUID.randomUUID(), itemId, UUID.randomUUID(), mst, amount,
				dueDate, itemId.substring(0, 8)), Map.of());
	}

	private static void confirm(String mst, String reference, String status, String reversalOf, List<Line> lines) {
		String value = DevBanks.confirmation(BANK, reference, mst, DAY, lines)
			.replace("\"status\":\"DEBITED\"", "\"status\":\"" + status + "\""
					+ ((reversalOf != null) ? ",\"reversalOf\":\"" + reversalOf + "\"" : ""));
		DevBanks.publish(DevBanks.producer(), "bank.payment-confirmations.v1", mst, value,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, value)));
	}

	private Map<String, Object> row(String reference, Integer line) {
		return this.jdbc.sql("""
				SELECT * FROM payment.reconciliation_confirmation_lines_v1
				WHERE bank_code = ? AND bank_reference = ? AND line_number IS NOT DISTINCT FROM ?::integer""")
			.params(BANK, reference, line)
			.query()
			.singleRow();
	}

	private UUID postingId(String reference, int line) {
		return this.jdbc.sql("""
				SELECT posting_id FROM payment.confirmation_line WHERE bank_code = ? AND bank_reference = ? AND line_number = ?""")
			.params(BANK, reference, line)
			.query(UUID.class)
			.single();
	}

	/** The columns of one of the gateway's published views, in order. */
	private List<String> columns(String view) {
		return this.jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = 'payment' AND table_name = ? ORDER BY ordinal_position""")
			.param(view)
			.query(String.class)
			.list();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
