package etax.declaration.submission;

import java.time.LocalDate;
import java.util.List;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.accepted;
import static etax.declaration.submission.GeneratedReturns.finding;
import static etax.declaration.submission.GeneratedReturns.findings;
import static etax.declaration.submission.GeneratedReturns.generated;
import static etax.declaration.submission.GeneratedReturns.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-DUP-4 on real PostgreSQL, on 10 May 2026: once the year's finalization of the PIT withheld on wages
 * (05/QTT-TNCN) is accepted, an employer supplements it, not the year's quarterly 05/KK-TNCN returns (CTX-DUP-09).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class FinalizedYearIntegrationTests {

	private static final List<String> FINALIZATION = List.of("05/QTT-TNCN", "953", "2.4.0");

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
	void aQuarterIsSupplementedUntilItsYearsFinalizationIsAcceptedAndThenTheFinalizationIs() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String quarter = filedBy(generated("864", "2.5.0", LocalDate.parse("2025-12-31"),
				(xml) -> xml.contains("<kieuKy>Q<") && xml.contains("/2025<")), mst);
		JsonNode original = this.calls.file(quarter);
		accepted(this.jdbc, mst, FINALIZATION, "Y", "2024", "{}", "", "");

		JsonNode before = this.calls.file(supplement(quarter, 1));
		String finalization = accepted(this.jdbc, mst, FINALIZATION, "Y", "2025", "{}", "", "");
		JsonNode dryRun = this.calls.validate(supplement(quarter, 2));
		JsonNode after = this.calls.file(supplement(quarter, 2));

		assertThat(original.get("status").asString()).as(original.toString()).isEqualTo("ACCEPTED");
		assertThat(before.get("status").asString()).as("only 2024 is finalized: " + before).isEqualTo("ACCEPTED");
		assertThat(ruleIds(dryRun)).contains("CTX-DUP-09");
		assertThat(after.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(findings(after).stream()
			.filter((finding) -> !finding.get("severity").asString().equals("WARNING"))
			.map((finding) -> finding.get("ruleId").asString())).as("what refuses it").containsExactly("CTX-DUP-09");
		JsonNode refused = finding(after, "CTX-DUP-09");
		assertThat(refused.get("severity").asString()).isEqualTo("REJECT");
		assertThat(refused.get("category").asString()).isEqualTo("DUPLICATE_CONDITION");
		assertThat(refused.get("xpath").asString()).endsWith("/TKhaiThue/loaiTKhai");
		assertThat(refused.get("value").asString()).isEqualTo(finalization);
		assertThat(refused.at("/message/en").asString())
			.isEqualTo("The 2025 finalization (form 05/QTT-TNCN) is already accepted (transaction code " + finalization
					+ "): the year's monthly and quarterly returns are no longer supplemented.");
		assertThat(refused.at("/message/vi").asString()).contains("05/QTT-TNCN").contains(finalization);
		assertThat(refused.at("/remedy/en").asString())
			.isEqualTo("Supplement the 2025 finalization 05/QTT-TNCN (transaction code " + finalization + ") instead.");
		assertThat(refused.at("/remedy/vi").asString())
			.isEqualTo("Khai bổ sung tờ khai quyết toán 05/QTT-TNCN năm 2025 (mã giao dịch " + finalization + ").");
	}

	@Test
	void anOriginalAndOtherTaxpayersAndFormsAreNotConcerned() throws Exception {
		String finalized = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		accepted(this.jdbc, finalized, FINALIZATION, "Y", "2025", "{}", "", "");
		String other = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String quarter = generated("864", "2.5.0", LocalDate.parse("2025-12-31"),
				(xml) -> xml.contains("<kieuKy>Q<") && xml.contains("/2025<"));

		JsonNode original = this.calls.file(filedBy(quarter, finalized));
		this.calls.file(filedBy(quarter, other));
		JsonNode othersSupplement = this.calls.file(supplement(filedBy(quarter, other), 1));

		assertThat(ruleIds(original)).as("an original of a finalized year is no supplement").doesNotContain("CTX-DUP-09");
		assertThat(ruleIds(othersSupplement)).doesNotContain("CTX-DUP-09");
		assertThat(othersSupplement.get("status").asString()).isEqualTo("ACCEPTED");
	}

	/** The return of a taxpayer with its managing office, prepared and signed the day before the server's clock. */
	private static String filedBy(String xml, String mst) {
		String named = SampleReturns.with(SampleReturns.with(xml, "mst", mst), "maCQTNoiNop", "99999");
		return SampleReturns.with(SampleReturns.with(named, "ngayLapTKhai", "2026-05-09"), "ngayKy", "2026-05-09");
	}

	/** Supplement number {@code n} of a return without appendices, with the two supplement appendices. */
	private static String supplement(String xml, int n) {
		String supplement = SampleReturns.with(SampleReturns.with(xml, "loaiTKhai", "B"), "soLan", String.valueOf(n));
		return supplement.replace("</CTieuTKhaiChinh>", "</CTieuTKhaiChinh><PLuc><PL01_KHBS/><PL01_1_KHBS/></PLuc>");
	}

}
