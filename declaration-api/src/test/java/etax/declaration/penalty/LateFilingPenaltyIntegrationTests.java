package etax.declaration.penalty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import etax.declaration.RegistryCalls;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.schemas.Samples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.filer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An officer decides the fine of a return filed late, once and within the band of its days late (Decree 125/2020
 * Art. 13); it becomes a payable item announced to the ledger. The sample 01/GTGT of Q1/2026 (due 4 May 2026, 22,000,000
 * VND of VAT) is filed more than 90 days late whenever these tests run.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class LateFilingPenaltyIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anOfficerFinesAReturnFiledLateOnceWithinItsBandAndTheLedgerHearsOfIt() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		String returnId = fileLate(mst);
		RequestPostProcessor officer = bearer(TokenIssuer.local().officer("99999"));

		invalid(decide(returnId, officer, 14_999_999, TODAY), "amount")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("15,000,000 to 22,000,000 VND")));
		invalid(decide(returnId, officer, 22_000_001, TODAY), "amount");
		invalid(decide(returnId, officer, 15_000_000, TODAY.plusDays(2)), "decidedOn");
		decide(returnId, bearer(TokenIssuer.local().officer("70129")), 15_000_000, TODAY).andExpect(status().isNotFound());
		decide(returnId, taxpayer(mst), 15_000_000, TODAY).andExpect(status().isForbidden());

		JsonNode fine = body(decide(returnId, officer, 15_000_000, TODAY).andExpect(status().isCreated()));
		assertThat(fine.get("deadline").asString()).isEqualTo("2026-05-04");
		assertThat(fine.get("daysLate").asLong()).isGreaterThan(90);
		assertThat(fine.at("/band/min").asLong()).isEqualTo(15_000_000);
		assertThat(fine.at("/band/max").asLong()).as("capped at the tax due").isEqualTo(22_000_000);
		assertThat(fine.get("subItem").asString()).isEqualTo("4254");
		assertThat(fine.get("taxPeriod").asString()).isEqualTo(
				String.format("%02d/%02d/%d", TODAY.getDayOfMonth(), TODAY.getMonthValue(), TODAY.getYear()));
		assertThat(LocalDate.parse(fine.get("dueDate").asString())).isAfterOrEqualTo(TODAY.plusDays(10));
		assertThat(fine.get("recordedBy").asString()).isEqualTo("officer-99999");

		decide(returnId, officer, 16_000_000, TODAY).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "penalty-exists"))
			.andExpect(jsonPath("$.payableItemId").value(fine.get("payableItemId").asString()));
		this.mvc.perform(get("/api/v1/returns/" + returnId + "/late-filing-penalty").with(filer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(15_000_000));
		this.mvc.perform(get("/api/v1/returns/" + returnId + "/late-filing-penalty")
			.with(bearer(TokenIssuer.local().officer("70129")))).andExpect(status().isNotFound());
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM filing.late_filing_penalty WHERE return_id = ?::uuid")
			.param(returnId)
			.update()).hasMessageContaining("append-only");

		String itemId = fine.get("payableItemId").asString();
		JsonNode event = this.json.readTree(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.payable-items.v1", (r) -> r.value().contains(itemId), 1, Duration.ofSeconds(20))
			.get(0)
			.value());
		assertThat(event.get("type").asString()).isEqualTo("PenaltyImposed");
		assertThat(event.get("mst").asString()).isEqualTo(mst);
		assertThat(event.get("amount").asLong()).isEqualTo(15_000_000);
		assertThat(event.get("subItem").asString()).isEqualTo("4254");
		assertThat(event.get("dueDate").asString()).isEqualTo(fine.get("dueDate").asString());
		assertThat(event.get("taxOfficeCode").asString()).isEqualTo("99999");
	}

	@Test
	void aHouseholdBusinessWithATenDigitMstIsHeldToHalfTheBand() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999", "757");
		String returnId = fileLate(mst);
		RequestPostProcessor officer = bearer(TokenIssuer.local().officer("99999"));

		invalid(decide(returnId, officer, 11_000_001, TODAY), "amount")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("7,500,000 to 11,000,000 VND")));
		JsonNode fine = body(decide(returnId, officer, 7_500_000, TODAY).andExpect(status().isCreated()));
		assertThat(fine.at("/band/min").asLong()).isEqualTo(7_500_000);
		assertThat(fine.at("/band/max").asLong()).as("half of an organisation's most, the tax due of 22 million")
			.isEqualTo(11_000_000);
	}

	/**
	 * Law 38/2019 Art. 137(1)(a): filing late is fined within two years of the filing. A Q1/2022 return received on
	 * 2 January 2023 could be fined until 2 January 2025, not today.
	 */
	@Test
	void aLateFilingIsFinedWithinTwoYearsOfTheFiling() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		String returnId = fileLate(mst, "2022");
		this.jdbc.sql("UPDATE filing.tax_return SET received_at = '2023-01-02T03:00:00Z' WHERE id = ?::uuid")
			.param(returnId)
			.update();
		RequestPostProcessor officer = bearer(TokenIssuer.local().officer("99999"));

		invalid(decide(returnId, officer, 15_000_000, TODAY), "decidedOn")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("by 2025-01-02")));
		decide(returnId, officer, 15_000_000, LocalDate.of(2025, 1, 2)).andExpect(status().isCreated());
	}

	/**
	 * A fine is the taxpayer's managing office's to decide: after a handover the office it left decides none on a
	 * return filed with it, and the office it went to does. An extension granted after the filing (an office may
	 * answer a request that reached it in time days later) holds the return to its deadline all the same.
	 */
	@Test
	void theManagingOfficeFinesAgainstAnExtensionGrantedAfterTheFiling() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		String returnId = fileLate(mst);
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions")
			.with(bearer(TokenIssuer.local().officer("99999")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"maTKhai\":\"842\",\"periodKind\":\"Q\",\"period\":\"1/2026\",\"reason\":\"EPIDEMIC\","
					+ "\"requestedOn\":\"2026-04-20\",\"deadline\":\"2026-06-03\"}"))
			.andExpect(status().isCreated());
		this.jdbc.sql("UPDATE filing.taxpayer SET tax_office_code = '70129' WHERE mst = ?").param(mst).update();

		decide(returnId, bearer(TokenIssuer.local().officer("99999")), 15_000_000, TODAY)
			.andExpect(status().isNotFound());
		JsonNode fine = body(decide(returnId, bearer(TokenIssuer.local().officer("70129")), 15_000_000, TODAY)
			.andExpect(status().isCreated()));
		assertThat(fine.get("deadline").asString()).isEqualTo("2026-06-03");
		assertThat(fine.get("recordedBy").asString()).isEqualTo("officer-70129");
		this.mvc.perform(get("/api/v1/returns/" + returnId + "/late-filing-penalty")
			.with(bearer(TokenIssuer.local().officer("70129")))).andExpect(status().isOk());
		String itemId = fine.get("payableItemId").asString();
		JsonNode event = this.json.readTree(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.payable-items.v1", (r) -> r.value().contains(itemId), 1, Duration.ofSeconds(20))
			.get(0)
			.value());
		assertThat(event.get("taxOfficeCode").asString()).as("the managing office's").isEqualTo("70129");
	}

	@Test
	void aReturnWithoutAFineAnswersNotFound() throws Exception {
		String returnId = fileLate(RegistryCalls.registered(this.mvc, "99999"));

		this.mvc.perform(get("/api/v1/returns/" + returnId + "/late-filing-penalty").with(filer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "penalty-not-found"));
	}

	private String fileLate(String mst) throws Exception {
		return fileLate(mst, "2026");
	}

	private String fileLate(String mst, String year) throws Exception {
		String xml = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<mst>0313829148</mst>", "<mst>" + mst + "</mst>")
			.replace("2026", year);
		return body(this.mvc.perform(post("/api/v1/returns").with(filer()).contentType(MediaType.APPLICATION_XML).content(xml))
			.andExpect(status().isCreated())).get("returnId").asString();
	}

	private ResultActions decide(String returnId, RequestPostProcessor caller, long amount, LocalDate decidedOn)
			throws Exception {
		return this.mvc.perform(post("/api/v1/returns/" + returnId + "/late-filing-penalty").with(caller)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decisionNumber\":\"789/QĐ-XPHC\",\"decidedOn\":\"" + decidedOn + "\",\"amount\":" + amount + "}"));
	}

	private static ResultActions invalid(ResultActions result, String field) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-penalty"))
			.andExpect(jsonPath("$.field").value(field));
	}

	private JsonNode body(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString());
	}

}
