package etax.declaration.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateRangesTests {

	private static final FormCatalog CATALOG = FormCatalog.load();

	@Test
	void aCalendarYearDeclaredAsADateRangeIsDeclaredAsTheYear() {
		Finding finding = DateRanges.calendarYear(cit("C", range("K", "2025-01-01", "2025-12-31"))).orElseThrow();

		assertThat(finding.ruleId()).isEqualTo("CTX-PER-05");
		assertThat(finding.severity()).isEqualTo(Severity.REJECT);
		assertThat(finding.xpath()).endsWith("/kieuKy");
		assertThat(finding.value()).isEqualTo("K");
		assertThat(finding.message().en()).contains("calendar year 2025");
		assertThat(finding.remedy().en()).isEqualTo("Set kieuKy to Y and kyKKhai to 2025.");
		assertThat(finding.message().vi()).contains("năm dương lịch 2025");
		assertThat(DateRanges.calendarYear(cit("C", range("N", "2024-01-01", "2024-12-31")))).isPresent();
	}

	@Test
	void aSupplementOfAChainDeclaredAsARangeKeepsItsRange() {
		assertThat(DateRanges.calendarYear(cit("B", range("K", "2025-01-01", "2025-12-31")))).isEmpty();
	}

	@Test
	void theFinalizationsOfForeignContractorsContractsMayOverlap() {
		ReturnHeader header = new ReturnHeader("0313829148", "02/NTNN", "921", "2.1.0", "C", 0,
				range("K", "2025-06-01", "2025-11-30"), "99999", LocalDate.parse("2026-01-09"), null);
		ReturnDocument contract = new ReturnDocument(header, CATALOG.find("921", "2.1.0", "C").orElseThrow(), Map.of(),
				List.of(), null, "0".repeat(64), new byte[0]);

		assertThat(DateRanges.scopeOf(contract)).as("one finalization per contract, whose durations overlap").isEmpty();
	}

	@Test
	void otherRangesAndYearsAreNotCalendarYearsDeclaredAsRanges() {
		assertThat(DateRanges.calendarYear(cit("C", range("K", "2025-04-01", "2026-03-31")))).isEmpty();
		assertThat(DateRanges.calendarYear(cit("C", range("K", "2025-01-01", "2025-12-30")))).isEmpty();
		assertThat(DateRanges.calendarYear(cit("C", range("K", "2025-01-01", "2026-12-31")))).as("two years").isEmpty();
		assertThat(DateRanges.calendarYear(cit("C", new TaxPeriod("Y", "2025", LocalDate.parse("2025-01-01"),
				LocalDate.parse("2025-12-31"))))).isEmpty();
	}

	/**
	 * A date range is a fiscal year or a part of one, at most 15 months: four years put off every year's deadline to
	 * the range's end. Not a foreign contractor's contract, nor a supplement, which follows its chain.
	 */
	@Test
	void aDateRangeIsAtMostAFiscalYearOf15Months() {
		Finding finding = DateRanges.longerThanAFiscalYear(cit("C", range("K", "2022-04-01", "2026-03-31")))
			.orElseThrow();

		assertThat(finding.ruleId()).isEqualTo("CTX-PER-06");
		assertThat(finding.severity()).isEqualTo(Severity.REJECT);
		assertThat(finding.xpath()).endsWith("/kyKKhaiDenNgay");
		assertThat(finding.value()).isEqualTo("31/03/2026");
		assertThat(finding.message().en()).contains("01/04/2022 to 31/03/2026").contains("at most 15 months");
		assertThat(DateRanges.longerThanAFiscalYear(cit("C", range("K", "2025-01-01", "2026-04-01")))).as("a day over")
			.isPresent();
		assertThat(DateRanges.longerThanAFiscalYear(cit("C", range("K", "2025-01-01", "2026-03-31"))))
			.as("15 months: a first year joined to the next")
			.isEmpty();
		assertThat(DateRanges.longerThanAFiscalYear(cit("B", range("K", "2022-04-01", "2026-03-31")))).isEmpty();
		ReturnHeader header = new ReturnHeader("0313829148", "02/NTNN", "921", "2.1.0", "C", 0,
				range("K", "2023-06-01", "2025-11-30"), "99999", LocalDate.parse("2026-01-09"), null);
		assertThat(DateRanges.longerThanAFiscalYear(new ReturnDocument(header,
				CATALOG.find("921", "2.1.0", "C").orElseThrow(), Map.of(), List.of(), null, "0".repeat(64), new byte[0])))
			.as("a contract of two and a half years")
			.isEmpty();
	}

	@Test
	void anOriginalOverlappingAnAcceptedOriginalOfAnotherChainIsRefusedWithAPointerToIt() {
		ReturnDocument fiscal = cit("C", range("K", "2025-04-01", "2026-03-31"));
		UUID id = UUID.randomUUID();
		DateRanges.Original lastYear = original(id, "10800000000000001", range("K", "2024-04-01", "2025-03-31"));
		DateRanges.Original calendar = original(id, "10800000000000002", new TaxPeriod("Y", "2025", null, null));
		DateRanges.Original shorter = original(id, "10800000000000003", range("K", "2025-04-01", "2025-12-31"));
		DateRanges.Original same = original(id, "10800000000000004", range("K", "2025-04-01", "2026-03-31"));

		assertThat(DateRanges.check(fiscal, ReturnChains.keyOf(fiscal), List.of(lastYear, same))).as("its own chain")
			.isEmpty();
		assertThat(DateRanges.check(fiscal, ReturnChains.keyOf(fiscal), List.of(lastYear, shorter)))
			.hasValueSatisfying((finding) -> {
				assertThat(finding.ruleId()).isEqualTo("CTX-DUP-15");
				assertThat(finding.severity()).isEqualTo(Severity.REJECT);
				assertThat(finding.xpath()).endsWith("/kyKKhaiTuNgay");
				assertThat(finding.value()).isEqualTo("10800000000000003");
				assertThat(finding.message().en()).contains("01/04/2025–31/03/2026")
					.contains("01/04/2025–31/12/2025")
					.contains("10800000000000003")
					.contains(id.toString());
				assertThat(finding.remedy().en()).contains("supplement return 10800000000000003");
			});
		assertThat(DateRanges.check(fiscal, ReturnChains.keyOf(fiscal), List.of(calendar)))
			.map(Finding::value)
			.contains("10800000000000002");
		ReturnDocument year = cit("C", new TaxPeriod("Y", "2025", null, null));
		assertThat(DateRanges.check(year, ReturnChains.keyOf(year), List.of(shorter))).as("a year over a range").isPresent();
		assertThat(DateRanges.check(year, ReturnChains.keyOf(year), List.of(lastYear)))
			.as("01/04/2024–31/03/2025 overlaps 2025 by three months").isPresent();
	}

	@Test
	void onlyOriginalsOfDateRangeFormsHaveAScope() {
		assertThat(DateRanges.scopeOf(cit("C", range("K", "2025-04-01", "2026-03-31")))).contains("0313829148|03/TNDN");
		assertThat(DateRanges.scopeOf(cit("C", new TaxPeriod("Y", "2025", null, null)))).contains("0313829148|03/TNDN");
		assertThat(DateRanges.scopeOf(cit("B", range("K", "2025-04-01", "2026-03-31")))).as("a supplement").isEmpty();
		ReturnHeader vat = new ReturnHeader("0313829148", "01/GTGT", "842", "2.8.3", "C", 0,
				new TaxPeriod("Q", "1/2026", null, null), "99999", LocalDate.parse("2026-04-20"), null);
		assertThat(DateRanges.scopeOf(new ReturnDocument(vat, CATALOG.find("842", "2.8.3", "C").orElseThrow(), Map.of(),
				List.of(), null, "0".repeat(64), new byte[0]))).as("a form without date ranges").isEmpty();
		assertThat(DateRanges.lockName("0313829148|03/TNDN")).isEqualTo("ranges|0313829148|03/TNDN");
	}

	private static DateRanges.Original original(UUID id, String code, TaxPeriod period) {
		ReturnDocument document = cit("C", period);
		return DateRanges.of(document, ReturnChains.keyOf(document), id, code).orElseThrow();
	}

	private static TaxPeriod range(String kind, String from, String to) {
		return new TaxPeriod(kind, "", LocalDate.parse(from), LocalDate.parse(to));
	}

	private static ReturnDocument cit(String filingType, TaxPeriod period) {
		ReturnHeader header = new ReturnHeader("0313829148", "03/TNDN", "892", "2.5.4", filingType,
				"B".equals(filingType) ? 1 : 0, period, "99999", LocalDate.parse("2026-05-09"), null);
		return new ReturnDocument(header, CATALOG.find("892", "2.5.4", "C").orElseThrow(), Map.of(), List.of(), null,
				"0".repeat(64), new byte[0]);
	}

}
