package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.RefusingTrigger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static etax.devstack.TestCallers.bank;
import static etax.devstack.TestCallers.officer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.awaitDeadLetter;
import static etax.payment.GatewayFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Messages that passed every check once and then broke recording or the API, found by exploratory
 * testing: each is now refused at the HTTP intake with a problem and, on the topic, rejected to the
 * dead-letter topic with a reason, while the records behind it are recorded.
 */
@GatewayIntegrationTest
class PoisonMessagesIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	PaymentRecording recording;

	@Test
	void refusesValuesTheLedgerCannotHoldAndKeepsRecordingBehindThem() throws Exception {
		String mst = DevBanks.mst(9501);
		Map<String, String> poison = Map.of("POI2026042000000001", usd("POI2026042000000001", mst, "99999999999999",
				"999999999999999999"), "POI2026042000000002", usd("POI2026042000000002", mst, "0.0001", "0.01"),
				"POI2026042000000003", DevBanks.confirmation(BANK, "POI2026042000000003", mst, "2026-04-20",
						List.of(Line.of("1701", 1_000))).replace("\"amount\":1000,\"paymentDate\"", "\"amount\":1e999999999,\"paymentDate\""),
				"POI2026042000000004", DevBanks.confirmation(BANK, "POI2026042000000004", mst, "2026-04-20",
						List.of(Line.of("1701", 1_000))).replace("\"version\":1", "\"x\":" + "[".repeat(1000) + "]".repeat(1000) + ",\"version\":1"));

		for (Map.Entry<String, String> message : poison.entrySet()) {
			intake(message.getValue()).andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.type").value("https://etax.example/problems/invalid-confirmation"));
			gateway.publishSigned(mst, message.getValue());
		}
		String good = DevBanks.confirmation(BANK, "POI2026042000000005", mst, "2026-04-20", List.of(Line.of("1701", 5_000)));
		gateway.publishSigned(mst, good);

		awaitDeadLetter("POI2026042000000001", "invalid-amount");
		awaitDeadLetter("POI2026042000000002", "invalid-amount");
		awaitDeadLetter("POI2026042000000003", "invalid-amount");
		awaitDeadLetter("POI2026042000000004", "malformed-json");
		await().atMost(TIMEOUT).until(() -> recorded("POI2026042000000005") == 1);
	}

	@Test
	void refusesToRedriveAMessageWhoseBankSignatureFailed() throws Exception {
		String mst = DevBanks.mst(9502);
		String reference = "UNS2026042000000001";
		String unsigned = DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 1_000_000)));
		gateway.publish(PaymentRecording.CONFIRMATIONS_TOPIC, mst, unsigned, Map.of());
		awaitDeadLetter(reference, "signature-invalid");
		long id = rejectionId(unsigned);

		gateway.mvc().perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/not-redrivable"));
		gateway.mvc()
			.perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(unsigned))
			.andExpect(status().isConflict());
		assertThat(recorded(reference)).isZero();
	}

	@Test
	void answersADeeplyNestedCorrectionWithAProblem() throws Exception {
		String mst = DevBanks.mst(9503);
		String wrong = DevBanks.confirmation(BANK, "NST2026042000000001", mst, "2026-04-20",
				List.of(Line.of("9999", 1_000_000)));
		gateway.publishSigned(mst, wrong);
		awaitDeadLetter("NST2026042000000001", "unknown-sub-item");

		gateway.mvc()
			.perform(post("/api/v1/payments/rejected/" + rejectionId(wrong) + ":redrive").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("[".repeat(1000) + "]".repeat(1000)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.reason").value("malformed-json"));
	}

	@Test
	void refusesImplausibleDatesAtTheIntakeAndOnTheTopic() throws Exception {
		String mst = DevBanks.mst(9504);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		String future = DevBanks.confirmation(BANK, "DAT2026042000000001", mst, today.plusDays(2).toString(),
				List.of(Line.of("1701", 1_000)));
		String oldPeriod = DevBanks.confirmation(BANK, "DAT2026042000000002", mst, "2026-04-20",
				List.of(new Line("1701", "00/Q1/1900", 1_000, null)));

		intake(future).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.reason").value("implausible-date"));
		intake(oldPeriod).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-tax-period"));
		gateway.publishSigned(mst, future);
		awaitDeadLetter("DAT2026042000000001", "implausible-date");
		// today is a payment date like any other
		intake(DevBanks.confirmation(BANK, "DAT2026042000000003", mst, today.toString(), List.of(Line.of("1701", 1_000))))
			.andExpect(status().isAccepted());
	}

	@Test
	void refusesAtTheIntakeAReversalOfNothingRecorded() throws Exception {
		String mst = DevBanks.mst(9505);
		String reversal = DevBanks.confirmation(BANK, "RVU2026042000000001", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000)))
			.replace("\"status\":\"DEBITED\"", "\"status\":\"REVERSED\",\"reversalOf\":\"NOPE123\"");

		intake(reversal).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-reversal"));
		// and on the topic, as before
		gateway.publishSigned(mst, reversal);
		awaitDeadLetter("RVU2026042000000001", "invalid-reversal");
	}

	@Test
	void acceptsAnyJsonMediaTypeAndRefusesAnOversizedBodyWithAProblem() throws Exception {
		String mst = DevBanks.mst(9506);
		String value = DevBanks.confirmation(BANK, "MED2026042000000001", mst, "2026-04-20", List.of(Line.of("1701", 1_000)));
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType("application/vnd.bank+json")
				.content(value))
			.andExpect(status().isAccepted());
		await().atMost(TIMEOUT).until(() -> recorded("MED2026042000000001") == 1);

		byte[] large = new byte[2 * 1024 * 1024];
		Arrays.fill(large, (byte) ' ');
		gateway.mvc().perform(post("/api/v1/bank/confirmations").with(bank(BANK)).contentType(MediaType.APPLICATION_JSON).content(large))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/too-large"));
	}

	@Test
	void showsPendingAndFailedConfirmationsWithTheirStatus() throws Exception {
		String mst = DevBanks.mst(9507);
		String pending = Camt054.notification(BANK, mst, Camt054.entry("UNB202604200001", "PDNG", false, null, "1701", 2_000));
		gateway.publish(PaymentRecording.CONFIRMATIONS_TOPIC, mst, pending,
				Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, pending)));
		String failed = DevBanks.confirmation(BANK, "UNB202604200002", mst, "2026-04-20", List.of(Line.of("1701", 3_000)))
			.replace("\"status\":\"DEBITED\"", "\"status\":\"FAILED\"");
		gateway.publishSigned(mst, failed);
		await().atMost(TIMEOUT)
			.until(() -> gateway.jdbc().sql("SELECT count(*) FROM payment.unbooked_confirmation WHERE payer_mst = ?")
				.param(mst)
				.query(Long.class)
				.single() == 2);

		gateway.mvc().perform(get("/api/v1/bank/confirmations/UNB202604200001").with(bank(BANK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PENDING"))
			.andExpect(jsonPath("$.unbooked[0].status").value("PENDING"));
		gateway.mvc().perform(get("/api/v1/bank/confirmations/UNB202604200002").with(bank(BANK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("FAILED"));
		gateway.mvc().perform(get("/api/v1/payments/confirmations/" + BANK + "/UNB202604200002").with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.amount").value(3_000));
		gateway.mvc().perform(get("/api/v1/bank/confirmations/UNB202604200001").with(bank("01204001")))
			.andExpect(status().isNotFound());
	}

	@Test
	void showsTheAmountInVndAsRecorded() throws Exception {
		String mst = DevBanks.mst(9508);
		String reference = "VND2026042000000001";
		gateway.publishSigned(mst, usd(reference, mst, "25450.5", "100.25"));
		await().atMost(TIMEOUT).until(() -> recorded(reference) == 1);
		// what the ledger and the treasury hold is the truth, whatever the rate would give today (a row recorded
		// before rates were checked, rounded by the column, recomputes to something else)
		gateway.jdbc().sql("UPDATE payment.confirmation SET exchange_rate = 25450.4 WHERE bank_reference = ?")
			.param(reference)
			.update();

		gateway.mvc().perform(get("/api/v1/bank/confirmations/" + reference).with(bank(BANK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recorded.amountVnd").value(2_551_413))
			.andExpect(jsonPath("$.recorded.lines[0].amountVnd").value(2_551_413));
		gateway.mvc().perform(get("/api/v1/payments/confirmations/" + BANK + "/" + reference).with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amountVnd").value(2_551_413))
			.andExpect(jsonPath("$.lines[0].amountVnd").value(2_551_413));
	}

	@Test
	void rejectsAKidThatIsNoKeyIdAndKeepsRecordingBehindIt() {
		String mst = DevBanks.mst(9520);
		String nulKid = DevBanks.confirmation(BANK, "KID2026042000000001", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000)));
		// a JSON escape in the JWS header: the kid read from it holds NUL, which PostgreSQL refuses in text
		gateway.publish(PaymentRecording.CONFIRMATIONS_TOPIC, mst, nulKid,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(DevBanks.privateKey(BANK), "\\u0000", nulKid)));
		String good = DevBanks.confirmation(BANK, "KID2026042000000002", mst, "2026-04-20",
				List.of(Line.of("1701", 2_000)));
		gateway.publishSigned(mst, good);

		awaitDeadLetter("KID2026042000000001", "signature-invalid");
		await().atMost(TIMEOUT).until(() -> recorded("KID2026042000000002") == 1);
	}

	@Test
	void refusesAFailedOrPendingReportOfAPaymentAlreadyBookedAsAConflict() {
		String mst = DevBanks.mst(9521);
		String failedAfter = "BKD2026042000000001";
		String pendingAfter = "BKD2026042000000002";
		String pendingBefore = "BKD2026042000000003";
		for (String reference : List.of(failedAfter, pendingAfter)) {
			gateway.pay(mst, reference, "2026-04-20", List.of(Line.of("1701", 1_000)));
			await().atMost(TIMEOUT).until(() -> recorded(reference) == 1);
		}
		String pending = DevBanks.confirmation(BANK, pendingBefore, mst, "2026-04-20", List.of(Line.of("1701", 1_000)))
			.replace("\"status\":\"DEBITED\"", "\"status\":\"PENDING\"");
		gateway.publishSigned(mst, pending);
		gateway.pay(mst, pendingBefore, "2026-04-20", List.of(Line.of("1701", 1_000)));
		await().atMost(TIMEOUT).until(() -> recorded(pendingBefore) == 1);

		gateway.publishSigned(mst, DevBanks.confirmation(BANK, failedAfter, mst, "2026-04-20",
				List.of(Line.of("1701", 1_000))).replace("\"status\":\"DEBITED\"", "\"status\":\"FAILED\""));
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, pendingAfter, mst, "2026-04-20",
				List.of(Line.of("1701", 1_000))).replace("\"status\":\"DEBITED\"", "\"status\":\"PENDING\""));
		// the pending report recorded before the payment was booked, again: a duplicate, as every redelivery
		gateway.publishSigned(mst, pending);
		String sentinel = "BKD2026042000000004";
		gateway.pay(mst, sentinel, "2026-04-20", List.of(Line.of("1701", 1_000)));

		assertThat(header(awaitDeadLetter(failedAfter, "conflict"), "etax.dlq.detail")).contains("is booked already");
		awaitDeadLetter(pendingAfter, "conflict");
		await().atMost(TIMEOUT).until(() -> recorded(sentinel) == 1);
		assertThat(gateway.jdbc()
			.sql("SELECT bank_reference FROM payment.unbooked_confirmation WHERE payer_mst = ?")
			.param(mst)
			.query(String.class)
			.list()).containsExactly(pendingBefore);
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.rejected_message WHERE bank_reference = ?")
			.param(pendingBefore)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesABodyWhoseRecordWouldBeOverTheProducersLimitBeforePublishingOrMarkingAnything() throws Exception {
		String mst = DevBanks.mst(9522);
		String value = DevBanks.confirmation(BANK, "BIG2026042000000001", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000)));
		// within the old limit of 1 MiB, but not with the key and the gateway's headers
		String almostOneMiB = value + " ".repeat(1_048_576 - 50 - value.length());
		intake(almostOneMiB).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/too-large"));
		String fits = DevBanks.confirmation(BANK, "BIG2026042000000002", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000)));
		intake(fits + " ".repeat(MessageTooLargeException.MAX_BYTES - fits.length())).andExpect(status().isAccepted());
		await().atMost(TIMEOUT).until(() -> recorded("BIG2026042000000002") == 1);

		String wrong = DevBanks.confirmation(BANK, "BIG2026042000000003", mst, "2026-04-20",
				List.of(Line.of("9999", 1_000)));
		gateway.publishSigned(mst, wrong);
		awaitDeadLetter("BIG2026042000000003", "unknown-sub-item");
		long id = rejectionId(wrong);
		String corrected = wrong.replace("\"9999\"", "\"1701\"");
		gateway.mvc()
			.perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(corrected + " ".repeat(1_048_576 - 50 - corrected.length())))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/too-large"));
		assertThat(gateway.jdbc().sql("SELECT redriven_at IS NULL FROM payment.rejected_message WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).as("not marked re-driven").isTrue();
	}

	@Test
	void rejectsARecordPostgresRefusesThoughNoCheckCaughtItAndRecordsTheOthersOfItsPoll() {
		String mst = DevBanks.mst(9523);
		List<Line> lines = List.of(Line.of("1701", 1_000));
		String refused = "UNS2026042000000002";
		long offset = System.nanoTime();
		List<ConsumerRecord<String, String>> poll = List.of(
				record(mst, DevBanks.confirmation(BANK, "UNS2026042000000001", mst, "2026-04-20", lines), offset),
				record(mst, DevBanks.confirmation(BANK, refused, mst, "2026-04-20", lines), offset + 1),
				record(mst, DevBanks.confirmation(BANK, "UNS2026042000000003", mst, "2026-04-20", lines), offset + 2));

		// PostgreSQL refuses that one row with a data exception, as it would a value no check caught
		try (RefusingTrigger trigger = RefusingTrigger.on(gateway.jdbc(), "payment.confirmation", "INSERT",
				"NEW.bank_reference = '" + refused + "'")) {
			this.recording.record(poll);
			this.recording.record(poll);
		}

		assertThat(recorded("UNS2026042000000001")).isOne();
		assertThat(recorded("UNS2026042000000003")).isOne();
		assertThat(recorded(refused)).isZero();
		assertThat(gateway.jdbc()
			.sql("SELECT reason FROM payment.rejected_message WHERE kafka_topic = 'unstorable-test' AND kafka_offset >= ?")
			.param(offset)
			.query(String.class)
			.list()).as("once, however often the poll comes").containsExactly("unstorable");
		assertThat(header(awaitDeadLetter(refused, "unstorable"), "etax.dlq.detail")).contains("no check caught");
	}

	private static ConsumerRecord<String, String> record(String mst, String value, long offset) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("unstorable-test", 0, offset, mst, value);
		record.headers().add(DevBanks.SIGNATURE, DevBanks.sign(BANK, value).getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private ResultActions intake(String value) throws Exception {
		return gateway.mvc().perform(post("/api/v1/bank/confirmations").with(bank(BANK))
			.contentType(MediaType.APPLICATION_JSON)
			.content(value));
	}

	private static String usd(String reference, String mst, String rate, String amount) {
		return DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 1)))
			.replace("\"currency\":\"VND\"", "\"currency\":\"USD\",\"exchangeRate\":" + rate)
			.replace("\"amount\":1,", "\"amount\":" + amount + ",")
			.replace("\"amount\":1}", "\"amount\":" + amount + "}");
	}

	private long recorded(String reference) {
		return gateway.jdbc().sql("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	private long rejectionId(String value) {
		return gateway.jdbc().sql("SELECT id FROM payment.rejected_message WHERE raw_value = ?")
			.param(value)
			.query(Long.class)
			.single();
	}
}
