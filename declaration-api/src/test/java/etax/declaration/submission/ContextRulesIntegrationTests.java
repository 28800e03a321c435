package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.filer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The context rules on real PostgreSQL, with the server's clock at 10 May 2026, 10:00 in Vietnam: Q1/2026
 * was due on Monday 4 May (30 April and 1 May are holidays, 2 and 3 May a weekend).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class ContextRulesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void acceptsARegisteredTaxpayersReturnAndWarnsItIsSixDaysLate() throws Exception {
		JsonNode receipt = file(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q")), 201);

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(receipt)).containsExactly("CTX-DL-01");
		JsonNode late = receipt.at("/findings/0");
		assertThat(late.get("severity").asString()).isEqualTo("WARNING");
		assertThat(late.get("category").asString()).isEqualTo("NOT_ON_TIME");
		assertThat(late.at("/message/en").asString()).startsWith("Filed 6 days after the deadline of 2026-05-04")
			.contains("2–5 million VND");
		assertThat(late.at("/message/vi").asString()).startsWith("Nộp chậm 6 ngày");
	}

	@Test
	void rejectsAnMstWithAWrongCheckDigit() throws Exception {
		String valid = SampleReturns.newMst();
		String offByOne = valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);

		JsonNode receipt = file(SampleReturns.forTaxpayer(offByOne), 201);

		assertThat(receipt.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(receipt.get("transactionCode").asString()).hasSize(17);
		assertThat(ruleIds(receipt)).containsExactly("CTX-MST-01");
		assertThat(receipt.at("/findings/0/xpath").asString()).endsWith("/NNT/mst");
		assertThat(receipt.at("/findings/0/severity").asString()).isEqualTo("REJECT_AND_STOP");
	}

	@Test
	void rejectsAnMstWhosePrefixHasRemainderZero() throws Exception {
		// 31·1 + 29·0 + … = 0 (mod 11): no check digit exists for 100000000
		assertThat(ruleIds(file(SampleReturns.forTaxpayer("1000000000"), 201))).containsExactly("CTX-MST-01");
	}

	@Test
	void rejectsUnknownInactiveAndNotEnrolledTaxpayers() throws Exception {
		assertThat(ruleIds(file(SampleReturns.forTaxpayer(SampleReturns.newMst()), 201))).containsExactly("CTX-ID-01");
		assertThat(ruleIds(file(SampleReturns.forTaxpayer("1801321141"), 201))).containsExactly("CTX-ID-02");
		assertThat(ruleIds(file(SampleReturns.forTaxpayer("5702126556"), 201))).containsExactly("CTX-ID-03");
	}

	@Test
	void rejectsAQuarterlyReturnOfAMonthlyFiler() throws Exception {
		JsonNode receipt = file(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "M")), 201);

		assertThat(ruleIds(receipt)).contains("CTX-PER-03");
		assertThat(receipt.get("status").asString()).isEqualTo("NOT_ACCEPTED");
	}

	@Test
	void rejectsAPeriodThatHasNotEnded() throws Exception {
		String xml = SampleReturns.quarter(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q")), 2,
				2026);

		assertThat(ruleIds(file(xml, 201))).containsExactly("CTX-PER-02");
	}

	@Test
	void rejectsPeriodBoundsThatDoNotMatchTheQuarter() throws Exception {
		String xml = SampleReturns.with(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q")),
				"kyKKhaiDenNgay", "30/03/2026");

		assertThat(ruleIds(file(xml, 201))).containsExactly("CTX-PER-01");
	}

	@Test
	void rejectsASecondOriginalWithAPointerToTheAcceptedOne() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode first = file(SampleReturns.forTaxpayer(mst), 201);

		JsonNode second = file(SampleReturns.with(SampleReturns.forTaxpayer(mst), "dthoaiNNT", "0900000000"), 201);

		assertThat(second.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(ruleIds(second)).contains("CTX-DUP-01");
		JsonNode duplicate = findings(second).stream()
			.filter((finding) -> "CTX-DUP-01".equals(finding.get("ruleId").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(duplicate.get("value").asString()).isEqualTo(first.get("transactionCode").asString());
		assertThat(duplicate.at("/message/en").asString()).contains(first.get("returnId").asString());
	}

	@Test
	void rejectsASupplementWithoutAnOriginalOrWithTheWrongNumber() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		assertThat(ruleIds(file(SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1), 201))).contains("CTX-DUP-02");

		file(SampleReturns.forTaxpayer(mst), 201);
		assertThat(ruleIds(file(SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 2), 201))).contains("CTX-DUP-03");
	}

	@Test
	void rejectsAnExplanationWhoseDeclaredFigureIsNotTheOneInForce() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		file(SampleReturns.forTaxpayer(mst), 201);
		String supplement = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);

		JsonNode wrongFigure = file(SampleReturns.explaining(supplement, "40", 21_000_000, 25_000_000), 201);
		JsonNode unknownIndicator = file(SampleReturns.explaining(supplement, "99", 0, 1_000), 201);

		assertThat(wrongFigure.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode mismatch = findings(wrongFigure).stream()
			.filter((finding) -> finding.get("ruleId").asString().equals("CTX-DUP-04"))
			.findFirst()
			.orElseThrow();
		assertThat(mismatch.get("xpath").asString())
			.isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_1_KHBS/GiaiTrinh/ChiTiet[1]/soDaKeKhai");
		assertThat(mismatch.get("value").asString()).isEqualTo("21000000");
		assertThat(mismatch.at("/message/en").asString()).contains("22000000");
		assertThat(ruleIds(unknownIndicator)).contains("CTX-DUP-05");
	}

	@Test
	void anAcceptedSupplementSupersedesTheOriginalAddsTheDifferenceAsAPayableItemAndShowsWhatItChanged() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode original = file(SampleReturns.forTaxpayer(mst), 201);
		String corrected = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);
		corrected = SampleReturns.with(corrected, "ct25", "45000000");
		corrected = SampleReturns.with(corrected, "ct36", "37000000");
		corrected = SampleReturns.with(corrected, "ct40a", "25000000");
		corrected = SampleReturns.with(corrected, "ct40", "25000000");
		corrected = SampleReturns.explaining(corrected, "40", 22_000_000, 25_000_000);

		JsonNode supplement = file(corrected, 201);

		assertThat(supplement.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(original)).containsExactly("CTX-DL-01");
		assertThat(ruleIds(supplement)).as("a supplement is not a late filing (R-DUP-4)").doesNotContain("CTX-DL-01");
		assertThat(supplement.at("/payableItems/0/amount").asLong()).isEqualTo(3_000_000L);
		assertThat(supplement.at("/payableItems/0/dueDate").asString())
			.as("the increase was due with the original return: late-payment interest runs from that deadline")
			.isEqualTo("2026-05-04");
		JsonNode lifecycle = read("/api/v1/returns/" + original.get("returnId").asString() + "/events");
		assertThat(lifecycle.findValuesAsString("type")).containsExactly("RECEIVED", "ACCEPTED",
				"PAYABLE_ITEMS_CREATED", "SUPERSEDED");
		assertThat(lifecycle.at("/3/detail/by").asString()).isEqualTo(supplement.get("returnId").asString());
		JsonNode chain = read("/api/v1/returns/" + supplement.get("returnId").asString() + "/chain");
		assertThat(chain.size()).isEqualTo(2);
		assertThat(chain.at("/0/id").asString()).isEqualTo(original.get("returnId").asString());
		assertThat(chain.at("/1/id").asString()).isEqualTo(supplement.get("returnId").asString());
		assertThat(chain.at("/0/current").asBoolean()).isFalse();
		assertThat(chain.at("/1/current").asBoolean()).isTrue();
		assertThat(chain.at("/0/changes").isEmpty()).isTrue();
		assertThat(chain.at("/1/comparedWith").asString()).isEqualTo(original.get("returnId").asString());
		assertThat(chain.at("/1/changes").findValuesAsString("indicator")).as("in natural order")
			.containsExactly("ct25", "ct36", "ct40", "ct40a");
		assertThat(chain.at("/1/changes/2/before").asString()).isEqualTo("22000000");
		assertThat(chain.at("/1/changes/2/after").asString()).isEqualTo("25000000");
		assertThat(chain.at("/0/payableItems/0/amount").asLong()).isEqualTo(22_000_000L);
		assertThat(chain.at("/1/payableItems/0/amount").asLong()).isEqualTo(3_000_000L);
		assertThat(this.jdbc.sql("SELECT status FROM filing.tax_return WHERE id = ?::uuid")
			.param(original.get("returnId").asString())
			.query(String.class)
			.single()).as("never updated in place").isEqualTo("ACCEPTED");
	}

	@Test
	void anAgentFilesOnlyForTaxpayersUnderContract() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String client = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String other = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		this.mvc
			.perform(post("/api/v1/agents/" + agent + "/contracts").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"taxpayerMst\":\"" + client + "\",\"contractNumber\":\"HD-1\",\"validFrom\":\"2026-01-01\"}"))
			.andExpect(status().isCreated());

		JsonNode forClient = file(SampleReturns.withAgent(SampleReturns.forTaxpayer(client), agent), 201);
		JsonNode forOther = file(SampleReturns.withAgent(SampleReturns.forTaxpayer(other), agent), 201);

		assertThat(forClient.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(forOther)).containsExactly("CTX-ID-04", "CTX-DL-01");
		assertThat(forOther.at("/findings/0/xpath").asString()).endsWith("/DLyThue/mstDLyThue");
	}

	@Test
	void aDryRunDecidesWithoutFiling() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode dryRun = this.json.readTree(this.mvc
			.perform(post("/api/v1/returns:validate").with(filer())
				.contentType(MediaType.APPLICATION_XML)
				.content(SampleReturns.forTaxpayer(mst).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(dryRun.get("receivable").asBoolean()).isTrue();
		assertThat(dryRun.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?").param(mst).query(Long.class).single())
			.isZero();
	}

	private JsonNode read(String path) throws Exception {
		return this.json.readTree(
				this.mvc.perform(get(path).with(filer())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private JsonNode file(String xml, int expectedStatus) throws Exception {
		return this.json.readTree(this.mvc.perform(filing(xml))
			.andExpect(status().is(expectedStatus))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static MockHttpServletRequestBuilder filing(String xml) {
		return post("/api/v1/returns").with(filer())
			.contentType(MediaType.APPLICATION_XML)
			.content(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static List<JsonNode> findings(JsonNode receipt) {
		return receipt.get("findings").valueStream().toList();
	}

	private static List<String> ruleIds(JsonNode receipt) {
		return findings(receipt).stream().map((finding) -> finding.get("ruleId").asString()).toList();
	}

	@TestConfiguration
	static class TenthOfMay {

		@Bean
		@Primary
		Clock tenthOfMay2026() {
			return Clock.fixed(Instant.parse("2026-05-10T03:00:00Z"), ZoneOffset.UTC);
		}

	}

}
