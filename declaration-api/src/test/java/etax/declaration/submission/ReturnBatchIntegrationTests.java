package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The batch-of-returns endpoint batch-processor files bulk submissions through: each item answered as the
 * same return filed alone by the agent the request names (authority, rules, idempotency scoped to the
 * agent, notices), and only the configured service may call it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class ReturnBatchIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void filesEachItemAsTheAgentWouldAloneAndReplaysTheReceiptsOfItsKeys() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String client = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String monthlyClient = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String stranger = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		for (String taxpayer : List.of(client, monthlyClient)) {
			this.jdbc.sql("""
					INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
					VALUES (?, ?, ?, DATE '2026-01-01')
					""").params(agent, taxpayer, "HD-" + taxpayer).update();
		}
		Map<String, Object> request = request(agent, List.of(SampleReturns.withAgent(SampleReturns.forTaxpayer(client), agent),
				SampleReturns.withAgent(SampleReturns.forTaxpayer(monthlyClient), agent),
				SampleReturns.withAgent(SampleReturns.forTaxpayer(stranger), agent),
				SampleReturns.forTaxpayer(client).replace("</CTieuTKhaiChinh>", ""),
				SampleReturns.forTaxpayer(client).replace("<ct22>12000000</ct22>", "<ct22>abc</ct22>")));

		JsonNode items = file(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
			.transform(this.json::readTree)
			.get("items");

		assertThat(items.valueStream().map((item) -> item.get("status").asInt())).containsExactly(201, 201, 403, 400, 422);
		assertThat(items.at("/0/receipt/status").asString()).isEqualTo("ACCEPTED");
		assertThat(items.at("/0/taxOfficeCode").asString()).isEqualTo("99999");
		assertThat(items.at("/1/receipt/status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(items.at("/1/receipt/findings").valueStream().map((finding) -> finding.get("ruleId").asString()))
			.contains("CTX-PER-03");
		assertThat(items.at("/2/problem/type").asString()).isEqualTo(PROBLEMS + "filer-not-authorized");
		assertThat(items.at("/3/problem/type").asString()).isEqualTo(PROBLEMS + "malformed-xml");
		assertThat(items.at("/3/problem/reason").asString()).isEqualTo("NOT_WELL_FORMED");
		assertThat(items.at("/4/problem/type").asString()).isEqualTo(PROBLEMS + "schema-violation");
		assertThat(items.at("/4/problem/findings/0/category").asString()).isEqualTo("XML_ERROR");
		String transactionCode = items.at("/0/receipt/transactionCode").asString();
		assertThat(this.jdbc.sql("SELECT filed_by FROM filing.tax_return WHERE transaction_code = ?")
			.param(transactionCode)
			.query(String.class)
			.single()).isEqualTo("agent-" + agent);
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.notices.v1",
				(record) -> record.value().contains(transactionCode), 1, Duration.ofSeconds(20)))
			.as("the item's acceptance notice, as for a single filing")
			.hasSize(1);

		JsonNode again = file(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
			.transform(this.json::readTree)
			.get("items");

		assertThat(again.valueStream().map((item) -> item.get("status").asInt())).containsExactly(200, 200, 403, 400, 422);
		assertThat(again.at("/0/receipt/transactionCode").asString()).isEqualTo(transactionCode);
		assertThat(returnsOf(client)).isOne();
		assertThat(returnsOf(stranger)).isZero();
		this.mvc.perform(get("/api/v1/receipts").param("idempotencyKey", "bulk-test-" + agent + "-1")
			.with(bearer(TOKENS.agent(agent))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.transactionCode").value(transactionCode));
		this.mvc.perform(get("/api/v1/receipts").param("idempotencyKey", "bulk-test-" + agent + "-1")
			.with(bearer(TOKENS.tvan("another-tvan"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void decidesTheItemsOfARequestInOrderEachAfterTheOnesBeforeIt() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String client = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		this.jdbc.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
				VALUES (?, ?, ?, DATE '2026-01-01')
				""").params(agent, client, "HD-" + client).update();
		String original = SampleReturns.withAgent(SampleReturns.forTaxpayer(client), agent);
		String corrected = SampleReturns.supplement(original, 1);
		corrected = SampleReturns.with(corrected, "ct25", "45000000");
		corrected = SampleReturns.with(corrected, "ct36", "37000000");
		corrected = SampleReturns.with(corrected, "ct40a", "25000000");
		corrected = SampleReturns.with(corrected, "ct40", "25000000");
		corrected = SampleReturns.explaining(corrected, "40", 22_000_000, 25_000_000);
		String secondOriginal = SampleReturns.with(original, "nguoiKy", "TRẦN THỊ B");

		JsonNode items = file(request(agent, List.of(original, corrected, secondOriginal, original)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
			.transform(this.json::readTree)
			.get("items");

		assertThat(items.valueStream().map((item) -> item.get("status").asInt()))
			.as("the same content again, under another key, is the first item's receipt replayed")
			.containsExactly(201, 201, 201, 200);
		assertThat(items.at("/0/receipt/status").asString()).isEqualTo("ACCEPTED");
		assertThat(items.at("/1/receipt/status").asString()).as("the supplement sees the original before it")
			.isEqualTo("ACCEPTED");
		assertThat(items.at("/1/receipt/payableItems/0/amount").asLong()).isEqualTo(3_000_000L);
		assertThat(items.at("/2/receipt/status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(items.at("/2/receipt/findings").valueStream().map((finding) -> finding.get("ruleId").asString()))
			.contains("CTX-DUP-01");
		assertThat(items.at("/3/receipt/transactionCode").asString())
			.isEqualTo(items.at("/0/receipt/transactionCode").asString());
		assertThat(returnsOf(client)).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT type FROM filing.return_event WHERE return_id = ?::uuid ORDER BY id")
			.param(items.at("/0/receipt/returnId").asString())
			.query(String.class)
			.list()).containsExactly("RECEIVED", "ACCEPTED", "PAYABLE_ITEMS_CREATED", "SUPERSEDED");
	}

	@Test
	void onlyTheConfiguredServiceFilesBatchesAndOnlyForAgentsAndTvans() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		byte[] body = this.json.writeValueAsBytes(request(agent, List.of(SampleReturns.valid())));

		for (String token : List.of(TOKENS.agent(agent), TOKENS.tvan("a-tvan"), TOKENS.nationalOfficer(),
				TOKENS.service("another-service"))) {
			this.mvc.perform(post("/api/v1/returns:batch").with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
				.content(body)).andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
		}
		this.mvc.perform(post("/api/v1/returns").with(bearer(TOKENS.service("batch-processor")))
			.contentType(MediaType.APPLICATION_XML)
			.content(SampleReturns.valid().getBytes(StandardCharsets.UTF_8))).andExpect(status().isForbidden());
		file(Map.of("filer", Map.of("subject", "taxpayer-" + agent, "role", "TAXPAYER", "mst", agent), "items",
				List.of(Map.of("idempotencyKey", "k", "xml", SampleReturns.valid().getBytes(StandardCharsets.UTF_8)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-return-batch"));
		file(Map.of("filer", Map.of("subject", "agent-" + agent, "role", "AGENT"), "items", List.of()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-return-batch"));
		file(Map.of("filer", Map.of("subject", "agent-" + agent, "role", "AGENT"), "items",
				List.of(Map.of("idempotencyKey", "k", "xml", "not base64!"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-return-batch"))
			.andExpect(jsonPath("$.detail").value(
					"The body is not a batch of returns: items[0].xml is missing, null or not of the expected type."));
		this.mvc.perform(post("/api/v1/returns:batch").with(bearer(TOKENS.service("batch-processor")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("null")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-return-batch"));
		// a million empty items in 3 MB: refused at the 501st, none of the others bound
		String manyEmpty = "{\"filer\":{\"subject\":\"agent-" + agent + "\",\"role\":\"AGENT\"},\"items\":["
				+ String.join(",", Collections.nCopies(1_000_000, "{}")) + "]}";
		this.mvc.perform(post("/api/v1/returns:batch").with(bearer(TOKENS.service("batch-processor")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(manyEmpty)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-return-batch"))
			.andExpect(jsonPath("$.detail").value("A batch request holds 1 to 500 returns."));
		for (String notABatch : List.of("{\"items\":[],\"items\":[]}", "{\"items\":{}}", "{\"items\":[{}]} {}",
				"{\"items\":[")) {
			this.mvc.perform(post("/api/v1/returns:batch").with(bearer(TOKENS.service("batch-processor")))
				.contentType(MediaType.APPLICATION_JSON)
				.content(notABatch)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-return-batch"));
		}
		// a NUL the database cannot take in a lock's key: refused, not a 500 that every retry meets again
		file(Map.of("filer", Map.of("subject", "agent-" + agent, "role", "AGENT"), "items",
				List.of(Map.of("idempotencyKey", "k\u0000", "xml", SampleReturns.valid().getBytes(StandardCharsets.UTF_8)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-return-batch"));
		file(Map.of("filer", Map.of("subject", "agent-\u0000" + agent, "role", "AGENT"), "items",
				List.of(Map.of("idempotencyKey", "k", "xml", SampleReturns.valid().getBytes(StandardCharsets.UTF_8)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-return-batch"));
	}

	private ResultActions file(Map<String, Object> request) throws Exception {
		return this.mvc.perform(post("/api/v1/returns:batch").with(bearer(TOKENS.service("batch-processor")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsBytes(request)));
	}

	private static Map<String, Object> request(String agent, List<String> returns) {
		List<Map<String, Object>> items = new java.util.ArrayList<>();
		for (int i = 0; i < returns.size(); i++) {
			items.add(Map.of("idempotencyKey", "bulk-test-" + agent + "-" + (i + 1), "xml",
					returns.get(i).getBytes(StandardCharsets.UTF_8)));
		}
		return Map.of("filer", Map.of("subject", "agent-" + agent, "role", "AGENT", "mst", agent), "items", items);
	}

	private long returnsOf(String mst) {
		return this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?").param(mst).query(Long.class).single();
	}

}
