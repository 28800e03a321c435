package etax.declaration.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.accepted;
import static etax.declaration.submission.GeneratedReturns.finding;
import static etax.declaration.submission.GeneratedReturns.generated;
import static etax.declaration.submission.GeneratedReturns.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a filer writes cannot open a second chain for a period it already filed (ADR 0010), on real PostgreSQL on
 * 10 May 2026: the taxpayer's own MST in [10] is the taxpayer's chain, [10] must otherwise be one of its units
 * (CTX-UNIT-01) and [09] alone names none (CTX-UNIT-02); a calendar year is declared as a year (CTX-PER-05), and an
 * original's date range does not overlap an accepted original's (CTX-DUP-15).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class ChainAliasIntegrationTests {

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
	void theTaxpayersOwnMstInCt10IsNoSecondOriginalHoweverSpelt() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode original = this.calls.file(SampleReturns.forTaxpayer(mst));

		for (String self : List.of(mst, mst + "000", mst + "-000")) {
			JsonNode second = this.calls.file(SampleReturns.with(unit(SampleReturns.forTaxpayer(mst), "Trụ sở chính", self),
					"dthoaiNNT", "0900000000"));
			assertThat(second.get("status").asString()).as(self).isEqualTo("NOT_ACCEPTED");
			assertThat(ruleIds(second)).as(self).contains("CTX-DUP-01").doesNotContain("CTX-UNIT-01");
			assertThat(finding(second, "CTX-DUP-01").get("value").asString())
				.isEqualTo(original.get("transactionCode").asString());
		}
	}

	@Test
	void aCt10ThatIsNoUnitOfTheTaxpayerIsRefusedAndOpensNoChain() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String other = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		assertThat(this.calls.file(SampleReturns.forTaxpayer(mst)).get("status").asString()).isEqualTo("ACCEPTED");

		for (String notAUnit : List.of("Chi nhánh Đà Nẵng", other, other + "-001", mst + "-01")) {
			JsonNode refused = this.calls.file(unit(SampleReturns.forTaxpayer(mst), "Chi nhánh Đà Nẵng", notAUnit));
			assertThat(refused.get("status").asString()).as(notAUnit).isEqualTo("NOT_ACCEPTED");
			JsonNode unit = finding(refused, "CTX-UNIT-01");
			assertThat(unit.get("severity").asString()).isEqualTo("REJECT");
			assertThat(unit.get("category").asString()).isEqualTo("INCORRECT_DATA");
			assertThat(unit.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/Header/ct10");
			assertThat(unit.get("value").asString()).isEqualTo(notAUnit);
			assertThat(unit.at("/message/vi").asString()).contains(mst);
			assertThat(unit.at("/remedy/en").asString()).contains(mst + "-NNN");
		}
		JsonNode nameOnly = this.calls.file(unit(SampleReturns.forTaxpayer(mst), "Địa điểm kinh doanh số 1", ""));
		assertThat(nameOnly.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(finding(nameOnly, "CTX-UNIT-02").get("severity").asString()).isEqualTo("REJECT");
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ? AND status = 'ACCEPTED'")
			.param(mst)
			.query(Long.class)
			.single()).as("one original of Q1/2026").isOne();
	}

	@Test
	void aUnitOfTheTaxpayerFilesItsOwnChainWithOrWithoutTheHyphen() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode headOffice = this.calls.file(SampleReturns.forTaxpayer(mst));
		JsonNode branch = this.calls.file(unit(SampleReturns.forTaxpayer(mst), "Chi nhánh Đà Nẵng", mst + "-001"));
		JsonNode again = this.calls.file(SampleReturns.with(unit(SampleReturns.forTaxpayer(mst), "Chi nhánh Đà Nẵng",
				mst + "001"), "dthoaiNNT", "0900000000"));

		assertThat(headOffice.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(branch.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(again)).contains("CTX-DUP-01").doesNotContain("CTX-UNIT-01");
		assertThat(finding(again, "CTX-DUP-01").get("value").asString()).isEqualTo(branch.get("transactionCode").asString());
	}

	@Test
	void returnsStoredUnderTheTaxpayersOwnMstAreInItsChainAfterV34() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		List<String> form = List.of("01/GTGT", "842", "2.8.3");
		String ownMst = accepted(this.jdbc, mst, form, "Q", "1/2026", "{\"ma_NganhNghe\": \"00\"}", "00", mst);
		String anotherPeriod = accepted(this.jdbc, mst, form, "Q", "4/2025", "{\"ma_NganhNghe\": \"00\"}", "00", mst + "-000");
		String unit = accepted(this.jdbc, mst, form, "Q", "3/2025", "{\"ma_NganhNghe\": \"00\"}", "00", mst + "-001");

		String v34 = migration("V34__head_office_chains_and_date_ranges.sql");
		String update = v34.substring(v34.indexOf("UPDATE tax_return"), v34.indexOf(';', v34.indexOf("UPDATE tax_return")));
		this.jdbc.sql(update.replace("UPDATE tax_return", "UPDATE filing.tax_return")).update();

		assertThat(chainKey(ownMst)).isEqualTo(mst + "|01/GTGT|Q|1/2026|00|");
		assertThat(chainKey(anotherPeriod)).isEqualTo(mst + "|01/GTGT|Q|4/2025|00|");
		assertThat(chainKey(unit)).as("a unit keeps its key").isEqualTo(mst + "|01/GTGT|Q|3/2025|00|" + mst + "-001");
		JsonNode second = this.calls.file(SampleReturns.forTaxpayer(mst));
		assertThat(ruleIds(second)).contains("CTX-DUP-01");
		assertThat(finding(second, "CTX-DUP-01").get("value").asString()).isEqualTo(ownMst);
	}

	@Test
	void aSupplementOfAChainV34MadeOfTwoOriginalsWaitsForTheTaxOffice() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		List<String> form = List.of("01/GTGT", "842", "2.8.3");
		// as the alias let them be accepted: one original without a unit, one with the taxpayer's own MST in [10]
		String plain = accepted(this.jdbc, mst, form, "Q", "1/2026", "{\"ma_NganhNghe\": \"00\"}", "00", "");
		String alias = accepted(this.jdbc, mst, form, "Q", "1/2026", "{\"ma_NganhNghe\": \"00\"}", "00", mst);
		String v34 = migration("V34__head_office_chains_and_date_ranges.sql");
		String update = v34.substring(v34.indexOf("UPDATE tax_return"), v34.indexOf(';', v34.indexOf("UPDATE tax_return")));
		this.jdbc.sql(update.replace("UPDATE tax_return", "UPDATE filing.tax_return")).update();

		JsonNode supplement = this.calls.file(SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1));

		assertThat(supplement.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(ruleIds(supplement)).contains("CTX-DUP-16");
		assertThat(finding(supplement, "CTX-DUP-16").get("value").asString()).contains(plain, alias);
	}

	@Test
	void aCalendarYearDeclaredAsADateRangeIsRefusedForTheYear() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String calendar = bounds(fiscalYear(mst), "01/01/2025", "31/12/2025");

		JsonNode refused = this.calls.file(calendar);

		assertThat(refused.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(ruleIds(refused)).containsExactly("CTX-PER-05");
		JsonNode year = refused.at("/findings/0");
		assertThat(year.get("severity").asString()).isEqualTo("REJECT");
		assertThat(year.get("xpath").asString()).endsWith("/kieuKy");
		assertThat(year.at("/message/en").asString()).contains("calendar year 2025");
		assertThat(year.at("/remedy/en").asString()).isEqualTo("Set kieuKy to Y and kyKKhai to 2025.");
		assertThat(refused.get("payableItems").isEmpty()).isTrue();
		assertThat(ruleIds(this.calls.validate(calendar))).as("the dry run says so too").containsExactly("CTX-PER-05");
	}

	@Test
	void anOriginalWhoseDateRangeOverlapsAnAcceptedOnesIsRefusedWithAPointerToIt() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String fiscal = fiscalYear(mst);
		JsonNode first = this.calls.file(bounds(fiscal, "01/04/2024", "31/03/2025"));
		String shifted = bounds(fiscal, "01/07/2024", "30/06/2025");

		JsonNode dryRun = this.calls.validate(shifted);
		JsonNode overlapping = this.calls.file(shifted);
		JsonNode next = this.calls.file(bounds(fiscal, "01/04/2025", "31/03/2026"));

		assertThat(first.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(dryRun)).contains("CTX-DUP-15");
		assertThat(overlapping.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode overlap = finding(overlapping, "CTX-DUP-15");
		assertThat(overlap.get("severity").asString()).isEqualTo("REJECT");
		assertThat(overlap.get("category").asString()).isEqualTo("DUPLICATE_CONDITION");
		assertThat(overlap.get("xpath").asString()).endsWith("/kyKKhaiTuNgay");
		assertThat(overlap.get("value").asString()).isEqualTo(first.get("transactionCode").asString());
		assertThat(overlap.at("/message/en").asString()).contains("01/07/2024–30/06/2025")
			.contains("01/04/2024–31/03/2025")
			.contains(first.get("returnId").asString());
		assertThat(overlap.at("/remedy/vi").asString()).contains(first.get("transactionCode").asString());
		assertThat(next.get("status").asString()).as("the next fiscal year").isEqualTo("ACCEPTED");
	}

	/** A generated 03/TNDN of a fiscal year, filed by the taxpayer with its office, prepared the day before. */
	private static String fiscalYear(String mst) {
		String xml = generated("892", "2.5.4", LocalDate.parse("2026-03-31"), (candidate) -> candidate.contains("<kieuKy>K<"));
		String named = SampleReturns.with(SampleReturns.with(xml, "mst", mst), "maCQTNoiNop", "99999");
		return SampleReturns.with(SampleReturns.with(named, "ngayLapTKhai", "2026-05-09"), "ngayKy", "2026-05-09");
	}

	private static String bounds(String xml, String from, String to) {
		return SampleReturns.with(SampleReturns.with(xml, "kyKKhaiTuNgay", from), "kyKKhaiDenNgay", to);
	}

	/** The sample with [09] and [10] of its Header group. */
	private static String unit(String xml, String name, String mst) {
		return SampleReturns.with(SampleReturns.with(xml, "ct09", name), "ct10", mst);
	}

	private String chainKey(String transactionCode) {
		return this.jdbc.sql("SELECT chain_key FROM filing.tax_return WHERE transaction_code = ?")
			.param(transactionCode)
			.query(String.class)
			.single();
	}

	private static String migration(String name) throws IOException {
		try (InputStream in = new ClassPathResource("db/migration/declaration/" + name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
