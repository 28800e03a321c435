package etax.payment.confirmation;

import java.util.List;
import java.util.Map;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static etax.devstack.TestCallers.bank;
import static etax.devstack.TestCallers.officer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.awaitDeadLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An officer's re-drive of a rejected message, as testing found it: a "corrected" body
 * could confirm for any bank, payer and amount, signed with the gateway's intake key and shown as the
 * bank's own. A correction now keeps who sent the message and what it says was paid, a message that does
 * not state them is not corrected, and what a re-drive records says so to officers and to the bank.
 */
@GatewayIntegrationTest
class OfficerRedriveIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void aCorrectionCannotFabricateAnotherBanksPaymentOfAnotherPayerAndAmount() throws Exception {
		String mst = DevBanks.mst(9601);
		String victim = DevBanks.mst(9602);
		String reference = "FAB2026042000000001";
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 5_000_000))));
		await().atMost(TIMEOUT).until(() -> recorded(BANK, reference) == 1);
		String second = DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 6_000_000)));
		gateway.publishSigned(mst, second);
		awaitDeadLetter(reference, "conflict");
		long id = rejectionId(second);

		String forged = DevBanks.confirmation("79310001", "FAB2026042000000099", victim, "2026-04-21",
				List.of(Line.of("1701", 500_000_000)));
		redrive(id, forged).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/redrive-changes-payment"))
			.andExpect(jsonPath("$.changed").value(Matchers.hasItems("bankCode", "bankReference", "payerMst", "amount",
					"paymentDate", "lines[0].amount")))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("of bank " + BANK)));
		// the same payment, but another bank's
		redrive(id, second.replace("\"bankCode\":\"" + BANK + "\"", "\"bankCode\":\"79310001\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.changed").value(Matchers.contains("bankCode")));

		assertThat(recorded("79310001", "FAB2026042000000099")).isZero();
		assertThat(gateway.jdbc().sql("SELECT redriven_at IS NULL FROM payment.rejected_message WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).as("still waiting for a re-drive").isTrue();
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.ledger_line WHERE mst = ?")
			.param(victim)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCorrectedMessageIsRecordedAsTheOfficersRedriveOfTheBanksMessage() throws Exception {
		String mst = DevBanks.mst(9603);
		String reference = "FIX2026042000000001";
		String wrong = DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 3_000_000)))
			.replace("\"treasuryCode\":\"0111\"", "\"treasuryCode\":\"01111\"");
		gateway.publishSigned(mst, wrong);
		awaitDeadLetter(reference, "invalid-field");
		long id = rejectionId(wrong);
		String own = DevBanks.confirmation(BANK, "FIX2026042000000002", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000_000)));
		gateway.publishSigned(mst, own);

		String mended = wrong.replace("\"treasuryCode\":\"01111\"", "\"treasuryCode\":\"0111\"");
		redrive(id, mended.replace("\"subItem\":\"1701\"", "\"subItem\":\"1052\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.changed").value(Matchers.contains("lines[0].subItem")));
		redrive(id, mended).andExpect(status().isAccepted()).andExpect(jsonPath("$.redrivenBy").value("national-officer"));
		await().atMost(TIMEOUT).until(() -> recorded(BANK, reference) == 1 && recorded(BANK, "FIX2026042000000002") == 1);

		gateway.mvc().perform(get("/api/v1/payments/confirmations/" + BANK + "/" + reference).with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.origin").value("OFFICER_REDRIVE"))
			.andExpect(jsonPath("$.redrive.rejectionId").value(id))
			.andExpect(jsonPath("$.redrive.redrivenBy").value("national-officer"))
			.andExpect(jsonPath("$.redrive.redrivenAt").isString());
		gateway.mvc().perform(get("/api/v1/payments/confirmations/" + BANK + "/FIX2026042000000002").with(officer()))
			.andExpect(jsonPath("$.origin").value("BANK"))
			.andExpect(jsonPath("$.redrive").doesNotExist());
		// the bank learns the tax authority re-drove it, not who: it is not shown as the message the bank sent
		gateway.mvc().perform(get("/api/v1/bank/confirmations/" + reference).with(bank(BANK)))
			.andExpect(jsonPath("$.state").value("RECORDED"))
			.andExpect(jsonPath("$.recorded.origin").value("REDRIVEN_BY_TAX_AUTHORITY"))
			.andExpect(content().string(Matchers.not(Matchers.containsString("national-officer"))));
		gateway.mvc().perform(get("/api/v1/bank/confirmations/FIX2026042000000002").with(bank(BANK)))
			.andExpect(jsonPath("$.recorded.origin").value("BANK"));
	}

	@Test
	void aMessageThatDoesNotSayWhatWasPaidIsNotCorrected() throws Exception {
		String mst = DevBanks.mst(9604);
		String reference = "UNR2026042000000001";
		String broken = "{\"version\":1,\"bankCode\":\"" + BANK + "\",\"bankReference\":\"" + reference + "\",";
		gateway.publishSigned(mst, broken);
		awaitDeadLetter(reference, "malformed-json");
		long id = rejectionId(broken);

		redrive(id, DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 9_000_000))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/not-redrivable"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("cannot be corrected")));
		// as it was, it is checked again (and refused again) like any message
		gateway.mvc().perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("malformed-json"));
		assertThat(recorded(BANK, reference)).isZero();
	}

	/**
	 * Bank 01202001 signed 79310001's confirmation under a record key that is not the payer's;
	 * kept as a {@code key-mismatch} of 01202001's, it was re-driven with only its bank changed, and the payment
	 * 79310001 confirmed itself was recorded a second time, as 01202001's.
	 */
	@Test
	void aMessageOneBankSignedForAnotherIsNeverRedrivenAsTheSignersOwn() throws Exception {
		String mst = DevBanks.mst(9605);
		String reference = "ANB2026042000000001";
		String other = "79310001";
		String forOther = DevBanks.confirmation(other, reference, mst + "-001", "2026-04-20",
				List.of(Line.of("1701", 2_000_000)));
		gateway.publish(PaymentRecording.CONFIRMATIONS_TOPIC, mst + "001", forOther,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, forOther)));
		awaitDeadLetter(reference, "signature-invalid");
		long id = rejectionId(forOther);
		gateway.publish(PaymentRecording.CONFIRMATIONS_TOPIC, mst + "-001", forOther,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(other, forOther)));
		await().atMost(TIMEOUT).until(() -> recorded(other, reference) == 1);

		gateway.mvc().perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/not-redrivable"));
		redrive(id, asSigners(forOther, other)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/not-redrivable"));

		assertThat(recorded(BANK, reference)).isZero();
	}

	/**
	 * A rejection kept before the signature was judged first: bank 01202001's message for 79310001, refused for its
	 * record key. Its bank is what it says, so it is not corrected into 01202001's.
	 */
	@Test
	void aRejectionOfAMessageForAnotherBankKeptForAnotherRuleIsNotCorrectedIntoTheSignersOwn() throws Exception {
		String mst = DevBanks.mst(9606);
		String reference = "ANB2026042000000002";
		String forOther = DevBanks.confirmation("79310001", reference, mst + "-001", "2026-04-20",
				List.of(Line.of("1701", 2_000_000)));
		long id = gateway.jdbc().sql("""
				INSERT INTO payment.rejected_message (kafka_topic, kafka_partition, kafka_offset, entry_index,
				    message_key, raw_value, reason, detail, received_at, recording_id, signer_bank_code)
				VALUES ('bank.payment-confirmations.v1.before', 0, ?, 0, ?, ?, 'key-mismatch',
				    'record key must be the payer MST', now(), gen_random_uuid(), ?)
				RETURNING id""")
			.params(System.nanoTime(), mst + "001", forOther, BANK)
			.query(Long.class)
			.single();

		redrive(id, asSigners(forOther, "79310001")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/not-redrivable"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("another bank")));
		gateway.mvc().perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer()))
			.andExpect(status().isConflict());

		assertThat(recorded(BANK, reference)).isZero();
		assertThat(gateway.jdbc().sql("SELECT redriven_at IS NULL FROM payment.rejected_message WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	/** The message with only its bank changed to the signer's. */
	private static String asSigners(String message, String bankCode) {
		return message.replace("\"bankCode\":\"" + bankCode + "\"", "\"bankCode\":\"" + BANK + "\"");
	}

	private ResultActions redrive(long id, String corrected) throws Exception {
		return gateway.mvc().perform(post("/api/v1/payments/rejected/" + id + ":redrive").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(corrected));
	}

	private long rejectionId(String value) {
		return gateway.jdbc().sql("SELECT id FROM payment.rejected_message WHERE raw_value = ?")
			.param(value)
			.query(Long.class)
			.single();
	}

	private long recorded(String bankCode, String reference) {
		return gateway.jdbc().sql("SELECT count(*) FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ?")
			.params(bankCode, reference)
			.query(Long.class)
			.single();
	}
}
