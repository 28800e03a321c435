package etax.declaration.submission;

import java.util.List;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.accepted;
import static etax.declaration.submission.GeneratedReturns.finding;
import static etax.declaration.submission.GeneratedReturns.findings;
import static etax.declaration.submission.GeneratedReturns.ruleIds;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R-DUP-4 on real PostgreSQL, on 10 May 2026: supplements of Q1/2026 of the sample 01/GTGT (VAT payable [40] of
 * 22,000,000) under an inspection at the taxpayer's premises, as it stood at their postmark (CTX-DUP-10, CTX-DUP-11).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class InspectedPeriodIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private FilingCalls calls;

	@BeforeEach
	void calls() {
		this.calls = new FilingCalls(this.mvc, this.json);
	}

	@Test
	void aSupplementFiledDuringAnAnnouncedInspectionIsAcceptedWithAWarningOfPenalties() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		inspect(mst, "2026-01-01", "2026-03-31", "[\"GTGT\"]", "2026-05-04");

		JsonNode original = this.calls.file(SampleReturns.forTaxpayer(mst));
		JsonNode dryRun = this.calls.validate(reduced(mst));
		JsonNode supplement = this.calls.file(reduced(mst));

		assertThat(ruleIds(original)).as("an original is no supplement").containsExactly("CTX-DL-01");
		assertThat(ruleIds(dryRun)).contains("CTX-DUP-10");
		assertThat(supplement.get("status").asString()).as(supplement.toString()).isEqualTo("ACCEPTED");
		JsonNode warning = finding(supplement, "CTX-DUP-10");
		assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
		assertThat(warning.get("category").asString()).isEqualTo("NOT_ON_TIME");
		assertThat(warning.get("xpath").asString()).endsWith("/TKhaiThue/loaiTKhai");
		assertThat(warning.get("value").asString()).isEqualTo("12/QĐ-CT");
		assertThat(warning.at("/message/en").asString()).isEqualTo("The supplement was filed after the decision of "
				+ "tax inspection no. 12/QĐ-CT of 2026-05-04 at the taxpayer's premises covering this period was "
				+ "announced: penalties under Art. 142 and 143 of the Law on Tax Administration may apply.");
		assertThat(warning.at("/message/vi").asString()).contains("quyết định kiểm tra thuế số 12/QĐ-CT")
			.contains("Điều 142, 143");
		assertThat(warning.at("/remedy/vi").asString()).isNotBlank();
		assertThat(warning.at("/remedy/en").asString()).contains("penalties");
		assertThat(supplement.at("/payableItems/0/amount").asLong()).isEqualTo(-3_000_000L);
	}

	@Test
	void afterTheConclusionASupplementThatReducesTheTaxIsNotAcceptedAndOneThatRaisesItIs() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String inspection = inspect(mst, "2025-07-01", "2026-03-31", "[]", "2026-04-01");
		conclude(mst, inspection, "2026-05-08");
		this.calls.file(SampleReturns.forTaxpayer(mst));

		JsonNode reducing = this.calls.file(reduced(mst));
		JsonNode raising = this.calls.file(raised(mst));

		assertThat(reducing.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(findings(reducing).stream()
			.filter((finding) -> !finding.get("severity").asString().equals("WARNING"))
			.map((finding) -> finding.get("ruleId").asString())).as("what refuses it").containsExactly("CTX-DUP-11");
		JsonNode refused = finding(reducing, "CTX-DUP-11");
		assertThat(refused.get("severity").asString()).isEqualTo("REJECT");
		assertThat(refused.get("xpath").asString()).endsWith("/TKhaiThue/loaiTKhai");
		assertThat(refused.at("/message/en").asString()).isEqualTo("The tax authority issued conclusion no. 45/KL-CT of "
				+ "2026-05-08 of the decision of tax inspection no. 12/QĐ-CT of 2026-04-01: a supplement of an "
				+ "inspected period may not reduce the tax payable nor raise the deductible or refundable tax.");
		assertThat(refused.at("/message/vi").asString()).contains("45/KL-CT").contains("làm giảm số thuế phải nộp");
		assertThat(refused.at("/remedy/vi").asString()).contains("khiếu nại về thuế");
		assertThat(refused.at("/remedy/en").asString()).contains("tax complaints");
		assertThat(reducing.get("payableItems").isEmpty()).isTrue();
		assertThat(this.calls.notice(reducing)).contains("CTX-DUP-11").contains("khiếu nại về thuế");

		assertThat(raising.get("status").asString()).as(raising.toString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(raising)).contains("CTX-DUP-10").doesNotContain("CTX-DUP-11");
		assertThat(finding(raising, "CTX-DUP-10").at("/message/en").asString())
			.startsWith("The supplement was filed after conclusion no. 45/KL-CT of 2026-05-08")
			.contains("it is accepted as it neither reduces the tax payable nor raises the deductible or refundable tax");
		assertThat(raising.at("/payableItems/0/amount").asLong()).isEqualTo(3_000_000L);
	}

	@Test
	void afterTheConclusionASupplementThatRaisesTheVatCarriedForwardIsNotAccepted() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		accepted(this.jdbc, mst, List.of("01/GTGT", "842", "2.8.3"), "Q", "1/2026",
				"{\"ct40\": \"0\", \"ct42\": \"0\", \"ct43\": \"0\"}", "00", "");
		conclude(mst, inspect(mst, "2026-01-01", "2026-03-31", "[\"GTGT\"]", "2026-05-04"), "2026-05-10");
		// no VAT payable either way: [22] of 40,000,000 leaves 6,000,000 not deducted, all carried forward to [43]
		String carriedForward = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);
		carriedForward = SampleReturns.with(carriedForward, "ct22", "40000000");
		carriedForward = SampleReturns.with(carriedForward, "ct40a", "0");
		carriedForward = SampleReturns.with(carriedForward, "ct40", "0");
		carriedForward = SampleReturns.with(carriedForward, "ct41", "6000000");
		carriedForward = SampleReturns.with(carriedForward, "ct43", "6000000");

		JsonNode supplement = this.calls.file(carriedForward);

		assertThat(supplement.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(findings(supplement).stream()
			.filter((finding) -> !finding.get("severity").asString().equals("WARNING"))
			.map((finding) -> finding.get("ruleId").asString())).as(supplement.toString()).containsExactly("CTX-DUP-11");
	}

	@Test
	void periodsOutsideTheInspectionOtherTaxesAndInspectionsAnnouncedOrConcludedAfterThePostmarkDoNotCount()
			throws Exception {
		String elsewhere = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		conclude(elsewhere, inspect(elsewhere, "2025-01-01", "2025-12-31", "[]", "2026-02-02"), "2026-03-03");
		conclude(elsewhere, inspect(elsewhere, "13/QĐ-CT", "2026-01-01", "2026-03-31", "[\"TNDN\",\"TNCN\"]", "2026-04-04"),
				"2026-04-05");
		String later = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		// recorded as an officer would the next day; a return filed on the 10th was judged without it
		this.jdbc.sql("""
				INSERT INTO filing.tax_inspection (id, mst, decision_number, kind, period_from, period_to, announced_on,
				    recorded_by, recorded_at)
				VALUES (gen_random_uuid(), ?, '99/QĐ-CT', 'THANH_TRA', '2026-01-01', '2026-03-31', '2026-05-11',
				    'officer-99999', now())
				""").param(later).update();
		String concludedLater = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String inspection = inspect(concludedLater, "2026-01-01", "2026-03-31", "[\"GTGT\"]", "2026-05-04");
		this.jdbc.sql("""
				INSERT INTO filing.tax_inspection_conclusion (inspection_id, concluded_on, decision_number, recorded_by,
				    recorded_at)
				VALUES (?::uuid, '2026-05-11', '98/KL-CT', 'officer-99999', now())
				""").param(inspection).update();

		List<JsonNode> supplements = List.of(supplementOf(elsewhere), supplementOf(later), supplementOf(concludedLater));

		assertThat(supplements).extracting((receipt) -> receipt.get("status").asString())
			.containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
		assertThat(ruleIds(supplements.get(0))).doesNotContain("CTX-DUP-10", "CTX-DUP-11");
		assertThat(ruleIds(supplements.get(1))).doesNotContain("CTX-DUP-10", "CTX-DUP-11");
		assertThat(ruleIds(supplements.get(2))).as("announced, not yet concluded at the postmark")
			.contains("CTX-DUP-10")
			.doesNotContain("CTX-DUP-11");
	}

	/** Files the sample for the taxpayer, then the supplement that reduces its VAT payable. */
	private JsonNode supplementOf(String mst) throws Exception {
		this.calls.file(SampleReturns.forTaxpayer(mst));
		return this.calls.file(reduced(mst));
	}

	/** Supplement 1 of the sample: [22] 15,000,000 instead of 12,000,000, so [40] is 19,000,000, not 22,000,000. */
	private static String reduced(String mst) {
		String supplement = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);
		supplement = SampleReturns.with(supplement, "ct22", "15000000");
		supplement = SampleReturns.with(supplement, "ct40a", "19000000");
		supplement = SampleReturns.with(supplement, "ct40", "19000000");
		return SampleReturns.explaining(supplement, "40", 22_000_000, 19_000_000);
	}

	/** Supplement 1 of the sample: [25] 45,000,000 instead of 48,000,000, so [40] is 25,000,000. */
	private static String raised(String mst) {
		String supplement = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);
		supplement = SampleReturns.with(supplement, "ct25", "45000000");
		supplement = SampleReturns.with(supplement, "ct36", "37000000");
		supplement = SampleReturns.with(supplement, "ct40a", "25000000");
		supplement = SampleReturns.with(supplement, "ct40", "25000000");
		return SampleReturns.explaining(supplement, "40", 22_000_000, 25_000_000);
	}

	/** Records a tax inspection (kiểm tra) no. 12/QĐ-CT as a national officer; returns its id. */
	private String inspect(String mst, String from, String to, String taxTypes, String announcedOn) throws Exception {
		return inspect(mst, "12/QĐ-CT", from, to, taxTypes, announcedOn);
	}

	/** The same under another decision number: a decision announces one inspection. */
	private String inspect(String mst, String decisionNumber, String from, String to, String taxTypes,
			String announcedOn) throws Exception {
		return read(this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/inspections").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decisionNumber\":\"" + decisionNumber + "\",\"kind\":\"KIEM_TRA\",\"periodFrom\":\"" + from
					+ "\",\"periodTo\":\"" + to + "\",\"taxTypes\":" + taxTypes + ",\"announcedOn\":\"" + announcedOn
					+ "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString();
	}

	/** Records its conclusion no. 45/KL-CT. */
	private void conclude(String mst, String inspection, String concludedOn) throws Exception {
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/inspections/" + inspection + "/conclusion").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"concludedOn\":\"" + concludedOn + "\",\"decisionNumber\":\"45/KL-CT\"}"))
			.andExpect(status().isCreated());
	}

	private JsonNode read(String body) {
		return this.json.readTree(body);
	}

}
