package etax.declaration.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.schemas.DeclaredChange;
import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupplementExplanationTests {

	private static final String ROW = "/HSoThueDTu/HSoKhaiThue/PLuc/PL01_1_KHBS/GiaiTrinh/ChiTiet[1]";

	private static final ReturnChains.Member IN_FORCE = new ReturnChains.Member(UUID.randomUUID(), "10000000000000042", "C", 0,
			Map.of("ct25", "42000000", "ct36", "34000000", "ct40", "22000000", "ct09", "Chi nhánh", "ma_NganhNghe", "00"), null, null);

	@Test
	void anExplanationThatMatchesBothReturnsHasNothingToSay() {
		ReturnDocument supplement = supplement(Map.of("ct25", "45000000", "ct36", "37000000", "ct40", "25000000"),
				change("25", "42000000", "45000000"), change("36", "34000000", "37000000"), change("40", "22000000", "25000000"));

		assertThat(SupplementExplanation.check(supplement, IN_FORCE)).isEmpty();
	}

	@Test
	void anAdjustedFigureThatIsNotTheSupplementsOwnIsNotAccepted() {
		ReturnDocument supplement = supplement(Map.of("ct25", "42000000", "ct36", "34000000", "ct40", "25000000"),
				change("40", "22000000", "26000000"));

		Finding finding = SupplementExplanation.check(supplement, IN_FORCE).get(0);

		assertThat(finding.ruleId()).isEqualTo("CTX-DUP-07");
		assertThat(finding.severity()).isEqualTo(Severity.REJECT);
		assertThat(finding.xpath()).isEqualTo(ROW + "/soDieuChinh");
		assertThat(finding.message().en()).contains("is 26000000, not this supplement's own figure: 25000000");
	}

	@Test
	void aWrongDeclaredFigureIsReportedOnceNotAlsoAsAWrongAdjustment() {
		ReturnDocument supplement = supplement(Map.of("ct25", "42000000", "ct36", "34000000", "ct40", "25000000"),
				change("40", "21000000", "26000000"));

		assertThat(SupplementExplanation.check(supplement, IN_FORCE)).extracting(Finding::ruleId).containsExactly("CTX-DUP-04");
	}

	@Test
	void changedAmountsLeftOutOfTheExplanationAreNamedInOneWarning() {
		ReturnDocument supplement = supplement(
				Map.of("ct25", "45000000", "ct36", "37000000", "ct40", "25000000", "ct09", "Chi nhánh mới", "ma_NganhNghe", "00"),
				change("40", "22000000", "25000000"));

		List<Finding> findings = SupplementExplanation.check(supplement, IN_FORCE);

		assertThat(findings).extracting(Finding::ruleId).containsExactly("CTX-DUP-08");
		assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
		assertThat(findings.get(0).value()).as("texts are not amounts to explain").isEqualTo("[25], [36]");
		assertThat(findings.get(0).message().en()).contains("10000000000000042");
	}

	private static DeclaredChange change(String code, String declared, String adjusted) {
		return new DeclaredChange(code, declared, adjusted, ROW);
	}

	private static ReturnDocument supplement(Map<String, String> indicators, DeclaredChange... changes) {
		ReturnHeader header = new ReturnHeader("0313829148", "01/GTGT", "842", "2.8.3", "B", 1,
				new TaxPeriod("Q", "1/2026", null, null), "99999", LocalDate.parse("2026-05-09"), null);
		return new ReturnDocument(header, FormCatalog.load().find("842", "2.8.3", "B").orElseThrow(), indicators,
				List.of(changes), null, "0".repeat(64), new byte[0]);
	}

}
