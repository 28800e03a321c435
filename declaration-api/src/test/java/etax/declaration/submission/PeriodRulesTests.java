package etax.declaration.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The period rules that need no registry: how far ahead an advance declaration may be, how long a range. */
class PeriodRulesTests {

	private static final FormCatalog CATALOG = FormCatalog.load();

	/**
	 * A lump-sum household declares its year by 15 December before it: filed on 20 December 2026, the year 2027
	 * (due 15 December 2026) and not 2028, whose deadline, 15 December 2027, is within a year of the filing too.
	 */
	@Test
	void anAdvanceDeclarationIsForTheComingYearOnly() {
		LocalDate filedOn = LocalDate.parse("2026-12-20");

		assertThat(ruleIds(lumpSum("2027"), filedOn)).isEmpty();
		assertThat(ruleIds(lumpSum("2028"), filedOn)).containsExactly("CTX-PER-02");
		assertThat(ruleIds(lumpSum("2028"), LocalDate.parse("2027-12-01"))).isEmpty();
	}

	/** A date range of four years is no fiscal year: CTX-PER-06, whatever else it would be. */
	@Test
	void aDateRangeLongerThanAFiscalYearIsRefused() {
		ReturnHeader header = new ReturnHeader("0313829148", "03/TNDN", "892", "2.5.4", "C", 0,
				new TaxPeriod("K", "", LocalDate.parse("2022-04-01"), LocalDate.parse("2026-03-31")), "99999",
				LocalDate.parse("2026-05-09"), null);
		ReturnDocument cit = new ReturnDocument(header, CATALOG.find("892", "2.5.4", "C").orElseThrow(), Map.of(),
				List.of(), null, "0".repeat(64), new byte[0]);

		assertThat(ruleIds(cit, LocalDate.parse("2026-05-10"))).containsExactly("CTX-PER-06");
	}

	private static List<String> ruleIds(ReturnDocument document, LocalDate filedOn) {
		List<Finding> findings = new ArrayList<>();
		PeriodRules.check(document, filedOn, null, findings);
		return findings.stream().map(Finding::ruleId).toList();
	}

	private static ReturnDocument lumpSum(String year) {
		ReturnHeader header = new ReturnHeader("0313829148", "01/CNKD", "473", "2.1.0", "C", 0,
				new TaxPeriod("Y", year, null, null), "99999", LocalDate.parse("2026-12-01"), null);
		return new ReturnDocument(header, CATALOG.find("473", "2.1.0", "C").orElseThrow(), Map.of(), List.of(), null,
				"0".repeat(64), new byte[0]);
	}

}
