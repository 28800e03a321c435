package etax.declaration.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependentUnitTests {

	private static final FormCatalog CATALOG = FormCatalog.load();

	@Test
	void theTaxpayerItselfAndItsOwnUnitsAreAccepted() {
		for (String unit : List.of("", "0313829148", "0313829148000", "0313829148-000", "0313829148-001", "0313829148001",
				"0313829148-999")) {
			assertThat(check("0313829148", "", unit)).as(unit).isEmpty();
			assertThat(check("0313829148", "Chi nhánh Đà Nẵng", unit.isEmpty() ? "0313829148-002" : unit)).as(unit)
				.isEmpty();
		}
		assertThat(check("0313829148-001", "", "0313829148001")).as("a branch filing for itself").isEmpty();
		assertThat(check("0313829148-001", "", "0313829148-002")).as("a unit of the same taxpayer").isEmpty();
	}

	@Test
	void anythingElseInCt10IsNoUnitOfTheTaxpayer() {
		for (String unit : List.of("Chi nhánh Đà Nẵng", "0100109106", "0100109106-001", "01001091060001", "0313829148-1",
				"0313829148-0001", " ")) {
			Optional<Finding> finding = check("0313829148", "", unit);
			assertThat(finding).as(unit).hasValueSatisfying((refused) -> {
				assertThat(refused.ruleId()).isEqualTo("CTX-UNIT-01");
				assertThat(refused.severity()).isEqualTo(Severity.REJECT);
				assertThat(refused.xpath()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/Header/ct10");
				assertThat(refused.value()).isEqualTo(unit);
				assertThat(refused.message().en()).contains("0313829148").contains("001 to 999");
				assertThat(refused.remedy().en()).contains("0313829148-NNN");
				assertThat(refused.message().vi()).isNotBlank();
				assertThat(refused.remedy().vi()).isNotBlank();
			});
		}
		assertThat(check("0313829148-001", "", "0313829148")).as("a branch does not file for its head office")
			.map(Finding::ruleId)
			.contains("CTX-UNIT-01");
	}

	@Test
	void aNameWithoutAnMstOpensNoChain() {
		Optional<Finding> finding = check("0313829148", "Địa điểm kinh doanh số 1", "");

		assertThat(finding).map(Finding::ruleId).contains("CTX-UNIT-02");
		assertThat(finding.orElseThrow().xpath()).endsWith("/Header/ct10");
		assertThat(finding.orElseThrow().remedy().en()).contains("0313829148-NNN");
	}

	@Test
	void formsWithoutAUnitMstAreNotConcerned() {
		assertThat(DependentUnit.check(document("844", "2.2.1", "02/GTGT", "0313829148",
				Map.of("ct09", "Dự án nhà máy A", "ct10", "Khu công nghiệp Ví Dụ")))).as("02/GTGT: a project name, no unit")
			.isEmpty();
		assertThat(DependentUnit.check(document("824", "2.1.0", "01/LPMB", "0313829148", Map.of("ct10", "1000000"))))
			.as("an amount").isEmpty();
	}

	private static Optional<Finding> check(String mst, String name, String unit) {
		return DependentUnit.check(document("842", "2.8.3", "01/GTGT", mst, Map.of("ct09", name, "ct10", unit)));
	}

	private static ReturnDocument document(String maTKhai, String version, String formCode, String mst,
			Map<String, String> indicators) {
		ReturnHeader header = new ReturnHeader(mst, formCode, maTKhai, version, "C", 0,
				new TaxPeriod("Q", "1/2026", null, null), "99999", LocalDate.parse("2026-04-20"), null);
		return new ReturnDocument(header, CATALOG.find(maTKhai, version, "C").orElseThrow(), indicators, List.of(), null,
				"0".repeat(64), new byte[0]);
	}

}
