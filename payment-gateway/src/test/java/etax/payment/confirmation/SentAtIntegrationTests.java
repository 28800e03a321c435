package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static etax.devstack.TestCallers.bank;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.awaitDeadLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bank's send time ({@code sentAt}) is for the end-to-end latency: one later than the receipt beyond a
 * bank's clock a little ahead is refused as {@code implausible-date}, so is one more than a week before the payment
 * date, or a payment date before 2000 (a value PostgreSQL may not hold must never reach it), and the latency timer
 * never gets a negative sample.
 */
@GatewayIntegrationTest
class SentAtIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	MeterRegistry meters;

	@Autowired
	PaymentRecording recording;

	@Test
	void refusesASendTimeLaterThanTheReceiptAtTheIntakeAndOnTheTopic() throws Exception {
		String mst = DevBanks.mst(9711);
		String years = sentAt(DevBanks.confirmation(BANK, "SNT2026042000000001", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000))), "2030-01-01T00:00:00+07:00");
		String minutes = sentAt(DevBanks.confirmation(BANK, "SNT2026042000000002", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000))), inVietnam(OffsetDateTime.now().plusMinutes(20)));

		intake(years).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("implausible-date"))
			.andExpect(jsonPath("$.detail").value(containsString("sentAt")));
		intake(minutes).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("implausible-date"));
		gateway.publishSigned(mst, years);
		awaitDeadLetter("SNT2026042000000001", "implausible-date");
		assertThat(recorded("SNT2026042000000001")).isZero();
	}

	@Test
	void recordsASendTimeALittleAheadWithoutANegativeLatency() throws Exception {
		String mst = DevBanks.mst(9712);
		String reference = "SNT2026042000000003";
		// the bank's clock two minutes ahead: within the tolerance, so the debit is recorded, but there is no
		// latency to measure
		String ahead = sentAt(DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 1_000))),
				inVietnam(OffsetDateTime.now().plusMinutes(2)));
		double unmeasured = this.meters.get("etax.payment.confirmation.latency.unmeasured").counter().count();

		intake(ahead).andExpect(status().isAccepted());

		await().atMost(TIMEOUT).until(() -> recorded(reference) == 1);
		// counted apart, not given to the timer (which would drop a negative sample and log a warning)
		await().atMost(TIMEOUT)
			.until(() -> this.meters.get("etax.payment.confirmation.latency.unmeasured").counter().count() >= unmeasured + 1);
	}

	@Test
	void refusesSendTimesAndPaymentDatesBeforeAnyPaymentWithoutStoppingThePoll() {
		String mst = DevBanks.mst(9719);
		List<Line> lines = List.of(Line.of("1701", 1_000));
		String payment = DevBanks.confirmation(BANK, "SNT2026042000000010", mst, "2026-04-20", lines);
		// java.time reads every one of these; PostgreSQL holds none of the first two, and the poll would fail for ever
		String ancient = sentAt(DevBanks.confirmation(BANK, "SNT2026042000000011", mst, "2026-04-20", lines),
				"-5000-01-01T00:00:00Z");
		String yearZero = sentAt(DevBanks.confirmation(BANK, "SNT2026042000000012", mst, "2026-04-20", lines),
				"0000-01-01T00:00:00Z");
		String weekEarly = sentAt(DevBanks.confirmation(BANK, "SNT2026042000000013", mst, "2026-04-20", lines),
				"2026-04-12T23:59:59+07:00");
		String camt054 = Camt054.notification(BANK, mst, Camt054.entry("SNT2026042000000014", "BOOK", false, null, "1701",
				1_000)).replace("2026-04-20T09:30:00+07:00", "0000-01-01T00:00:00Z");
		// a reversal is judged by its payment, not by reference data on its date: its own date is checked all the same
		String reversal = GatewayFixture.reversal("SNT2026042000000015", "SNT2026042000000010", mst, "2026-04-20", lines)
			.replace("\"paymentDate\":\"2026-04-20\"", "\"paymentDate\":\"-5000-01-01\"");
		String sixDaysEarly = sentAt(DevBanks.confirmation(BANK, "SNT2026042000000016", mst, "2026-04-20", lines),
				"2026-04-14T00:00:00+07:00");
		long offset = System.nanoTime();

		this.recording.record(List.of(record(mst, payment, "application/json", offset),
				record(mst, ancient, "application/json", offset + 1), record(mst, yearZero, "application/json", offset + 2),
				record(mst, weekEarly, "application/json", offset + 3), record(mst, camt054, "application/xml", offset + 4),
				record(mst, reversal, "application/json", offset + 5),
				record(mst, sixDaysEarly, "application/json", offset + 6)));

		assertThat(recorded("SNT2026042000000010")).isOne();
		assertThat(recorded("SNT2026042000000016")).as("a bank's clock behind, within a week").isOne();
		for (String refused : List.of("SNT2026042000000011", "SNT2026042000000012", "SNT2026042000000013",
				"SNT2026042000000014", "SNT2026042000000015")) {
			assertThat(recorded(refused)).isZero();
			assertThat(gateway.jdbc()
				.sql("SELECT reason FROM payment.rejected_message WHERE bank_reference = ?")
				.param(refused)
				.query(String.class)
				.list()).as(refused).containsExactly("implausible-date");
		}
	}

	private static ConsumerRecord<String, String> record(String mst, String value, String contentType, long offset) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("sent-at-test", 0, offset, mst, value);
		record.headers().add(DevBanks.SIGNATURE, DevBanks.sign(BANK, value).getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageReader.CONTENT_TYPE, contentType.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private ResultActions intake(String value) throws Exception {
		return gateway.mvc().perform(post("/api/v1/bank/confirmations").with(bank(BANK))
			.contentType(MediaType.APPLICATION_JSON)
			.content(value));
	}

	private static String sentAt(String confirmation, String sentAt) {
		return confirmation.replaceFirst("\"sentAt\":\"[^\"]*\"", "\"sentAt\":\"" + sentAt + "\"");
	}

	private static String inVietnam(OffsetDateTime time) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(time.withOffsetSameInstant(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS));
	}

	private long recorded(String reference) {
		return gateway.jdbc().sql("SELECT count(*) FROM payment.confirmation WHERE bank_reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}
}
