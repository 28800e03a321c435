package etax.payment.confirmation;

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
 * bank's clock a little ahead is refused as {@code implausible-date}, and the latency timer never gets a
 * negative sample.
 */
@GatewayIntegrationTest
class SentAtIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	MeterRegistry meters;

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
