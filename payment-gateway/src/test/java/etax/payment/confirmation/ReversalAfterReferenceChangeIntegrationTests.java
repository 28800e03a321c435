package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.reference.ReferenceData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static etax.devstack.TestCallers.bank;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bank's reversal is judged by the payment it reverses, which was checked on its own date: not by reference data,
 * bank registration or tax years on the reversal's date, which may have moved on in between (a sub-item that ended,
 * a new year). Refused, it would be refused for ever, and the money would stay applied.
 */
@GatewayIntegrationTest
class ReversalAfterReferenceChangeIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	PaymentRecording recording;

	@Autowired
	ReferenceData reference;

	@Test
	void reversesAfterNewYearAPaymentForTheOldestTaxYearStillCollectable() throws Exception {
		String mst = DevBanks.mst(9211);
		// 2015 is ten years before 2025, the payment's year; eleven before 2026, the reversal's
		List<Line> lines = List.of(new Line("1701", "00/CN/2015", 1_000, null));
		String payment = "RRD2025123100000001";
		String reversal = reversal("RRD2026010500000001", payment, mst, "2026-01-05", lines);

		record(mst, DevBanks.confirmation(BANK, payment, mst, "2025-12-31", lines));
		record(mst, reversal);

		assertReversed(payment, "RRD2026010500000001");
		gateway.mvc()
			.perform(post("/api/v1/bank/confirmations").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reversal))
			.andExpect(status().isAccepted());
	}

	@Test
	void reversesAPaymentUnderASubItemThatEndedSince() {
		gateway.jdbc().sql("""
				INSERT INTO payment.economic_sub_item (code, name, valid_from, valid_to)
				VALUES ('1799', 'Tiểu mục đã hết hiệu lực (test)', '2017-01-01', '2025-12-31') ON CONFLICT DO NOTHING""")
			.update();
		// reference data is read again once a minute
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.reference.isKnownSubItem("1799", LocalDate.of(2025, 12, 31)));
		String mst = DevBanks.mst(9212);
		List<Line> lines = List.of(new Line("1799", "00/CN/2025", 2_000, null));
		String payment = "RRD2025123100000002";

		record(mst, DevBanks.confirmation(BANK, payment, mst, "2025-12-31", lines));
		record(mst, reversal("RRD2026010500000002", payment, mst, "2026-01-05", lines));

		assertReversed(payment, "RRD2026010500000002");
		// a payment under it now is refused as before
		record(mst, DevBanks.confirmation(BANK, "RRD2026010500000003", mst, "2026-01-05", lines));
		assertThat(reasons("RRD2026010500000003")).containsExactly("unknown-sub-item");
	}

	private void record(String mst, String value) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("reversal-reference-test", 0, System.nanoTime(), mst,
				value);
		record.headers().add(DevBanks.SIGNATURE, DevBanks.sign(BANK, value).getBytes(StandardCharsets.UTF_8));
		this.recording.record(List.of(record));
	}

	private void assertReversed(String payment, String reversal) {
		assertThat(reasons(payment)).isEmpty();
		assertThat(reasons(reversal)).isEmpty();
		assertThat(gateway.jdbc()
			.sql("SELECT reversal_of FROM payment.confirmation WHERE bank_reference = ? AND status = 'REVERSED'")
			.param(reversal)
			.query(String.class)
			.list()).containsExactly(payment);
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.treasury_posting WHERE bank_reference = ? AND direction = 'REVERSAL'")
			.param(reversal)
			.query(Long.class)
			.single()).as("the treasury is asked to take the line back").isOne();
	}

	private List<String> reasons(String reference) {
		return gateway.jdbc()
			.sql("SELECT reason FROM payment.rejected_message WHERE bank_reference = ?")
			.param(reference)
			.query(String.class)
			.list();
	}

}
