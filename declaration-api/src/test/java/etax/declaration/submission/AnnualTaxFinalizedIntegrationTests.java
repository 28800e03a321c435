package etax.declaration.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.citFinalization;
import static etax.declaration.submission.GeneratedReturns.indicator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An accepted 03/TNDN of a calendar year announces the year's business CIT (E1 + E5, sub-item 1052) and the rule
 * its provisional payments are judged by on {@code etax.payable-items.v1}, beside its payable items: from 2022 the
 * four quarters, 80 % of the year's tax, by the fourth quarter's provisional deadline (30 January of the next year);
 * other returns announce no year's tax. 30 January 2026 is a Friday and no holiday; 30 January 2025 is in Tết
 * (25 January to 2 February in the holiday calendar), so 2024's deadline is Monday 3 February 2025.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class AnnualTaxFinalizedIntegrationTests {

	private static final String TOPIC = "etax.payable-items.v1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private FilingCalls filing;

	@BeforeEach
	void calls() {
		this.filing = new FilingCalls(this.mvc, this.json);
	}

	@Test
	void anAccepted03TndnAnnouncesTheYearsBusinessCitAndTheFourthQuartersDeadline() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = finalization(mst, 2025);

		JsonNode receipt = this.filing.file(xml);
		String returnId = receipt.get("returnId").asString();

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		JsonNode event = annualTax(mst, returnId);
		assertThat(event.get("eventId").asString()).hasSize(36);
		assertThat(event.get("version").asInt()).isEqualTo(1);
		assertThat(Instant.parse(event.get("occurredAt").asString())).as("accepted on receipt")
			.isEqualTo(Instant.parse(receipt.get("receivedAt").asString()));
		assertThat(event.get("transactionCode").asString()).isEqualTo(receipt.get("transactionCode").asString());
		assertThat(event.get("mst").asString()).isEqualTo(mst);
		assertThat(event.get("chapter").asString()).isEqualTo("754");
		assertThat(event.get("subItem").asString()).isEqualTo("1052");
		assertThat(event.get("taxYear").isInt()).isTrue();
		assertThat(event.get("taxYear").asInt()).isEqualTo(2025);
		assertThat(event.get("taxPeriod").asString()).isEqualTo("00/CN/2025");
		assertThat(event.get("annualTax").isIntegralNumber()).isTrue();
		assertThat(event.get("annualTax").asLong()).as("E1 + E5 of the return")
			.isEqualTo(Long.parseLong(indicator(xml, "ctE1")) + Long.parseLong(indicator(xml, "ctE5")));
		assertThat(event.get("provisionalDeadline").asString()).isEqualTo("2026-01-30");
		assertThat(event.get("provisionalQuarters").asInt()).isEqualTo(4);
		assertThat(event.get("requiredPercent").asInt()).isEqualTo(80);
		assertThat(event.get("taxOfficeCode").asString()).isEqualTo("99999");
		assertThat(event.propertyNames()).containsExactlyInAnyOrder("eventId", "type", "version", "occurredAt",
				"returnId", "transactionCode", "mst", "chapter", "subItem", "taxYear", "taxPeriod", "annualTax",
				"provisionalDeadline", "provisionalQuarters", "requiredPercent", "taxOfficeCode");
	}

	@Test
	void aDeadlineInTetMovesToTheNextWorkingDay() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");

		JsonNode receipt = this.filing.file(finalization(mst, 2024));

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		JsonNode event = annualTax(mst, receipt.get("returnId").asString());
		assertThat(event.get("taxYear").asInt()).isEqualTo(2024);
		assertThat(event.get("provisionalDeadline").asString()).isEqualTo("2025-02-03");
		assertThat(event.get("provisionalQuarters").asInt()).isEqualTo(4);
		assertThat(event.get("requiredPercent").asInt()).isEqualTo(80);
	}

	@Test
	void anotherFormAnnouncesItsPayableItemsOnly() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");

		String returnId = this.filing.file(SampleReturns.forTaxpayer(mst)).get("returnId").asString();

		List<ConsumerRecord<String, String>> events = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				TOPIC, (record) -> record.value().contains(returnId), 1, Duration.ofSeconds(20));
		assertThat(events).extracting((record) -> this.json.readTree(record.value()).get("type").asString())
			.containsExactly("PayableItemCreated");
	}

	/**
	 * A generated original 03/TNDN of a calendar year with business CIT in both E1 and E5, filed by the taxpayer
	 * with the office that manages it.
	 */
	private static String finalization(String mst, int year) {
		return citFinalization(mst, year, (candidate) -> Long.parseLong(indicator(candidate, "ctE1")) > 0
				&& Long.parseLong(indicator(candidate, "ctE5")) > 0);
	}

	/** The one AnnualTaxFinalized of a return, as the ledger reads it, keyed by the taxpayer's MST. */
	private JsonNode annualTax(String mst, String returnId) {
		List<ConsumerRecord<String, String>> events = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				TOPIC, (record) -> record.value().contains(returnId) && record.value().contains("\"AnnualTaxFinalized\""),
				1, Duration.ofSeconds(20));
		assertThat(events).singleElement().satisfies((record) -> assertThat(record.key()).isEqualTo(mst));
		JsonNode event = this.json.readTree(events.get(0).value());
		assertThat(event.get("type").asString()).isEqualTo("AnnualTaxFinalized");
		assertThat(event.get("returnId").asString()).isEqualTo(returnId);
		return event;
	}


}
