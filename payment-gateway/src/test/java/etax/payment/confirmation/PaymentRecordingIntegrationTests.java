package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.treasury.PostingRequested;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static etax.devstack.TestCallers.officer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.awaitDeadLetter;
import static etax.payment.GatewayFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Publishes confirmations to the real topic and watches the real database, topics and API.
 */
@GatewayIntegrationTest
class PaymentRecordingIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	MeterRegistry meters;

	@Autowired
	PaymentRecording recording;

	@Test
	void recordsAConfirmationAndRequestsOnePostingPerLine() throws Exception {
		String reference = "VCB2026042000000201";
		RecordMetadata sent = publish("3500779171", confirmation(reference, "3500779171", 15_000_000, 4_500_000));

		JsonNode recorded = awaitRecorded(reference);
		assertThat(recorded.path("payerMst").stringValue()).isEqualTo("3500779171");
		assertThat(recorded.path("amount").decimalValue()).isEqualByComparingTo("19500000");
		assertThat(recorded.path("paymentDate").stringValue()).isEqualTo("2026-04-20");
		assertThat(recorded.path("source").path("partition").intValue()).isEqualTo(sent.partition());
		assertThat(recorded.path("source").path("offset").longValue()).isEqualTo(sent.offset());
		assertThat(recorded.path("lines")).hasSize(2);
		List<String> postingIds = recorded.path("lines").valueStream().map((l) -> l.path("postingId").stringValue()).toList();
		assertThat(postingIds).doesNotHaveDuplicates().allSatisfy((id) -> assertThat(id).isNotBlank());

		List<JsonNode> postings = postings(reference, 2);
		assertThat(postings).extracting((p) -> p.path("postingId").stringValue())
			.containsExactlyInAnyOrderElementsOf(postingIds);
		JsonNode first = postings.stream().filter((p) -> p.path("subItem").stringValue().equals("1701")).findFirst().orElseThrow();
		assertThat(first.path("type").stringValue()).isEqualTo("PostingRequested");
		assertThat(first.path("version").intValue()).isEqualTo(1);
		assertThat(first.path("eventId").stringValue()).isNotBlank();
		assertThat(first.path("bankCode").stringValue()).isEqualTo(BANK);
		assertThat(first.path("bankReference").stringValue()).isEqualTo(reference);
		assertThat(first.path("mst").stringValue()).isEqualTo("3500779171");
		assertThat(first.path("chapter").stringValue()).isEqualTo("754");
		assertThat(first.path("taxPeriod").stringValue()).isEqualTo("00/Q1/2026");
		assertThat(first.path("areaCode").stringValue()).isEqualTo("79760");
		assertThat(first.path("treasuryCode").stringValue()).isEqualTo("0111");
		assertThat(first.path("treasuryAccount").stringValue()).isEqualTo("7111");
		assertThat(first.path("amount").decimalValue()).isEqualByComparingTo("15000000");
		assertThat(first.path("currency").stringValue()).isEqualTo("VND");
		assertThat(first.path("paymentDate").stringValue()).isEqualTo("2026-04-20");

		List<ConsumerRecord<String, String>> payments = read(PaymentRecorded.TOPIC, reference, 1);
		assertThat(payments).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("3500779171");
			JsonNode event = JSON.readTree(record.value());
			assertThat(event.path("type").stringValue()).isEqualTo("PaymentRecorded");
			assertThat(event.path("version").intValue()).isEqualTo(1);
			assertThat(event.path("recordedAt").isString()).as("an ISO-8601 instant").isTrue();
			assertThat(event.path("lines").get(0).path("postingId").stringValue()).isIn(postingIds);
			assertThat(event.path("amount").decimalValue()).isEqualByComparingTo("19500000");
			assertThat(event.path("lines")).hasSize(2);
		});
	}

	@Test
	void recordsARedeliveredOrResentConfirmationOnlyOnce() throws Exception {
		String reference = "VCB2026042000000202";
		String value = confirmation(reference, "1801321141", 7_000_000, 1_000_000, 500_000);
		publish("1801321141", value);
		awaitRecorded(reference);
		double duplicates = count("etax.payment.confirmation.duplicate");

		publish("1801321141", value);
		publish("1801321141", value.replace(",\"", ", \""));

		await().atMost(TIMEOUT).until(() -> count("etax.payment.confirmation.duplicate") >= duplicates + 2);
		assertThat(postings(reference, 3)).hasSize(3);
		assertThat(read(PaymentRecorded.TOPIC, reference, 1)).hasSize(1);
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?")
			.param(reference)
			.query(Long.class)
			.single()).isOne();
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.confirmation_line WHERE bank_reference = ?")
			.param(reference)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void deadLettersMalformedJsonAndListsIt() throws Exception {
		String value = "{\"version\":1,\"bankReference\":\"VCB2026042000000203\",";
		RecordMetadata sent = publish("0100231226", value);

		ConsumerRecord<String, String> dead = awaitDeadLetter("VCB2026042000000203", "malformed-json");
		assertThat(dead.key()).isEqualTo("0100231226");
		assertThat(dead.value()).isEqualTo(value);
		assertThat(header(dead, "etax.dlq.original-topic")).isEqualTo(PaymentRecording.CONFIRMATIONS_TOPIC);
		assertThat(header(dead, "etax.dlq.original-partition")).isEqualTo(Integer.toString(sent.partition()));
		assertThat(header(dead, "etax.dlq.original-offset")).isEqualTo(Long.toString(sent.offset()));
		assertThat(header(dead, "etax.dlq.detail")).isNotBlank();
		assertThat(header(dead, DevBanks.SIGNATURE)).as("the bank's signature, still verifiable over the value")
			.isEqualTo(DevBanks.sign(BANK, value));
		assertThat(header(dead, "contentType")).isEqualTo("application/json");

		String body = gateway.mvc().perform(get("/api/v1/payments/rejected?size=200").with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode listed = JSON.readTree(body)
			.path("items")
			.valueStream()
			.filter((item) -> item.path("partition").intValue() == sent.partition()
					&& item.path("offset").longValue() == sent.offset())
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("reason").stringValue()).isEqualTo("malformed-json");
		assertThat(listed.path("topic").stringValue()).isEqualTo(PaymentRecording.CONFIRMATIONS_TOPIC);
		assertThat(listed.path("detail").stringValue()).isNotBlank();
		assertThat(listed.path("receivedAt").stringValue()).isNotBlank();
		assertThat(listed.has("value")).as("no payload unless asked").isFalse();
		assertThat(listed.has("key")).as("no MST unless asked").isFalse();
	}

	@Test
	void deadLettersAnInvalidCheckDigit() {
		String reference = "VCB2026042000000204";
		publish("0313829149", confirmation(reference, "0313829149", 1_000_000));

		awaitDeadLetter(reference, "invalid-mst");
		assertThat(count("etax.payment.confirmation.rejected", "reason", "invalid-mst")).isPositive();
	}

	@Test
	void deadLettersLinesThatDoNotSum() {
		String reference = "VCB2026042000000205";
		String value = confirmation(reference, "0100109106", 4_000_000, 5_000_000)
			.replace("\"amount\":9000000,", "\"amount\":10000000,");
		publish("0100109106", value);

		awaitDeadLetter(reference, "lines-do-not-sum");
		assertThat(read(PostingRequested.TOPIC, reference, 0)).isEmpty();
	}

	@Test
	void deadLettersTheSameKeyWithDifferentContentAndKeepsTheOriginal() throws Exception {
		String reference = "VCB2026042000000206";
		publish("5702126556", confirmation(reference, "5702126556", 5_000_000));
		awaitRecorded(reference);

		String different = confirmation(reference, "5702126556", 6_000_000);
		publish("5702126556", different);

		ConsumerRecord<String, String> dead = awaitDeadLetter(reference, "conflict");
		assertThat(dead.value()).isEqualTo(different);
		JsonNode recorded = awaitRecorded(reference);
		assertThat(recorded.path("amount").decimalValue()).isEqualByComparingTo("5000000");
		assertThat(recorded.path("lines").get(0).path("amount").decimalValue()).isEqualByComparingTo("5000000");
		assertThat(postings(reference, 1)).hasSize(1);
	}

	@Test
	void recordingTheSamePollAgainChangesNothing() {
		String reference = "VCB2026042000000207";
		String mst = "0313829130";
		String value = confirmation(reference, mst, 2_000_000);
		List<ConsumerRecord<String, String>> poll = List.of(signed(new ConsumerRecord<>("redelivery-test", 0, 0, mst, value)),
				signed(new ConsumerRecord<>("redelivery-test", 0, 1, mst, value)),
				signed(new ConsumerRecord<>("redelivery-test", 0, 2, mst, confirmation(reference, mst, 3_000_000))),
				signed(new ConsumerRecord<>("redelivery-test", 0, 3, mst, "not json " + reference)));

		this.recording.record(poll);
		this.recording.record(poll);

		assertThat(rows("payment.confirmation", "raw_message", reference)).isOne();
		assertThat(rows("payment.rejected_message", "raw_value", reference)).isEqualTo(2);
		assertThat(gateway.jdbc().sql("SELECT reason FROM payment.rejected_message WHERE kafka_topic = 'redelivery-test' ORDER BY kafka_offset")
			.query(String.class)
			.list()).containsExactly("conflict", "malformed-json");
		// PaymentRecorded, one PostingRequested, two dead letters: once, not twice (read once all are sent)
		await().atMost(Duration.ofSeconds(30)).until(() -> rows("payment.outbox_message", "payload", reference) == 0);
		assertThat(Stream.of(PaymentRecorded.TOPIC, PostingRequested.TOPIC, PaymentRecording.DEAD_LETTER_TOPIC)
			.mapToLong((topic) -> TopicReader.readToEnd(LocalInfrastructure.kafka().bootstrapServers(), topic,
					(record) -> record.value() != null && record.value().contains(reference)).size())
			.sum()).isEqualTo(4);
	}

	@Test
	void recordsAPendingReportEarlierInThePollThanItsBookingAndRefusesOneAfterIt() {
		String mst = DevBanks.mst(9201);
		String before = "VCB2026042000000211";
		String after = "VCB2026042000000212";
		String inOneMessage = "VCB2026042000000213";
		String camt054 = Camt054.notification(BANK, mst, Camt054.entry(inOneMessage, "PDNG", false, null, "1701", 1_000),
				Camt054.entry(inOneMessage, "BOOK", false, null, "1701", 1_000));
		long offset = System.nanoTime();
		List<ConsumerRecord<String, String>> poll = List.of(
				signed(new ConsumerRecord<>("pending-test", 0, offset, mst, pending(confirmation(before, mst, 1_000)))),
				signed(new ConsumerRecord<>("pending-test", 0, offset + 1, mst, confirmation(before, mst, 1_000))),
				signed(new ConsumerRecord<>("pending-test", 0, offset + 2, mst, confirmation(after, mst, 1_000))),
				signed(new ConsumerRecord<>("pending-test", 0, offset + 3, mst, pending(confirmation(after, mst, 1_000)))),
				xml(signed(new ConsumerRecord<>("pending-test", 0, offset + 4, mst, camt054))));

		this.recording.record(poll);
		this.recording.record(poll);

		for (String reference : List.of(before, after, inOneMessage)) {
			assertThat(rows("payment.confirmation", "raw_message", reference)).as(reference).isOne();
		}
		assertThat(gateway.jdbc()
			.sql("SELECT bank_reference FROM payment.unbooked_confirmation WHERE payer_mst = ? ORDER BY bank_reference")
			.param(mst)
			.query(String.class)
			.list()).as("kept apart, as in a poll of its own").containsExactly(before, inOneMessage);
		assertThat(gateway.jdbc()
			.sql("SELECT kafka_offset - ? FROM payment.rejected_message WHERE kafka_topic = 'pending-test' "
					+ "AND kafka_offset >= ? AND reason = 'conflict'")
			.params(offset, offset)
			.query(Long.class)
			.list()).as("only the report after the booking").containsExactly(3L);
	}

	@Test
	void aPollRecordedBeforeItsBanksKeyExpiredChangesNothingWhenItComesAgainAfter() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair key = generator.generateKeyPair();
		String keyId = BANK + "-expiring-" + System.nanoTime();
		Instant validTo = Instant.now().plusSeconds(3);
		gateway.jdbc().sql("""
				INSERT INTO payment.bank_key (key_id, bank_code, algorithm, public_key, valid_from, valid_to)
				VALUES (?, ?, 'RS256', ?, '2020-01-01T00:00:00Z', ?)""")
			.params(keyId, BANK, Base64.getEncoder().encodeToString(key.getPublic().getEncoded()),
					validTo.atOffset(ZoneOffset.UTC))
			.update();
		String mst = DevBanks.mst(9202);
		String payment = "VCB2026042000000221";
		String pending = "VCB2026042000000222";
		long offset = System.nanoTime();
		List<ConsumerRecord<String, String>> poll = List.of(
				signed(new ConsumerRecord<>("expiring-test", 0, offset, mst, confirmation(payment, mst, 1_000)), key,
						keyId),
				signed(new ConsumerRecord<>("expiring-test", 0, offset + 1, mst, pending(confirmation(pending, mst, 2_000))),
						key, keyId));
		this.recording.record(poll);
		assertThat(rows("payment.confirmation", "raw_message", payment)).isOne();

		// the offsets were not committed (a crash): the poll comes again once the key has expired
		await().atMost(TIMEOUT).until(() -> Instant.now().isAfter(validTo.plusSeconds(1)));
		double duplicates = count("etax.payment.confirmation.duplicate");
		this.recording.record(poll);
		// what was not recorded before is refused for the key, the payment's own content too
		this.recording.record(List.of(
				signed(new ConsumerRecord<>("expiring-test", 0, offset + 2, mst,
						confirmation("VCB2026042000000223", mst, 1_000)), key, keyId),
				signed(new ConsumerRecord<>("expiring-test", 0, offset + 3, mst, confirmation(payment, mst, 5_000)), key,
						keyId)));

		assertThat(count("etax.payment.confirmation.duplicate")).isGreaterThanOrEqualTo(duplicates + 2);
		assertThat(rows("payment.confirmation", "raw_message", payment)).isOne();
		assertThat(rows("payment.unbooked_confirmation", "raw_message", pending)).isOne();
		assertThat(gateway.jdbc()
			.sql("SELECT kafka_offset - ?, reason FROM payment.rejected_message WHERE kafka_topic = 'expiring-test' "
					+ "AND kafka_offset >= ? ORDER BY kafka_offset")
			.params(offset, offset)
			.query((row, n) -> row.getLong(1) + " " + row.getString(2))
			.list()).containsExactly("2 signature-invalid", "3 signature-invalid");
	}

	@Test
	void aMessageSignedWithAKeyRegisteredUnreadablyIsReDrivenOnceItsSignatureVerifiesWithTheKeyCorrected()
			throws Exception {
		KeyPair key = keyPair();
		String keyId = garbledKey();
		String mst = DevBanks.mst(9203);
		String reference = "VCB2026042000000231";
		long offset = System.nanoTime();

		this.recording.record(List.of(signed(new ConsumerRecord<>("garbled-key-test", 0, offset, mst,
				confirmation(reference, mst, 1_000)), key, keyId)));

		long id = rejection(offset);
		assertThat(gateway.jdbc()
			.sql("SELECT reason || ' ' || coalesce(signer_bank_code, 'none') FROM payment.rejected_message WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).as("the registry's fault, but nothing verified the signature yet").isEqualTo("unreadable none");
		redrive(id).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/not-redrivable"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("corrected the key")));

		correctKey(keyId, key);
		redrive(id).andExpect(status().isAccepted());

		JsonNode recorded = awaitRecorded(reference);
		assertThat(recorded.path("payerMst").stringValue()).isEqualTo(mst);
	}

	@Test
	void aForgedMessageNamingAKeyRegisteredUnreadablyIsNeverCredited() throws Exception {
		KeyPair banksKey = keyPair();
		KeyPair forgersKey = keyPair();
		String keyId = garbledKey();
		String mst = DevBanks.mst(9204);
		String reference = "VCB2026042000000232";
		String forged = confirmation(reference, mst, 90_000_000);
		long offset = System.nanoTime();

		this.recording.record(List.of(
				signed(new ConsumerRecord<>("garbled-key-test", 0, offset, mst, forged), forgersKey, keyId)));
		long id = rejection(offset);
		correctKey(keyId, banksKey);

		redrive(id).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/not-redrivable"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("failed the bank signature check")));
		gateway.mvc()
			.perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(forged))
			.andExpect(status().isConflict());

		assertThat(gateway.jdbc().sql("SELECT redriven_at IS NULL FROM payment.rejected_message WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(rows("payment.confirmation", "raw_message", reference)).isZero();
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.ledger_line WHERE mst = ?")
			.param(mst)
			.query(Long.class)
			.single()).isZero();
	}

	private static KeyPair keyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	/** A key of the bank registered in a form the gateway cannot read. */
	private static String garbledKey() {
		String keyId = BANK + "-garbled-" + System.nanoTime();
		gateway.jdbc().sql("""
				INSERT INTO payment.bank_key (key_id, bank_code, algorithm, public_key, valid_from, valid_to)
				VALUES (?, ?, 'RS256', 'not a key', '2020-01-01T00:00:00Z', NULL)""").params(keyId, BANK).update();
		return keyId;
	}

	/** An operator registers the key as the bank meant it. */
	private static void correctKey(String keyId, KeyPair key) {
		gateway.jdbc()
			.sql("UPDATE payment.bank_key SET public_key = ? WHERE key_id = ?")
			.params(Base64.getEncoder().encodeToString(key.getPublic().getEncoded()), keyId)
			.update();
	}

	private static long rejection(long offset) {
		return gateway.jdbc()
			.sql("SELECT id FROM payment.rejected_message WHERE kafka_topic = 'garbled-key-test' AND kafka_offset = ?")
			.param(offset)
			.query(Long.class)
			.single();
	}

	private static ResultActions redrive(long id) throws Exception {
		return gateway.mvc().perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer()));
	}

	private static String pending(String confirmation) {
		return confirmation.replace("\"status\":\"DEBITED\"", "\"status\":\"PENDING\"");
	}

	private static ConsumerRecord<String, String> xml(ConsumerRecord<String, String> record) {
		record.headers().add("content-type", "application/xml".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static ConsumerRecord<String, String> signed(ConsumerRecord<String, String> record, KeyPair key,
			String keyId) {
		record.headers()
			.add(DevBanks.SIGNATURE, DevBanks.sign(key.getPrivate(), keyId, record.value()).getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static ConsumerRecord<String, String> signed(ConsumerRecord<String, String> record) {
		record.headers().add(DevBanks.SIGNATURE, DevBanks.sign(BANK, record.value()).getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private long rows(String table, String column, String reference) {
		return gateway.jdbc().sql("SELECT count(*) FROM " + table + " WHERE " + column + " LIKE ?")
			.param("%" + reference + "%")
			.query(Long.class)
			.single();
	}

	private static String confirmation(String reference, String mst, long... lineAmounts) {
		String[] subItems = { "1701", "4931", "1052" };
		String[] periods = { "00/Q1/2026", "00/04/2026", "00/CN/2025" };
		String lines = IntStream.range(0, lineAmounts.length)
			.mapToObj((i) -> """
					{"chapter":"754","subItem":"%s","taxPeriod":"%s","amount":%d,"payableItemId":null}"""
				.formatted(subItems[i], periods[i], lineAmounts[i]))
			.collect(Collectors.joining(","));
		return """
				{"version":1,"bankCode":"%s","bankReference":"%s","voucherNumber":"GNT-%s","payerMst":"%s",\
				"currency":"VND","amount":%d,"paymentDate":"2026-04-20","sentAt":"2026-04-20T09:15:00+07:00",\
				"status":"DEBITED","treasuryCode":"0111","treasuryAccount":"7111","collectingAgencyCode":"1054321",\
				"areaCode":"79760","lines":[%s]}"""
			.formatted(BANK, reference, reference.substring(reference.length() - 6), mst,
					Arrays.stream(lineAmounts).sum(), lines);
	}

	static RecordMetadata publish(String key, String value) {
		return gateway.publish(PaymentRecording.CONFIRMATIONS_TOPIC, key, value,
				Map.of("contentType", "application/json", DevBanks.SIGNATURE, DevBanks.sign(BANK, value)));
	}

	private JsonNode awaitRecorded(String reference) throws Exception {
		String path = "/api/v1/payments/confirmations/" + BANK + "/" + reference;
		await().atMost(TIMEOUT)
			.until(() -> gateway.mvc().perform(get(path).with(officer())).andReturn().getResponse().getStatus() == 200);
		return JSON.readTree(gateway.mvc().perform(get(path).with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private static List<JsonNode> postings(String reference, int expected) {
		return read(PostingRequested.TOPIC, reference, expected).stream().map((r) -> JSON.readTree(r.value())).toList();
	}

	private static List<ConsumerRecord<String, String>> read(String topic, String reference, int expected) {
		Duration timeout = (expected == 0) ? Duration.ofSeconds(3) : TIMEOUT;
		return TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), topic,
				(record) -> record.value() != null && record.value().contains(reference), expected, timeout);
	}

	private double count(String name, String... tags) {
		return this.meters.get(name).tags(tags).counter().count();
	}
}
