package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayIntegrationTest;
import etax.payment.LedgerAssertions;
import etax.payment.TestProducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static etax.devstack.TestCallers.bank;
import static etax.devstack.TestCallers.officer;
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

	private static final String BANK = "01202001";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static final TestProducer producer = new TestProducer();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void ledgerStaysBalanced() {
		LedgerAssertions.assertBalanced(this.jdbc);
	}

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
			publishSigned(mst, message.getValue());
		}
		String good = DevBanks.confirmation(BANK, "POI2026042000000005", mst, "2026-04-20", List.of(Line.of("1701", 5_000)));
		publishSigned(mst, good);

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
		producer.publish(PaymentRecording.CONFIRMATIONS_TOPIC, mst, unsigned, Map.of());
		awaitDeadLetter(reference, "signature-invalid");
		long id = rejectionId(unsigned);

		this.mvc.perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/not-redrivable"));
		this.mvc
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
		publishSigned(mst, wrong);
		awaitDeadLetter("NST2026042000000001", "unknown-sub-item");

		this.mvc
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
		publishSigned(mst, future);
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
		publishSigned(mst, reversal);
		awaitDeadLetter("RVU2026042000000001", "invalid-reversal");
	}

	@Test
	void acceptsAnyJsonMediaTypeAndRefusesAnOversizedBodyWithAProblem() throws Exception {
		String mst = DevBanks.mst(9506);
		String value = DevBanks.confirmation(BANK, "MED2026042000000001", mst, "2026-04-20", List.of(Line.of("1701", 1_000)));
		this.mvc
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType("application/vnd.bank+json")
				.content(value))
			.andExpect(status().isAccepted());
		await().atMost(TIMEOUT).until(() -> recorded("MED2026042000000001") == 1);

		byte[] large = new byte[2 * 1024 * 1024];
		Arrays.fill(large, (byte) ' ');
		this.mvc.perform(post("/api/v1/bank/confirmations").with(bank(BANK)).contentType(MediaType.APPLICATION_JSON).content(large))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/too-large"));
	}

	@Test
	void showsPendingAndFailedConfirmationsWithTheirStatus() throws Exception {
		String mst = DevBanks.mst(9507);
		String pending = Camt054.notification(BANK, mst, Camt054.entry("UNB202604200001", "PDNG", false, null, "1701", 2_000));
		producer.publish(PaymentRecording.CONFIRMATIONS_TOPIC, mst, pending,
				Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, pending)));
		String failed = DevBanks.confirmation(BANK, "UNB202604200002", mst, "2026-04-20", List.of(Line.of("1701", 3_000)))
			.replace("\"status\":\"DEBITED\"", "\"status\":\"FAILED\"");
		publishSigned(mst, failed);
		await().atMost(TIMEOUT)
			.until(() -> this.jdbc.sql("SELECT count(*) FROM payment.unbooked_confirmation WHERE payer_mst = ?")
				.param(mst)
				.query(Long.class)
				.single() == 2);

		this.mvc.perform(get("/api/v1/bank/confirmations/UNB202604200001").with(bank(BANK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PENDING"))
			.andExpect(jsonPath("$.unbooked[0].status").value("PENDING"));
		this.mvc.perform(get("/api/v1/bank/confirmations/UNB202604200002").with(bank(BANK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("FAILED"));
		this.mvc.perform(get("/api/v1/payments/confirmations/" + BANK + "/UNB202604200002").with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.amount").value(3_000));
		this.mvc.perform(get("/api/v1/bank/confirmations/UNB202604200001").with(bank("01204001")))
			.andExpect(status().isNotFound());
	}

	@Test
	void showsTheAmountInVndAsRecorded() throws Exception {
		String mst = DevBanks.mst(9508);
		String reference = "VND2026042000000001";
		publishSigned(mst, usd(reference, mst, "25450.5", "100.25"));
		await().atMost(TIMEOUT).until(() -> recorded(reference) == 1);
		// what the ledger and the treasury hold is the truth, whatever the rate would give today (a row recorded
		// before rates were checked, rounded by the column, recomputes to something else)
		this.jdbc.sql("UPDATE payment.confirmation SET exchange_rate = 25450.4 WHERE bank_reference = ?")
			.param(reference)
			.update();

		this.mvc.perform(get("/api/v1/bank/confirmations/" + reference).with(bank(BANK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recorded.amountVnd").value(2_551_413))
			.andExpect(jsonPath("$.recorded.lines[0].amountVnd").value(2_551_413));
		this.mvc.perform(get("/api/v1/payments/confirmations/" + BANK + "/" + reference).with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amountVnd").value(2_551_413))
			.andExpect(jsonPath("$.lines[0].amountVnd").value(2_551_413));
	}

	private ResultActions intake(String value) throws Exception {
		return this.mvc.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
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
		return this.jdbc.sql("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	private long rejectionId(String value) {
		return this.jdbc.sql("SELECT id FROM payment.rejected_message WHERE raw_value = ?")
			.param(value)
			.query(Long.class)
			.single();
	}

	private static void publishSigned(String key, String value) {
		producer.publish(PaymentRecording.CONFIRMATIONS_TOPIC, key, value,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, value)));
	}

	private static ConsumerRecord<String, String> awaitDeadLetter(String reference, String reason) {
		List<ConsumerRecord<String, String>> dead = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				PaymentRecording.DEAD_LETTER_TOPIC, (record) -> record.value().contains(reference), 1, TIMEOUT);
		assertThat(dead).singleElement()
			.satisfies((record) -> assertThat(new String(record.headers().lastHeader("etax.dlq.reason").value(),
					StandardCharsets.UTF_8)).isEqualTo(reason));
		return dead.get(0);
	}

}
