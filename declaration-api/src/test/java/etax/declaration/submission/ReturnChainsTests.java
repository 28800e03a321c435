package etax.declaration.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import etax.schemas.FormCatalog;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnChainsTests {

	private static final FormCatalog CATALOG = FormCatalog.load();

	@Test
	void anAmountInCt10IsNotPartOfTheChainKey() {
		String oneBranch = ReturnChains.keyOf(document("824", "2.1.0", "01/LPMB", Map.of("ct10", "1000000")));
		String twoBranches = ReturnChains.keyOf(document("824", "2.1.0", "01/LPMB", Map.of("ct10", "2000000")));

		assertThat(oneBranch).isEqualTo(twoBranches).isEqualTo("0313829148|01/LPMB|D|28/09/2026||");
	}

	@Test
	void theDependentUnitOf01GtgtIsItsMstOrElseItsName() {
		assertThat(ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT",
				Map.of("ma_NganhNghe", "00", "ct09", "Chi nhánh Đà Nẵng", "ct10", "0313829148-001"))))
			.isEqualTo("0313829148|01/GTGT|D|28/09/2026|00|0313829148-001");
		assertThat(ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT",
				Map.of("ma_NganhNghe", "00", "ct09", "Địa điểm kinh doanh số 1", "ct10", ""))))
			.isEqualTo("0313829148|01/GTGT|D|28/09/2026|00|@Địa điểm kinh doanh số 1");
		assertThat(ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT", Map.of("ma_NganhNghe", "00", "ct09", "", "ct10", ""))))
			.as("the head office, as stored before V14").isEqualTo("0313829148|01/GTGT|D|28/09/2026|00|");
	}

	@Test
	void aUnitTooLongForAnIndexEntryIsKeyedByItsDigest() {
		String cjk = "漢".repeat(1_000);
		String key = ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT",
				Map.of("ma_NganhNghe", "00", "ct09", "", "ct10", cjk)));
		assertThat(key).startsWith("0313829148|01/GTGT|D|28/09/2026|00|#").hasSize(35 + 1 + 64);
		assertThat(ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT",
				Map.of("ma_NganhNghe", "00", "ct09", "", "ct10", cjk)))).as("the same text, the same chain").isEqualTo(key);
		String name = "Đ".repeat(DependentUnit.MAX_KEY_PART_BYTES / 2 - 1);
		assertThat(ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT",
				Map.of("ma_NganhNghe", "00", "ct09", name, "ct10", "")))).as("one within the bound is kept as written")
			.endsWith("|@" + name);
	}

	@Test
	void thePeriodBeforeIsTheMonthOrQuarterEndingTheDayBeforeTheSameKindFirst() {
		Map<String, String> carried = Map.of("ma_NganhNghe", "00", "ct22", "0");
		String head = "0313829148|01/GTGT|";

		assertThat(CarriedOver.previousKeys(document("842", "2.8.3", "01/GTGT", carried, new TaxPeriod("Q", "1/2026", null, null))))
			.containsExactly(head + "Q|4/2025|00|", head + "M|12/2025|00|");
		assertThat(CarriedOver.previousKeys(document("842", "2.8.3", "01/GTGT", carried, new TaxPeriod("M", "04/2026", null, null))))
			.containsExactly(head + "M|03/2026|00|", head + "Q|1/2026|00|");
		assertThat(CarriedOver.previousKeys(document("842", "2.8.3", "01/GTGT", carried, new TaxPeriod("M", "05/2026", null, null))))
			.containsExactly(head + "M|04/2026|00|");
		assertThat(CarriedOver.previousKeys(document("824", "2.1.0", "01/LPMB", Map.of(), new TaxPeriod("D", "28/09/2026", null, null))))
			.as("no carry-over rule").isEmpty();
	}

	@Test
	void aDependentUnitsMstNamesOneChainWithOrWithoutItsHyphen() {
		TaxPeriod quarter = new TaxPeriod("Q", "1/2026", null, null);
		String hyphen = ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT", Map.of("ct10", "0313829148-001"), quarter));
		String digits = ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT", Map.of("ct10", "0313829148001"), quarter));
		String headOffice = ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT", Map.of("ct10", "0313829148000"),
				quarter));

		assertThat(digits).isEqualTo(hyphen).endsWith("|0313829148-001");
		assertThat(headOffice).as("the taxpayer itself").endsWith("||");
		assertThat(ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT", Map.of("ct10", "0313829148-002"), quarter)))
			.isNotEqualTo(hyphen);
	}

	@Test
	void theTaxpayersOwnMstInCt10IsTheChainOfAnEmptyUnitHoweverSpelt() {
		TaxPeriod quarter = new TaxPeriod("Q", "1/2026", null, null);
		String empty = ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT", Map.of("ma_NganhNghe", "00", "ct10", ""), quarter));

		assertThat(empty).isEqualTo("0313829148|01/GTGT|Q|1/2026|00|");
		for (String self : List.of("0313829148", "0313829148000", "0313829148-000")) {
			assertThat(ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT",
					Map.of("ma_NganhNghe", "00", "ct09", "Trụ sở chính", "ct10", self), quarter))).as(self).isEqualTo(empty);
			assertThat(ReturnChains.keyOf(document("850", "2.1.2", "05/GTGT", Map.of("ct10", self), quarter))).as(self)
				.isEqualTo("0313829148|05/GTGT|Q|1/2026||");
		}
		assertThat(ReturnChains.keyOf(document("842", "2.8.3", "01/GTGT", Map.of("ma_NganhNghe", "00", "ct10", "0100109106"),
				quarter))).as("another taxpayer's MST (CTX-UNIT-01 refuses it) keys as before").endsWith("|00|0100109106");
	}

	@Test
	void aDateRangeIsNamedByItsBoundsSoEachFiscalPeriodIsAChainOfItsOwn() {
		String lastYear = ReturnChains.keyOf(document("892", "2.5.4", "03/TNDN", Map.of(),
				new TaxPeriod("K", "", LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31"))));
		String thisYear = ReturnChains.keyOf(document("892", "2.5.4", "03/TNDN", Map.of(),
				new TaxPeriod("K", "", LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"))));

		assertThat(lastYear).isEqualTo("0313829148|03/TNDN|K|01/04/2024-31/03/2025||");
		assertThat(thisYear).isNotEqualTo(lastYear);
		assertThat(ReturnChains.periodOf(new TaxPeriod("N", "", LocalDate.parse("2025-04-01"), null)))
			.as("bounds left empty stay empty, as V16 keys them").isEqualTo("01/04/2025-");
		assertThat(ReturnChains.periodOf(new TaxPeriod("Q", "1/2026", LocalDate.parse("2026-01-01"),
				LocalDate.parse("2026-03-31")))).isEqualTo("1/2026");
	}

	@Test
	void aFinalizationReadsTheChainsOfTheYearsWithholdingReturnsEachQuarterThenItsMonths() {
		ReturnDocument finalization = document("953", "2.4.0", "05/QTT-TNCN", Map.of("ct31", "0"),
				new TaxPeriod("Y", "2025", null, null));
		ReturnDocument withholding = document("864", "2.5.0", "05/KK-TNCN", Map.of(), new TaxPeriod("M", "02/2025", null, null));

		assertThat(YearTotals.keys(finalization)).hasSize(16)
			.startsWith("0313829148|05/KK-TNCN|Q|1/2025||", "0313829148|05/KK-TNCN|M|01/2025||")
			.as("the keys a withholding return is filed under").contains(ReturnChains.keyOf(withholding))
			.endsWith("0313829148|05/KK-TNCN|M|12/2025||");
		assertThat(OtherReturns.keys(finalization)).isEqualTo(YearTotals.keys(finalization));
		assertThat(YearTotals.keys(document("953", "2.4.0", "05/QTT-TNCN", Map.of(),
				new TaxPeriod("K", "", LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"))))).as("a fiscal year")
			.isEmpty();
	}

	@Test
	void theReturnInForceIsTheLatestAcceptedEvenAmongReplacementsThatAllCarrySoLanZero() {
		ReturnChains.Member original = member("C", 0);
		ReturnChains.Member supplement = member("B", 1);
		ReturnChains.Member replacement = member("T", 0);
		ReturnChains.Member another = member("T", 0);

		assertThat(ReturnChains.current(List.of(original, supplement, replacement, another))).contains(another);
		assertThat(ReturnChains.current(List.of(original, supplement, replacement))).contains(replacement);
		assertThat(ReturnChains.current(List.of())).isEmpty();
	}

	private static ReturnChains.Member member(String filingType, int soLan) {
		return new ReturnChains.Member(java.util.UUID.randomUUID(), "1".repeat(17), filingType, soLan, Map.of(), null, null);
	}

	private static ReturnDocument document(String maTKhai, String version, String formCode, Map<String, String> indicators) {
		return document(maTKhai, version, formCode, indicators, new TaxPeriod("D", "28/09/2026", null, null));
	}

	private static ReturnDocument document(String maTKhai, String version, String formCode, Map<String, String> indicators,
			TaxPeriod period) {
		ReturnHeader header = new ReturnHeader("0313829148", formCode, maTKhai, version, "C", 0, period, "99999",
				LocalDate.parse("2026-10-01"), null);
		return new ReturnDocument(header, CATALOG.find(maTKhai, version, "C").orElseThrow(), indicators, List.of(),
				null, "0".repeat(64), new byte[0]);
	}

}
