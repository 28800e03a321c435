package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.devstack.LocalInfrastructureInitializer;
import etax.schemas.FormCatalog;
import etax.schemas.ReturnGenerator;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rules that read other returns, on real PostgreSQL, with the server's clock at 10 May 2026. 02/GTGT, the VAT
 * return of an investment project (VN-ETAX.md §1.8): a business files one per project each period, so the project
 * [09] is part of the chain, and the VAT not yet refunded it carries over ([21]) is what the same project's return
 * of the period before carried forward ([32], R-X-2). 05/QTT-TNCN: the PIT withheld in a year is what the year's
 * 05/KK-TNCN returns declared (R-X-3).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class OtherReturnsIntegrationTests {

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
		assertThat(chainKeyOf(second)).endsWith("|Q|1/2026||@Dự án kho B");
	}

	@Test
	void theVatNotYetRefundedCarriedOverIsWhatTheProjectsPreviousQuarterCarriedForward() throws Exception {
		String xml = firstQuarter(true);
		String carried = indicator(xml, "ct21");
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String otherMst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String previousCode = acceptedFourthQuarter(mst, "Dự án nhà máy A", "{\"ct09\": \"Dự án nhà máy A\", \"ct32\": \"" + carried + "1\"}");
		acceptedFourthQuarter(mst, "Dự án kho B", "{\"ct09\": \"Dự án kho B\", \"ct32\": \"" + carried + "\"}");
		acceptedFourthQuarter(otherMst, "Dự án nhà máy A", "{\"ct09\": \"Dự án nhà máy A\", \"ct32\": \"" + carried + "\"}");

		JsonNode mismatch = file(project(xml, mst, "Dự án nhà máy A"));
		JsonNode matching = file(project(xml, mst, "Dự án kho B"));
		JsonNode nothingBefore = file(project(xml, mst, "Dự án mới C"));
		JsonNode matchingOther = file(project(xml, otherMst, "Dự án nhà máy A"));

		assertThat(mismatch.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode finding = findings(mismatch).stream()
			.filter((candidate) -> candidate.get("ruleId").asString().equals("CTX-X-02"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(mismatch.get("findings").toString()));
		assertThat(finding.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ct21");
		assertThat(finding.at("/message/en").asString()).contains("(VAT not yet refunded, carried over) is " + carried)
			.contains("not [32]")
			.contains(previousCode);
		assertThat(ruleIds(matching)).doesNotContain("CTX-X-02");
		assertThat(matching.get("status").asString()).as(matching.toString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(nothingBefore)).as("no return of the project before").doesNotContain("CTX-X-02");
		assertThat(ruleIds(matchingOther)).doesNotContain("CTX-X-02");
	}

	@Test
	void aFinalizationWhosePitWithheldIsNotTheYearsWithholdingReturnsIsWarned() throws Exception {
		String xml = generated("953", LocalDate.parse("2025-12-31"),
				(candidate) -> candidate.contains("<kieuKy>Y<") && candidate.contains("<kyKKhai>2025<"));
		long withheld = Long.parseLong(indicator(xml, "ct31"));
		String summed = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String mixed = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String different = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String none = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		for (int quarter = 1; quarter <= 4; quarter++) {
			long share = (quarter < 4) ? withheld / 4 : withheld - 3 * (withheld / 4);
			acceptedWithholding(summed, "Q", quarter + "/2025", share);
			acceptedWithholding(different, "Q", quarter + "/2025", share + 1);
			if (quarter > 1) {
				acceptedWithholding(mixed, "Q", quarter + "/2025", share);
			}
		}
		acceptedWithholding(mixed, "M", "01/2025", withheld / 4);
		acceptedWithholding(mixed, "M", "02/2025", 0);
		acceptedWithholding(mixed, "M", "03/2025", 0);

		JsonNode matching = file(finalization(xml, summed));
		JsonNode monthsAndQuarters = file(finalization(xml, mixed));
		JsonNode off = file(finalization(xml, different));
		JsonNode nothingToCompare = file(finalization(xml, none));

		assertThat(ruleIds(matching)).doesNotContain("CTX-X-03");
		assertThat(ruleIds(monthsAndQuarters)).doesNotContain("CTX-X-03");
		assertThat(ruleIds(nothingToCompare)).doesNotContain("CTX-X-03");
		JsonNode warning = findings(off).stream()
			.filter((candidate) -> candidate.get("ruleId").asString().equals("CTX-X-03"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(off.get("findings").toString()));
		assertThat(off.get("status").asString()).as("a warning: the finalization may carry adjustments").isEqualTo("ACCEPTED");
		assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
		assertThat(warning.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ThueDaKhauTru/ct31");
		assertThat(warning.at("/message/en").asString())
			.contains("is " + withheld + ", not the sum of [29] of the year's 4 05/KK-TNCN returns in force: " + (withheld + 4));
	}

	private String finalization(String xml, String mst) {
		return resigned(SampleReturns.with(SampleReturns.with(xml, "mst", mst), "maCQTNoiNop", "99999"));
	}

	/** An accepted 05/KK-TNCN of a month or quarter, as the intake stores it, declaring [29]. */
	private void acceptedWithholding(String mst, String kind, String period, long withheld) {
		String code = "107" + System.nanoTime() % 100_000_000_000_000L;
		this.jdbc.sql("""
				INSERT INTO filing.tax_return (id, transaction_code, mst, form_code, ma_tkhai, form_version, filing_type,
				    submission_number, period_kind, period_value, tax_office_code, status, received_at, content_sha256,
				    indicators, findings, xml, chain_key, filed_by)
				VALUES (gen_random_uuid(), lpad(?, 17, '0'), ?, '05/KK-TNCN', '864', '2.5.0', 'C', 0, ?, ?, '99999',
				    'ACCEPTED', now(), repeat('0', 64), ?::jsonb, '[]'::jsonb, ''::bytea, ?, 'test')
				""")
			.params(code, mst, kind, period, "{\"ct29\": \"" + withheld + "\"}",
					String.join("|", mst, "05/KK-TNCN", kind, period, "", ""))
			.update();
	}

	/** A generated Q1/2026 02/GTGT original, one that carries VAT over ([21] not 0) or not. */
	private static String firstQuarter(boolean carriesOver) {
		return generated("844", LocalDate.parse("2026-03-31"), (xml) -> xml.contains("<kieuKy>Q<")
				&& xml.contains("<kyKKhai>1/2026<") && carriesOver != indicator(xml, "ct21").equals("0"));
	}

	/** A generated original of a form's only version, the first seed whose XML matches. */
	private static String generated(String maTKhai, LocalDate latestPeriodEnd, Predicate<String> wanted) {
		ReturnGenerator generator = new ReturnGenerator(FormCatalog.load()).withLatestPeriodEnd(latestPeriodEnd);
		String version = FormCatalog.load().versions().stream()
			.filter((form) -> form.maTKhai().equals(maTKhai))
			.findFirst()
			.orElseThrow()
			.version();
		for (long seed = 1; seed < 2000; seed++) {
			String xml = new String(generator.generate(maTKhai, version, seed), StandardCharsets.UTF_8);
			if (!xml.contains("<DLyThue>") && wanted.test(xml)) {
				return xml;
			}
		}
		throw new AssertionError("no generated " + maTKhai + " return matches");
	}

	/** The return of a project of a taxpayer, prepared and signed the day before the server's clock. */
	private static String project(String xml, String mst, String name) {
		String mine = SampleReturns.with(SampleReturns.with(xml, "mst", mst), "maCQTNoiNop", "99999");
		return resigned(SampleReturns.with(mine, "ct09", name));
	}

	private static String resigned(String xml) {
		String day = xml.contains("<ngayKy>2026-05-09<") ? "2026-05-08" : "2026-05-09";
		return SampleReturns.with(SampleReturns.with(xml, "ngayLapTKhai", day), "ngayKy", day);
	}

	/** An accepted Q4/2025 02/GTGT of a project, as the intake stores it, with only the indicators given. */
	private String acceptedFourthQuarter(String mst, String project, String indicators) {
		String code = "109" + System.nanoTime() % 100_000_000_000_000L;
		this.jdbc.sql("""
				INSERT INTO filing.tax_return (id, transaction_code, mst, form_code, ma_tkhai, form_version, filing_type,
				    submission_number, period_kind, period_value, tax_office_code, status, received_at, content_sha256,
				    indicators, findings, xml, chain_key, filed_by)
				VALUES (gen_random_uuid(), lpad(?, 17, '0'), ?, '02/GTGT', '844', '2.2.1', 'C', 0, 'Q', '4/2025', '99999',
				    'ACCEPTED', now(), repeat('0', 64), ?::jsonb, '[]'::jsonb, ''::bytea, ?, 'test')
				""")
			.params(code, mst, indicators, String.join("|", mst, "02/GTGT", "Q", "4/2025", "", "@" + project))
			.update();
		return String.format("%17s", code).replace(' ', '0');
	}

	private String chainKeyOf(JsonNode receipt) {
		return this.jdbc.sql("SELECT chain_key FROM filing.tax_return WHERE id = ?::uuid")
			.param(receipt.get("returnId").asString())
			.query(String.class)
			.single();
	}

	private static String indicator(String xml, String name) {
		Matcher matcher = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
		return matcher.find() ? matcher.group(1) : "";
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
