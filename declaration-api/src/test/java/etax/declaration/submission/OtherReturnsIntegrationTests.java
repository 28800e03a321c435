package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import etax.devstack.LocalInfrastructureInitializer;
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
import static etax.declaration.submission.GeneratedReturns.generated;
import static etax.declaration.submission.GeneratedReturns.indicator;
import static etax.declaration.submission.GeneratedReturns.ruleIds;
import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rules that read other returns, on real PostgreSQL, on 10 May 2026. 02/GTGT, the VAT return of an investment
 * project (VN-ETAX.md §1.8): a business files one per project each period, so the project [09] is part of the
 * chain, and the VAT not yet refunded it carries over ([21]) is what the same project's return of the period
 * before carried forward ([32], R-X-2). Finalizations: the PIT withheld in a year is what the year's 05/KK-TNCN
 * returns declared, the resource tax declared what the year's 01/TAIN returns did (R-X-3). A bio-fuel blender's
 * special consumption tax return deducts what its blending return of the month works out (R-X-3).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class OtherReturnsIntegrationTests {

	private static final List<String> PROJECT_FORM = List.of("02/GTGT", "844", "2.2.1");

	private static final List<String> WITHHOLDING_FORM = List.of("05/KK-TNCN", "864", "2.5.0");

	private static final List<String> RESOURCE_FORM = List.of("01/TAIN", "832", "2.1.0");

	private static final List<String> SCT_FORM = List.of("01/TTĐB", "830", "2.1.0");

	private static final List<String> BLENDING_FORM = List.of("02/TTĐB", "831", "2.0.3");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void eachProjectFilesItsOwnReturnForAPeriod() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String factory = project(firstQuarter(false), mst, "Dự án nhà máy A");
		String warehouse = project(firstQuarter(false), mst, "Dự án kho B");

		JsonNode first = file(factory);
		JsonNode second = file(warehouse);
		JsonNode again = file(resigned(factory));

		assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("ACCEPTED");
		assertThat(second.get("status").asString()).as("another project, not a second original").isEqualTo("ACCEPTED");
		assertThat(ruleIds(again)).as("the same project twice").contains("CTX-DUP-01");
		assertThat(this.jdbc.sql("SELECT chain_key FROM filing.tax_return WHERE id = ?::uuid")
			.param(second.get("returnId").asString())
			.query(String.class)
			.single()).endsWith("|Q|1/2026||@Dự án kho B");
	}

	@Test
	void theVatNotYetRefundedCarriedOverIsWhatTheProjectsPreviousQuarterCarriedForward() throws Exception {
		String xml = firstQuarter(true);
		String carried = indicator(xml, "ct21");
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String otherMst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String previousCode = accepted(this.jdbc, mst, PROJECT_FORM, "Q", "4/2025",
				"{\"ct09\": \"Dự án nhà máy A\", \"ct32\": \"" + carried + "1\"}", "", "@Dự án nhà máy A");
		accepted(this.jdbc, mst, PROJECT_FORM, "Q", "4/2025", "{\"ct09\": \"Dự án kho B\", \"ct32\": \"" + carried + "\"}", "",
				"@Dự án kho B");
		accepted(this.jdbc, otherMst, PROJECT_FORM, "Q", "4/2025",
				"{\"ct09\": \"Dự án nhà máy A\", \"ct32\": \"" + carried + "\"}", "", "@Dự án nhà máy A");

		JsonNode mismatch = file(project(xml, mst, "Dự án nhà máy A"));
		JsonNode matching = file(project(xml, mst, "Dự án kho B"));
		JsonNode nothingBefore = file(project(xml, mst, "Dự án mới C"));
		JsonNode matchingOther = file(project(xml, otherMst, "Dự án nhà máy A"));

		assertThat(mismatch.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode carriedOver = finding(mismatch, "CTX-X-02");
		assertThat(carriedOver.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ct21");
		assertThat(carriedOver.at("/message/en").asString()).contains("(VAT not yet refunded, carried over) is " + carried)
			.contains("not [32]")
			.contains(previousCode);
		assertThat(carriedOver.at("/message/vi").asString()).contains("(thuế GTGT chưa được hoàn kỳ trước chuyển sang) là " + carried);
		assertThat(ruleIds(matching)).doesNotContain("CTX-X-02");
		assertThat(matching.get("status").asString()).as(matching.toString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(nothingBefore)).as("no return of the project before").doesNotContain("CTX-X-02");
		assertThat(ruleIds(matchingOther)).doesNotContain("CTX-X-02");
	}

	@Test
	void aFinalizationWhosePitWithheldIsNotTheYearsWithholdingReturnsIsWarned() throws Exception {
		String xml = generated("953", "2.4.0", LocalDate.parse("2025-12-31"),
				(candidate) -> candidate.contains("<kieuKy>Y<") && candidate.contains("<kyKKhai>2025<"));
		long withheld = Long.parseLong(indicator(xml, "ct31"));
		String summed = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String mixed = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String different = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String none = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		for (int quarter = 1; quarter <= 4; quarter++) {
			long share = (quarter < 4) ? withheld / 4 : withheld - 3 * (withheld / 4);
			withholding(summed, "Q", quarter + "/2025", share);
			withholding(different, "Q", quarter + "/2025", share + 1);
			if (quarter > 1) {
				withholding(mixed, "Q", quarter + "/2025", share);
			}
		}
		withholding(mixed, "M", "01/2025", withheld / 4);
		withholding(mixed, "M", "02/2025", 0);
		withholding(mixed, "M", "03/2025", 0);

		JsonNode matching = file(filedBy(xml, summed));
		JsonNode monthsAndQuarters = file(filedBy(xml, mixed));
		JsonNode off = file(filedBy(xml, different));
		JsonNode nothingToCompare = file(filedBy(xml, none));

		assertThat(ruleIds(matching)).doesNotContain("CTX-X-03");
		assertThat(ruleIds(monthsAndQuarters)).doesNotContain("CTX-X-03");
		assertThat(ruleIds(nothingToCompare)).doesNotContain("CTX-X-03");
		JsonNode warning = finding(off, "CTX-X-03");
		assertThat(off.get("status").asString()).as("a warning: the finalization may carry adjustments").isEqualTo("ACCEPTED");
		assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
		assertThat(warning.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ThueDaKhauTru/ct31");
		assertThat(warning.at("/message/en").asString())
			.contains("is " + withheld + ", not the sum of [29] of the year's 4 05/KK-TNCN returns in force: " + (withheld + 4));
	}

	@Test
	void aResourceTaxFinalizationIsComparedWithTheYearsMonthlyReturns() throws Exception {
		String xml = generated("924", "2.1.0", LocalDate.parse("2025-12-31"),
				(candidate) -> candidate.contains("<kieuKy>Y<") && candidate.contains("<kyKKhai>2025<"));
		long declared = Long.parseLong(indicator(xml, "tongCong_ct9"));
		String summed = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String different = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		for (int month = 1; month <= 12; month++) {
			long share = (month < 12) ? declared / 12 : declared - 11 * (declared / 12);
			String period = String.format("%02d/2025", month);
			accepted(this.jdbc, summed, RESOURCE_FORM, "M", period, "{\"tongCong_ct8\": \"" + share + "\"}", "", "");
			accepted(this.jdbc, different, RESOURCE_FORM, "M", period, "{\"tongCong_ct8\": \"" + (share + 1) + "\"}", "", "");
		}

		JsonNode matching = file(filedBy(xml, summed));
		JsonNode off = file(filedBy(xml, different));

		assertThat(ruleIds(matching)).doesNotContain("CTX-X-04");
		JsonNode warning = finding(off, "CTX-X-04");
		assertThat(warning.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/TongCong/tongCong_ct9");
		assertThat(warning.at("/message/en").asString())
			.contains("(9) (resource tax declared in the year) for 2025 is " + declared)
			.contains("not the sum of (8) of the year's 12 01/TAIN returns in force: " + (declared + 12));
	}

	@Test
	void anSctReturnWhoseBlendingDeductionIsNotTheMonthsBlendingReturnIsWarned() throws Exception {
		String xml = april("830");
		String deducted = indicator(xml, "tongCong_ct10");
		String matching = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String different = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String otherMonth = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String none = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		accepted(this.jdbc, matching, BLENDING_FORM, "M", "04/2026", "{\"tongCong_ct17\": \"" + deducted + "\"}", "", "");
		String blendingCode = accepted(this.jdbc, different, BLENDING_FORM, "M", "04/2026",
				"{\"tongCong_ct17\": \"" + (Long.parseLong(deducted) + 1) + "\"}", "", "");
		accepted(this.jdbc, otherMonth, BLENDING_FORM, "M", "03/2026", "{\"tongCong_ct17\": \"1\"}", "", "");

		JsonNode silent = file(filedBy(xml, matching));
		JsonNode off = file(filedBy(xml, different));
		JsonNode anotherMonthOnly = file(filedBy(xml, otherMonth));
		JsonNode nothingToCompare = file(filedBy(xml, none));

		assertThat(ruleIds(silent)).as(silent.toString()).doesNotContain("CTX-X-05");
		assertThat(ruleIds(anotherMonthOnly)).doesNotContain("CTX-X-05");
		assertThat(ruleIds(nothingToCompare)).doesNotContain("CTX-X-05");
		assertThat(off.get("status").asString()).as("a warning").isEqualTo("ACCEPTED");
		JsonNode warning = finding(off, "CTX-X-05");
		assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
		assertThat(warning.get("category").asString()).isEqualTo("DATA_MISMATCH");
		assertThat(warning.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/TongCong/tongCong_ct10");
		assertThat(warning.at("/message/en").asString())
			.contains("Total (10) (SCT deducted for bio-fuel blending) for 04/2026 is " + deducted)
			.contains("not total (17) of the month's 02/TTĐB return in force: " + (Long.parseLong(deducted) + 1))
			.contains(blendingCode);
		assertThat(warning.at("/message/vi").asString()).contains("khác tổng cộng cột (17) của tờ khai 02/TTĐB");
		assertThat(warning.at("/remedy/vi").asString()).isNotBlank();
		assertThat(warning.at("/remedy/en").asString()).contains("supplement");
	}

	@Test
	void aBlendingReturnIsComparedWithTheMonthsSctReturnInForce() throws Exception {
		String xml = april("831");
		long deduction = Long.parseLong(indicator(xml, "tongCong_ct17"));
		String matching = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String supplemented = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		accepted(this.jdbc, matching, SCT_FORM, "M", "04/2026", "{\"tongCong_ct10\": \"" + deduction + "\"}", "", "");
		accepted(this.jdbc, supplemented, SCT_FORM, "M", "04/2026", "{\"tongCong_ct10\": \"" + deduction + "\"}", "", "");
		String inForce = accepted(this.jdbc, supplemented, SCT_FORM, "M", "04/2026",
				"{\"tongCong_ct10\": \"" + (deduction - 1) + "\"}", "", "");

		JsonNode silent = file(filedBy(xml, matching));
		JsonNode off = file(filedBy(xml, supplemented));

		assertThat(ruleIds(silent)).as(silent.toString()).doesNotContain("CTX-X-05");
		JsonNode warning = finding(off, "CTX-X-05");
		assertThat(off.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(warning.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/TongCong/tongCong_ct17");
		assertThat(warning.at("/message/en").asString())
			.as("against the latest return in force, not the first")
			.contains("Total (17) (SCT on mineral petrol deductible) for 04/2026 is " + deduction)
			.contains("not total (10) of the month's 01/TTĐB return in force: " + (deduction - 1) + " (transaction code "
					+ inForce + ")");
	}

	@Test
	void whicheverOfTheTwoSctReturnsIsFiledSecondIsComparedWithTheFirst() throws Exception {
		String sct = april("830");
		String blending = april("831");
		assertThat(indicator(sct, "tongCong_ct10")).isNotEqualTo(indicator(blending, "tongCong_ct17"));
		String blendingFirst = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String sctFirst = SampleReturns.registeredTaxpayer(this.jdbc, "M");

		JsonNode firstBlending = file(filedBy(blending, blendingFirst));
		JsonNode thenSct = file(filedBy(sct, blendingFirst));
		JsonNode firstSct = file(filedBy(sct, sctFirst));
		JsonNode thenBlending = file(filedBy(blending, sctFirst));

		assertThat(ruleIds(firstBlending)).as(firstBlending.toString()).doesNotContain("CTX-X-05");
		assertThat(ruleIds(firstSct)).as(firstSct.toString()).doesNotContain("CTX-X-05");
		assertThat(finding(thenSct, "CTX-X-05").at("/message/en").asString())
			.contains(firstBlending.get("transactionCode").asString());
		assertThat(finding(thenBlending, "CTX-X-05").at("/message/en").asString())
			.contains(firstSct.get("transactionCode").asString());
	}

	/** A generated Q1/2026 02/GTGT original, one that carries VAT over ([21] not 0) or not. */
	private static String firstQuarter(boolean carriesOver) {
		return generated("844", "2.2.1", LocalDate.parse("2026-03-31"), (xml) -> xml.contains("<kieuKy>Q<")
				&& xml.contains("<kyKKhai>1/2026<") && carriesOver != indicator(xml, "ct21").equals("0"));
	}

	/** A generated April 2026 original of a monthly form, accepted by itself. */
	private static String april(String maTKhai) {
		String version = "830".equals(maTKhai) ? SCT_FORM.get(2) : BLENDING_FORM.get(2);
		return generated(maTKhai, version, LocalDate.parse("2026-04-30"),
				(xml) -> xml.contains("<kieuKy>M<") && xml.contains("<kyKKhai>04/2026<"));
	}

	/** The return of a project of a taxpayer. */
	private static String project(String xml, String mst, String name) {
		return SampleReturns.with(filedBy(xml, mst), "ct09", name);
	}

	/** The return of a taxpayer, prepared and signed the day before the server's clock. */
	private static String filedBy(String xml, String mst) {
		return resigned(SampleReturns.with(SampleReturns.with(xml, "mst", mst), "maCQTNoiNop", "99999"));
	}

	private static String resigned(String xml) {
		String day = xml.contains("<ngayKy>2026-05-09<") ? "2026-05-08" : "2026-05-09";
		return SampleReturns.with(SampleReturns.with(xml, "ngayLapTKhai", day), "ngayKy", day);
	}

	/** An accepted 05/KK-TNCN of a month or quarter declaring [29]. */
	private void withholding(String mst, String kind, String period, long withheld) {
		accepted(this.jdbc, mst, WITHHOLDING_FORM, kind, period, "{\"ct29\": \"" + withheld + "\"}", "", "");
	}

	private JsonNode file(String xml) throws Exception {
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/returns").with(filer())
				.contentType(MediaType.APPLICATION_XML)
				.content(xml.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
