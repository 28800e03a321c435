package etax.payment.arrears;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices of tax arrears and late-payment interest (07/QLN): a month's notice tells a taxpayer what it owed at the
 * month's end on items already overdue, with the interest booked; once per taxpayer and month, announced on
 * {@code etax.notices.v1}; issued by national officers on demand as by the monthly schedule. Taxpayers 8871–8872.
 */
@GatewayIntegrationTest
class ArrearsNoticesIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void aMonthsNoticeListsWhatWasOverdueAndUnpaidAtItsEndOnceForEachTaxpayer() throws Exception {
		String mst = DevBanks.mst(8871);
		String overdue = UUID.randomUUID().toString();
		gateway.publishItem(mst, overdue, 10_000_000, "2026-05-04");
		gateway.publishItem(mst, UUID.randomUUID().toString(), 5_000_000, "2026-06-30"); // not due by the month's end
		gateway.reads().awaitOutstanding(overdue, 10_000_000);
		gateway.pay(mst, "ARR2026051000008871", "2026-05-10", List.of(Line.naming(overdue, "1701", 4_000_000)));
		gateway.reads().awaitOutstanding(overdue, 6_000_000);
		for (String day : List.of("2026-05-05", "2026-06-01")) { // June's interest is no arrears of May
			gateway.publish("etax.assessments.v1", mst, """
					{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-05-06T01:00:00Z",\
					"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
					"amount":3000,"assessedFor":"%s","dueDate":"%s"}""".formatted(
					UUID.nameUUIDFromBytes((overdue + day).getBytes(StandardCharsets.UTF_8)), overdue, mst, day, day), Map.of());
		}
		String settled = DevBanks.mst(8872);
		String paid = UUID.randomUUID().toString();
		gateway.publishItem(settled, paid, 1_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(paid, 1_000_000);
		gateway.pay(settled, "ARR2026050400008872", "2026-05-04", List.of(Line.naming(paid, "1701", 1_000_000)));
		gateway.reads().awaitOutstanding(paid, 0);
		await()
			.atMost(GatewayFixture.TIMEOUT)
			.until(() -> gateway.jdbc()
				.sql("SELECT count(*) FROM payment.obligation WHERE kind = 'INTEREST' AND base_item_id = ?")
				.param(overdue)
				.query(Long.class)
				.single() == 2);

		assertThat(issue("2026-05", officer()).path("issued").asInt()).isPositive();

		JsonNode notice = single(notices(mst));
		assertThat(notice.path("month").asString()).isEqualTo("2026-05");
		assertThat(notice.path("asOf").asString()).isEqualTo("2026-05-31");
		assertThat(notice.path("items").valueStream()
			.map((item) -> String.join(" ", item.path("payableItemId").asString().equals(overdue) ? "the item" : "interest",
					item.path("kind").asString(), item.path("subItem").asString(), item.path("dueDate").asString(),
					item.path("outstanding").asString(), item.path("daysOverdue").asString())))
			.containsExactly("the item TAX 1701 2026-05-04 6000000 27", "interest INTEREST 4931 2026-05-05 3000 26");
		assertThat(notice.path("totalTax").asLong()).isEqualTo(6_000_000);
		assertThat(notice.path("totalInterest").asLong()).isEqualTo(3_000);
		assertThat(notices(settled)).as("nothing overdue").isEmpty();

		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.arrears_month WHERE month = '2026-05'")
			.query(Long.class)
			.single()).as("the month done: the next mornings leave it").isOne();
		// issued again: nothing new for the taxpayer, the same notice
		issue("2026-05", officer());
		assertThat(single(notices(mst))).isEqualTo(notice);

		List<ConsumerRecord<String, String>> announced = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.notices.v1", (record) -> mst.equals(record.key()), 1, Duration.ofSeconds(20));
		JsonNode event = GatewayFixture.JSON.readTree(announced.get(0).value());
		assertThat(event.path("type").asString()).isEqualTo("ArrearsNotified");
		// what declaration-api reads to pass the notice to the taxpayer's webhooks
		assertThat(event.path("mst").asString()).isEqualTo(mst);
		assertThat(event.path("eventId").asString()).isEqualTo(notice.path("noticeId").asString());
		assertThat(Instant.parse(event.path("occurredAt").asString())).isNotNull();
		assertThat(event.path("noticeId").asString()).isEqualTo(notice.path("noticeId").asString());
		assertThat(event.path("totalTax").asLong()).isEqualTo(6_000_000);
		assertThat(event.path("part").asInt()).isOne();
		assertThat(event.path("parts").asInt()).isOne();
	}

	@Test
	void onlyANationalOfficerIssuesAMonthThatIsOverAndATaxpayerReadsOnlyItsOwn() throws Exception {
		gateway.mvc()
			.perform(post("/api/v1/arrears-notices").param("month", "2026-05")
				.with(bearer(TokenIssuer.local().officer("10100"))))
			.andExpect(status().isForbidden());
		gateway.mvc()
			.perform(post("/api/v1/arrears-notices").param("month", "2999-01").with(officer()))
			.andExpect(status().isBadRequest());
		gateway.mvc()
			.perform(post("/api/v1/arrears-notices").param("month", "May 2026").with(officer()))
			.andExpect(status().isBadRequest());
		gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + DevBanks.mst(8871) + "/arrears-notices").with(taxpayer(DevBanks.mst(8872))))
			.andExpect(status().isNotFound());
	}

	private static JsonNode issue(String month, RequestPostProcessor caller) throws Exception {
		return GatewayFixture.JSON.readTree(gateway.mvc()
			.perform(post("/api/v1/arrears-notices").param("month", month).with(caller))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static JsonNode notices(String mst) throws Exception {
		return GatewayFixture.JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/arrears-notices").with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static JsonNode single(JsonNode notices) {
		assertThat(notices.size()).isOne();
		return notices.get(0);
	}

}
