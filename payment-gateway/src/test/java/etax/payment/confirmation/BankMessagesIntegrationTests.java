package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static etax.devstack.TestCallers.bank;
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
 * Bank identity, formats and the ways back for rejected messages, on the real topic, database and API:
 * signatures, camt.054, pending versus booked, reversals, the HTTP intake, conflicts with both versions,
 * checks against reference data, re-drive after correction.
 */
@GatewayIntegrationTest
class BankMessagesIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void deadLettersAnUnsignedMessage() {
		String reference = "SIG2026042000000001";
		String mst = DevBanks.mst(7001);
		publish(mst, DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 1_000_000))),
				Map.of());

		assertThat(header(awaitDeadLetter(reference, "signature-invalid"), "etax.dlq.detail")).contains("no signature");
		assertThat(recorded(reference)).isZero();
	}

	@Test
	void deadLettersAMessageSignedByAnotherBankOrTampered() throws Exception {
		String mst = DevBanks.mst(7002);
		String asOther = DevBanks.confirmation(BANK, "SIG2026042000000002", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000_000)));
		publish(mst, asOther, Map.of(DevBanks.SIGNATURE, DevBanks.sign("01204001", asOther)));
		String tampered = DevBanks.confirmation(BANK, "SIG2026042000000003", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000_000)));
		publish(mst, tampered.replace("1000000", "9000000"), Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, tampered)));

		assertThat(header(awaitDeadLetter("SIG2026042000000002", "signature-invalid"), "etax.dlq.detail"))
			.contains("another bank");
		awaitDeadLetter("SIG2026042000000003", "signature-invalid");
		assertThat(recorded("SIG2026042000000002") + recorded("SIG2026042000000003")).isZero();
		// what another bank signed in this bank's name is not in this bank's status report
		gateway.mvc().perform(get("/api/v1/bank/confirmations/SIG2026042000000002").with(bank(BANK)))
			.andExpect(status().isNotFound());
	}

	/**
	 * What one bank signed in another's name is refused for that, whatever rule of its content it breaks too: refused
	 * for such a rule (here the record key), it was kept with the signer as its sender, and an officer's re-drive
	 * recorded the other bank's payment as the signer's own.
	 */
	@Test
	void deadLettersAMessageSignedForAnotherBankForThatBeforeAnyOtherRule() throws Exception {
		String mst = DevBanks.mst(7014);
		String json = DevBanks.confirmation("79310001", "SIG2026042000000004", mst + "-001", "2026-04-20",
				List.of(Line.of("1701", 1_000_000)));
		publish(mst + "001", json, Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, json)));
		String camt = Camt054.notification("79310001", mst,
				Camt054.entry("SIG2026042000000005", "BOOK", false, null, "1701", 1_000_000));
		publish(DevBanks.mst(7015), camt,
				Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, camt)));

		assertThat(header(awaitDeadLetter("SIG2026042000000004", "signature-invalid"), "etax.dlq.detail"))
			.contains("another bank");
		assertThat(header(awaitDeadLetter("SIG2026042000000005", "signature-invalid"), "etax.dlq.detail"))
			.contains("another bank");
		gateway.mvc().perform(get("/api/v1/bank/confirmations/SIG2026042000000004").with(bank("79310001")))
			.andExpect(status().isNotFound());
	}

	@Test
	void deadLettersUnknownReferenceDataAndBanks() throws Exception {
		String mst = DevBanks.mst(7003);
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, "REF2026042000000001", mst, "2026-04-20",
				List.of(Line.of("9999", 1_000_000))));
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, "REF2026042000000002", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000_000))).replace("\"chapter\":\"754\"", "\"chapter\":\"999\""));
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, "REF2026042000000003", mst, "2019-12-31",
				List.of(new Line("1701", "00/Q3/2019", 1_000_000, null))));

		awaitDeadLetter("REF2026042000000001", "unknown-sub-item");
		awaitDeadLetter("REF2026042000000002", "unknown-chapter");
		awaitDeadLetter("REF2026042000000003", "unknown-bank");
		// the bank asks what became of it, by its own reference
		gateway.mvc().perform(get("/api/v1/bank/confirmations/REF2026042000000001").with(bank(BANK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REJECTED"))
			.andExpect(jsonPath("$.rejected[0].reason").value("unknown-sub-item"))
			.andExpect(jsonPath("$.rejected[0].redriven").value(false));
	}

	/**
	 * A message refused whole is in the bank's status report under every reference it carried: refused by a rule of
	 * its reading (lines that do not add up, the record key) it was kept without its reference, and refused for one
	 * entry of a camt.054 under that entry's only, so the report answered 404 ("may still be on its way") for ever.
	 */
	@Test
	void reportsAMessageRejectedWholeUnderEveryReferenceItCarried() throws Exception {
		String mst = DevBanks.mst(7016);
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, "STS2026042000000001", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000_000))).replace("\"amount\":1000000,\"paymentDate\"",
						"\"amount\":1000001,\"paymentDate\""));
		String branch = DevBanks.confirmation(BANK, "STS2026042000000002", mst + "-001", "2026-04-20",
				List.of(Line.of("1701", 1_000_000)));
		publish(mst + "001", branch, Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, branch)));
		String checked = Camt054.notification(BANK, mst,
				Camt054.entry("STS2026042000000003", "BOOK", false, null, "1701", 1_000_000),
				Camt054.entry("STS2026042000000004", "BOOK", false, null, "9999", 1_000_000));
		publish(mst, checked, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, checked)));
		String read = Camt054.notification(BANK, mst,
				Camt054.entry("STS2026042000000005", "BOOK", false, null, "1701", 1_000_000),
				Camt054.entry("STS2026042000000006", "BOOK", false, null, "1701", 1_000_000)
					.replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>CRDT</CdtDbtInd>"));
		publish(mst, read, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, read)));

		awaitDeadLetter("STS2026042000000001", "lines-do-not-sum");
		awaitDeadLetter("STS2026042000000002", "key-mismatch");
		awaitDeadLetter("STS2026042000000003", "unknown-sub-item");
		awaitDeadLetter("STS2026042000000005", "invalid-field");
		Map<String, String> reasons = Map.of("STS2026042000000001", "lines-do-not-sum", "STS2026042000000002",
				"key-mismatch", "STS2026042000000003", "unknown-sub-item", "STS2026042000000004", "unknown-sub-item",
				"STS2026042000000005", "invalid-field", "STS2026042000000006", "invalid-field");
		for (Map.Entry<String, String> reference : reasons.entrySet()) {
			gateway.mvc().perform(get("/api/v1/bank/confirmations/" + reference.getKey()).with(bank(BANK)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("REJECTED"))
				.andExpect(jsonPath("$.rejected.length()").value(1))
				.andExpect(jsonPath("$.rejected[0].reason").value(reference.getValue()));
		}
		// the entry that broke the rule is named, for the entries that did not
		gateway.mvc().perform(get("/api/v1/bank/confirmations/STS2026042000000003").with(bank(BANK)))
			.andExpect(jsonPath("$.rejected[0].detail").value(Matchers.startsWith("Ntry[1]: ")));
		gateway.mvc().perform(get("/api/v1/bank/confirmations/STS2026042000000003").with(bank("01204001")))
			.andExpect(status().isNotFound());
		assertThat(recorded("STS2026042000000003")).isZero();
	}

	@Test
	void deadLettersAConflictWithBothVersions() throws Exception {
		String mst = DevBanks.mst(7004);
		String reference = "CON2026042000000001";
		String first = DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 5_000_000)));
		gateway.publishSigned(mst, first);
		await().atMost(TIMEOUT).until(() -> recorded(reference) == 1);
		String second = DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 6_000_000)));
		gateway.publishSigned(mst, second);

		ConsumerRecord<String, String> dead = awaitDeadLetter(reference, "conflict");
		assertThat(dead.value()).isEqualTo(second);
		assertThat(header(dead, "etax.dlq.recorded-value")).isEqualTo(first);
		assertThat(gateway.jdbc().sql("SELECT recorded_value FROM payment.rejected_message WHERE raw_value = ?")
			.param(second)
			.query(String.class)
			.single()).isEqualTo(first);
		// the bank's status report: the first version recorded and posted, the second rejected
		gateway.mvc().perform(get("/api/v1/bank/confirmations/" + reference).with(bank(BANK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("RECORDED"))
			.andExpect(jsonPath("$.recorded.amountVnd").value(5_000_000))
			.andExpect(jsonPath("$.recorded.lines[0].postingId").isNotEmpty())
			.andExpect(jsonPath("$.recorded.lines[0].treasury").value(Matchers.oneOf("REQUESTED", "POSTED", "REFUSED")))
			.andExpect(jsonPath("$.rejected[0].reason").value("conflict"));
		// another bank's reference is not found for this one, and it is no officer's report
		gateway.mvc().perform(get("/api/v1/bank/confirmations/" + reference).with(bank("01204001")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/confirmation-not-found"));
		gateway.mvc().perform(get("/api/v1/bank/confirmations/" + reference).with(officer()))
			.andExpect(status().isForbidden());
	}

	@Test
	void recordsEveryEntryOfACamt054Notification() {
		String mst = DevBanks.mst(7005);
		String xml = Camt054.notification(BANK, mst, Camt054.entry("CAMT202604200001", "BOOK", false, null, "1701", 7_000_000),
				Camt054.entry("CAMT202604200002", "BOOK", false, null, "4931", 300_000));
		publish(mst, xml, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, xml)));

		await().atMost(TIMEOUT).until(() -> recorded("CAMT202604200001") + recorded("CAMT202604200002") == 2);
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "treasury.postings.v1",
				(r) -> r.value().contains("CAMT20260420000"), 2, TIMEOUT)).hasSize(2);
	}

	@Test
	void refusesADoctypeInXml() {
		String mst = DevBanks.mst(7006);
		String xml = Camt054.notification(BANK, mst, Camt054.entry("XXE202604200001", "BOOK", false, null, "1701", 1_000_000))
			.replace("<Document", "<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document")
			.replace("<BkToCstmrDbtCdtNtfctn>", "<BkToCstmrDbtCdtNtfctn>&x;");
		publish(mst, xml, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, xml)));

		awaitDeadLetter("XXE202604200001", "malformed-xml");
	}

	@Test
	void keepsPendingApartFromBookedAndReversesAsANewEntry() throws Exception {
		String mst = DevBanks.mst(7007);
		String pending = Camt054.notification(BANK, mst,
				Camt054.entry("PDNG202604200001", "PDNG", false, null, "1701", 2_000_000));
		publish(mst, pending, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, pending)));
		await().atMost(TIMEOUT)
			.until(() -> gateway.jdbc().sql("SELECT count(*) FROM payment.unbooked_confirmation WHERE bank_reference = ?")
				.param("PDNG202604200001")
				.query(Long.class)
				.single() == 1);
		assertThat(recorded("PDNG202604200001")).isZero();

		String booked = Camt054.notification(BANK, mst,
				Camt054.entry("PDNG202604200001", "BOOK", false, null, "1701", 2_000_000));
		publish(mst, booked, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, booked)));
		await().atMost(TIMEOUT).until(() -> recorded("PDNG202604200001") == 1);

		String reversal = Camt054.notification(BANK, mst,
				Camt054.entry("RVSL202604200001", "BOOK", true, "PDNG202604200001", "1701", 2_000_000));
		publish(mst, reversal, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, reversal)));
		await().atMost(TIMEOUT).until(() -> recorded("RVSL202604200001") == 1);
		assertThat(gateway.jdbc().sql("SELECT status FROM payment.confirmation WHERE bank_reference = ?")
			.param("PDNG202604200001")
			.query(String.class)
			.single()).as("the reversed payment is not updated").isEqualTo("DEBITED");
		String balance = gateway.mvc().perform(get("/api/v1/taxpayers/" + mst + "/balance").with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(JSON.readTree(balance).path("totalCredit").decimalValue()).isZero();

		String again = Camt054.notification(BANK, mst,
				Camt054.entry("RVSL202604200002", "BOOK", true, "PDNG202604200001", "1701", 2_000_000));
		publish(mst, again, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, again)));
		awaitDeadLetter("RVSL202604200002", "invalid-reversal");
	}

	@Test
	void refusesAPaymentToAnAccountThatIsNoCollectionAccountOfTheBudget() throws Exception {
		String mst = DevBanks.mst(7010);
		String refundRecovery = DevBanks.confirmation(BANK, "ACC2026042000000001", mst, "2026-04-20",
				List.of(Line.of("1701", 22_000_000)))
			.replace("\"treasuryAccount\":\"7111\"", "\"treasuryAccount\":\"8991\"");
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(refundRecovery))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/invalid-confirmation"))
			.andExpect(jsonPath("$.reason").value("unknown-treasury-account"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("7111")));

		String unknown = DevBanks.confirmation(BANK, "ACC2026042000000002", mst, "2026-04-20",
				List.of(Line.of("1701", 22_000_000)))
			.replace("\"treasuryAccount\":\"7111\"", "\"treasuryAccount\":\"9999\"");
		gateway.publishSigned(mst, unknown);
		awaitDeadLetter("ACC2026042000000002", "unknown-treasury-account");
		String camt = Camt054.notification(BANK, mst, Camt054.entry("ACC2026042000000003", "BOOK", false, null, "1701",
				1_000_000))
			.replace("<Id>7111</Id>", "<Id>3511</Id>");
		publish(mst, camt, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, camt)));
		awaitDeadLetter("ACC2026042000000003", "unknown-treasury-account");
		assertThat(recorded("ACC2026042000000001") + recorded("ACC2026042000000002") + recorded("ACC2026042000000003"))
			.isZero();
	}

	@Test
	void refusesAReversalWhoseLinesTreasuryAccountOrAgencyAreNotThoseOfThePayment() throws Exception {
		String mst = DevBanks.mst(7011);
		String payment = "RVL2026042000000001";
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, payment, mst, "2026-04-20",
				List.of(Line.of("1701", 20_000_000), Line.of("4931", 2_000_000))));
		await().atMost(TIMEOUT).until(() -> recorded(payment) == 1);

		// the tester's case: other sub-items and periods, the same payer and total
		gateway.publishSigned(mst, reversal("RVL2026042100000002", payment, mst, List.of(
				new Line("1702", "00/Q2/2026", 12_000_000, null), new Line("4931", "00/Q1/2026", 10_000_000, null))));
		assertThat(header(awaitDeadLetter("RVL2026042100000002", "invalid-reversal"), "etax.dlq.detail"))
			.contains("lines of the payment");
		// the same sub-items, the amounts split otherwise
		gateway.publishSigned(mst, reversal("RVL2026042100000003", payment, mst,
				List.of(Line.of("1701", 19_000_000), Line.of("4931", 3_000_000))));
		awaitDeadLetter("RVL2026042100000003", "invalid-reversal");
		// another treasury, over HTTP: refused at once
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reversal("RVL2026042100000004", payment, mst,
						List.of(Line.of("1701", 20_000_000), Line.of("4931", 2_000_000)))
					.replace("\"treasuryCode\":\"0111\"", "\"treasuryCode\":\"0222\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-reversal"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("treasury")));
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reversal("RVL2026042100000005", payment, mst,
						List.of(Line.of("1701", 20_000_000), Line.of("4931", 2_000_000)))
					.replace("\"treasuryAccount\":\"7111\"", "\"treasuryAccount\":\"8991\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-reversal"));
		// another collecting agency: the ledger would take the money back for another office than it was paid to
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reversal("RVL2026042100000007", payment, mst,
						List.of(Line.of("1701", 20_000_000), Line.of("4931", 2_000_000)))
					.replace("\"collectingAgencyCode\":\"1054321\"", "\"collectingAgencyCode\":\"1054999\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-reversal"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("collecting agency")));
		// dated before the payment: the ledger would take the money back before it was paid
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reversal("RVL2026042100000008", payment, mst,
						List.of(Line.of("1701", 20_000_000), Line.of("4931", 2_000_000)))
					.replace("\"paymentDate\":\"2026-04-21\"", "\"paymentDate\":\"2026-04-19\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-reversal"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("on or after the payment")));
		assertThat(recorded("RVL2026042100000002") + recorded("RVL2026042100000003") + recorded("RVL2026042100000004")
				+ recorded("RVL2026042100000005") + recorded("RVL2026042100000007") + recorded("RVL2026042100000008"))
			.isZero();

		// the payment's own lines, in another order, reverse it
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reversal("RVL2026042100000006", payment, mst,
						List.of(Line.of("4931", 2_000_000), Line.of("1701", 20_000_000)))))
			.andExpect(status().isAccepted());
		await().atMost(TIMEOUT).until(() -> recorded("RVL2026042100000006") == 1);
		assertThat(gateway.jdbc().sql("""
				SELECT count(*) FROM payment.treasury_posting WHERE bank_reference = ? AND direction = 'REVERSAL'
				    AND treasury_code = '0111' AND sub_item IN ('1701', '4931')""")
			.param("RVL2026042100000006")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void refusesAReversalAtAnotherExchangeRateThanItsPayment() throws Exception {
		String mst = DevBanks.mst(7013);
		String payment = "FXR2026042000000001";
		// USD 1,000.00 at 25,000: the ledger applied and the treasury posted 25,000,000 VND
		gateway.publishSigned(mst, usd(DevBanks.confirmation(BANK, payment, mst, "2026-04-20",
				List.of(Line.of("1701", 1_000))), "25000"));
		await().atMost(TIMEOUT).until(() -> recorded(payment) == 1);

		// the same lines and total at 25,450: the treasury would reverse 25,450,000 VND, the ledger 25,000,000
		String otherRate = usd(reversal("FXR2026042100000002", payment, mst, List.of(Line.of("1701", 1_000))), "25450");
		gateway.publishSigned(mst, otherRate);
		assertThat(header(awaitDeadLetter("FXR2026042100000002", "invalid-reversal"), "etax.dlq.detail"))
			.contains("exchange rate");
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(otherRate.replace("FXR2026042100000002", "FXR2026042100000003")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-reversal"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("exchange rate")));
		assertThat(recorded("FXR2026042100000002") + recorded("FXR2026042100000003")).isZero();

		// the payment's rate, written with another scale, reverses it in the VND it was posted in
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(usd(reversal("FXR2026042100000004", payment, mst, List.of(Line.of("1701", 1_000))),
						"25000.00")))
			.andExpect(status().isAccepted());
		await().atMost(TIMEOUT).until(() -> recorded("FXR2026042100000004") == 1);
		assertThat(gateway.jdbc().sql("""
				SELECT amount_vnd FROM payment.treasury_posting WHERE bank_reference = ? AND direction = 'REVERSAL'""")
			.param("FXR2026042100000004")
			.query(Long.class)
			.single()).isEqualTo(25_000_000L);
	}

	/** A VND confirmation made a USD one at the rate, its amounts read as dollars. */
	private static String usd(String confirmation, String rate) {
		return confirmation.replace("\"currency\":\"VND\"", "\"currency\":\"USD\",\"exchangeRate\":" + rate);
	}

	@Test
	void refusesAReversalBeforeItsPaymentInOneMessageUntilThePaymentIsRecorded() throws Exception {
		String mst = DevBanks.mst(7012);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, 2_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(item, 2_000_000);
		String payment = "RBP202604200001";
		String reversal = "RBP202604200002";
		// the reversal first: the ledger takes a message in its order, so it would take back nothing
		String xml = Camt054.notification(BANK, mst, Camt054.entry(reversal, "BOOK", true, payment, "1701", 2_000_000),
				Camt054.entry(payment, "BOOK", false, null, "1701", 2_000_000));

		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK)).contentType(MediaType.APPLICATION_XML).content(xml))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-reversal"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("no recorded payment")));
		publish(mst, xml, Map.of("content-type", "application/xml", DevBanks.SIGNATURE, DevBanks.sign(BANK, xml)));

		assertThat(header(awaitDeadLetter(reversal, "invalid-reversal"), "etax.dlq.detail"))
			.contains("reversalOf names no recorded payment of this bank");
		await().atMost(TIMEOUT).until(() -> recorded(payment) == 1);
		gateway.reads().awaitOutstanding(item, 0);
		assertThat(recorded(reversal)).isZero();

		// once the payment is recorded, the same message re-driven as it was takes the money back
		long id = gateway.jdbc().sql("SELECT id FROM payment.rejected_message WHERE bank_reference = ?")
			.param(reversal)
			.query(Long.class)
			.single();
		gateway.mvc().perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer()))
			.andExpect(status().isAccepted());
		await().atMost(TIMEOUT).until(() -> recorded(reversal) == 1);
		gateway.reads().awaitOutstanding(item, 2_000_000);
		assertThat(recorded(payment)).isOne();
	}

	/**
	 * A payment recorded before the gateway kept collecting agencies (V5) has none; its reversal names one, as every
	 * reversal does, and is recorded.
	 */
	@Test
	void reversesAPaymentRecordedBeforeItsAgencyWasKept() throws Exception {
		String mst = DevBanks.mst(7012);
		String payment = "RVL2026042000000012";
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, payment, mst, "2026-04-20",
				List.of(Line.of("1701", 5_000_000))));
		await().atMost(TIMEOUT).until(() -> recorded(payment) == 1);
		gateway.jdbc()
			.sql("UPDATE payment.confirmation SET collecting_agency_code = NULL WHERE bank_reference = ?")
			.param(payment)
			.update();

		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reversal("RVL2026042100000012", payment, mst, List.of(Line.of("1701", 5_000_000)))))
			.andExpect(status().isAccepted());
		await().atMost(TIMEOUT).until(() -> recorded("RVL2026042100000012") == 1);
	}

	private static String reversal(String reference, String payment, String mst, List<Line> lines) {
		return DevBanks.confirmation(BANK, reference, mst, "2026-04-21", lines)
			.replace("\"status\":\"DEBITED\"", "\"status\":\"REVERSED\",\"reversalOf\":\"" + payment + "\"");
	}

	@Test
	void acceptsABankOverHttpOnlyAsItself() throws Exception {
		String mst = DevBanks.mst(7008);
		String own = DevBanks.confirmation(BANK, "HTTP2026042000000001", mst, "2026-04-20",
				List.of(Line.of("1701", 3_000_000)));
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(own))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.messageId").isNotEmpty())
			.andExpect(jsonPath("$.topic").value(PaymentRecording.CONFIRMATIONS_TOPIC));
		await().atMost(TIMEOUT).until(() -> recorded("HTTP2026042000000001") == 1);

		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank("01204001"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(own.replace("HTTP2026042000000001", "HTTP2026042000000002")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/bank-mismatch"));
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(own.replace("\"1701\"", "\"9999\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("unknown-sub-item"));
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(own))
			.andExpect(status().isForbidden());
		gateway.mvc().perform(get("/api/v1/payments/rejected").with(bank(BANK)))
			.andExpect(status().isForbidden());
	}

	@Test
	void redrivesARejectedMessageAfterCorrection() throws Exception {
		String mst = DevBanks.mst(7009);
		String reference = "RED2026042000000001";
		String wrong = DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 4_000_000)))
			.replace("\"treasuryCode\":\"0111\"", "\"treasuryCode\":\"01111\"");
		gateway.publishSigned(mst, wrong);
		awaitDeadLetter(reference, "invalid-field");
		long id = gateway.jdbc().sql("SELECT id FROM payment.rejected_message WHERE raw_value = ?")
			.param(wrong)
			.query(Long.class)
			.single();

		gateway.mvc()
			.perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(wrong))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("invalid-field"));
		String corrected = wrong.replace("\"treasuryCode\":\"01111\"", "\"treasuryCode\":\"0111\"");
		gateway.mvc()
			.perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(corrected))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.redrivenBy").value("national-officer"));
		await().atMost(TIMEOUT).until(() -> recorded(reference) == 1);
		gateway.mvc().perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer()))
			.andExpect(status().isConflict());
		JsonNode listed = JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/payments/rejected?size=200").with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8))
			.path("items")
			.valueStream()
			.filter((item) -> item.path("id").longValue() == id)
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("redrivenBy").stringValue()).isEqualTo("national-officer");
		assertThat(listed.path("redrivenAt").isString()).isTrue();
	}

	private long recorded(String reference) {
		return gateway.jdbc().sql("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	private static void publish(String key, String value, Map<String, String> headers) {
		gateway.publish(PaymentRecording.CONFIRMATIONS_TOPIC, key, value, headers);
	}
}
