package etax.declaration.submission;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The gateway's allocations, as it publishes them on {@code etax.payments.v1} through a real broker, show
 * a return as paid in its lifecycle: once, whatever the redeliveries, only when every item owes nothing,
 * and as owing again when a payment is reversed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class ReturnPaymentsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void aReturnIsPaidWhenItsItemOwesNothingOnceAndOwesAgainWhenThePaymentIsReversed() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode receipt = this.json.readTree(this.mvc
			.perform(post("/api/v1/returns").with(filer())
				.contentType(MediaType.APPLICATION_XML)
				.content(SampleReturns.forTaxpayer(mst)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String returnId = receipt.get("returnId").asString();
		String item = receipt.at("/payableItems/0/id").asString();
		long amount = receipt.at("/payableItems/0/amount").asLong();
		String settling = allocated(mst, item, "APPLIED", amount - 1_000_000, 0, true);

		publish(mst, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"PaymentRecorded\",\"version\":1}");
		publish(mst, allocated(mst, item, "APPLIED", 1_000_000, amount - 1_000_000, false));
		publish(mst, settling);
		publish(mst, settling);
		publish(mst, allocated(mst, "interest-" + item, "APPLIED", 500, 0, true));
		await().atMost(Duration.ofSeconds(30)).until(() -> types(returnId).contains("PAID"));
		publish(mst, allocated(mst, item, "REVERSED", 1_000_000, 1_000_000, false));
		await().atMost(Duration.ofSeconds(30)).until(() -> types(returnId).contains("PAYMENT_REVERSED"));

		assertThat(types(returnId)).containsExactly("RECEIVED", "ACCEPTED", "PAYABLE_ITEMS_CREATED", "PAID",
				"PAYMENT_REVERSED");
	}

	/**
	 * An allocation of a version not read, one without its figures and one of a time PostgreSQL cannot store are
	 * skipped: read as nothing owed, the second marked the return paid. Seen once a later allocation of the same
	 * taxpayer (the same partition) has marked another return paid.
	 */
	@Test
	void anAllocationNotReadAsVersionOneIsSkippedNotTakenForPaid() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode first = file(SampleReturns.forTaxpayer(mst));
		JsonNode second = file(SampleReturns.quarter(SampleReturns.forTaxpayer(mst), 4, 2025));
		String item = first.at("/payableItems/0/id").asString();
		long amount = first.at("/payableItems/0/amount").asLong();

		publish(mst, allocated(mst, item, "APPLIED", amount, 0, true).replace("\"version\":1", "\"version\":2"));
		publish(mst, allocated(mst, item, "APPLIED", amount, 0, true).replace("\"outstandingAfter\":0,", ""));
		publish(mst, allocated(mst, item, "APPLIED", amount, 0, true)
			.replace("2026-05-12T03:00:00Z", "+10000-01-01T00:00:00Z"));
		publish(mst, allocated(mst, second.at("/payableItems/0/id").asString(), "APPLIED",
				second.at("/payableItems/0/amount").asLong(), 0, true));
		String secondId = second.get("returnId").asString();
		await().atMost(Duration.ofSeconds(30)).until(() -> types(secondId).contains("PAID"));

		assertThat(types(first.get("returnId").asString())).doesNotContain("PAID");
	}

	private JsonNode file(String xml) throws Exception {
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/returns").with(filer()).contentType(MediaType.APPLICATION_XML).content(xml))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String allocated(String mst, String item, String kind, long amount, long outstandingAfter, boolean settled) {
		return """
				{"eventId":"%s","type":"PaymentAllocated","version":1,"mst":"%s","occurredAt":"2026-05-12T03:00:00Z",
				 "allocations":[{"payableItemId":"%s","kind":"%s","amount":%d,"postingId":"%s",
				 "outstandingAfter":%d,"settled":%b}],"credits":[]}
				""".formatted(UUID.randomUUID(), mst, item, kind, amount, UUID.randomUUID(), outstandingAfter, settled);
	}

	private void publish(String mst, String event) throws Exception {
		this.kafka.send("etax.payments.v1", mst, event).get();
	}

	private List<String> types(String returnId) throws Exception {
		JsonNode lifecycle = this.json.readTree(this.mvc.perform(get("/api/v1/returns/" + returnId + "/events").with(filer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		return lifecycle.findValuesAsString("type");
	}

}
