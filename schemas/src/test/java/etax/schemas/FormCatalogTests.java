package etax.schemas;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FormCatalogTests {

	private static final String HEADER = "form_code,ma_tkhai,version,filing_types,tax_type,period_kinds,deadline_rule,"
			+ "effective_from,effective_to,xsd,payable_indicators\n";

	@Test
	void shippedCatalogDescribes01GtgtVersion283() {
		FormCatalog catalog = FormCatalog.load();

		assertThat(catalog.versions()).containsExactly(new FormVersion("01/GTGT", "842", "2.8.3", Set.of("C", "B"),
				"GTGT", Set.of("M", "Q"), "DL20/DLQ", LocalDate.of(2022, 1, 1), null, Map.of("ct40", "1701")));
		assertThat(catalog.find("842", "2.8.3", "C")).isPresent();
		assertThat(catalog.find("842", "2.8.3", "B")).isPresent();
		assertThat(catalog.find("842", "2.8.3", "T")).isEmpty();
		assertThat(catalog.find("842", "2.8.2", "C")).isEmpty();
		assertThat(catalog.find("01", "2.8.3", "C")).isEmpty();
		assertThat(FormCatalog.load()).isSameAs(catalog);
	}

	@Test
	void everyShippedVersionHasACompilableCachedSchema() {
		FormCatalog catalog = FormCatalog.load();
		for (FormVersion form : catalog.versions()) {
			CatalogEntry entry = catalog.entry(form.maTKhai(), form.version(), form.filingTypes().iterator().next())
				.orElseThrow();
			assertThat(catalog.schema(entry)).isSameAs(catalog.schema(entry));
		}
	}

	@Test
	void readerIsGenericOverRowsAndColumnOrder() {
		String csv = "# comment\n" + "xsd,form_code,ma_tkhai,version,filing_types,tax_type,period_kinds,deadline_rule,"
				+ "effective_from,effective_to,payable_indicators,extra\n"
				+ "a.xsd,01/GTGT,842,2.8.2,C,GTGT,M/Q,DL20/DLQ,2022-01-01,2024-12-31,ct40:1701,x\n"
				+ "b.xsd,01/GTGT,842,2.8.3,C/B,GTGT,M/Q,DL20/DLQ,2025-01-01,,ct40:1701/ct28:1702,y\n";

		List<CatalogEntry> entries = read(csv);

		assertThat(entries).extracting(CatalogEntry::xsdPath).containsExactly("a.xsd", "b.xsd");
		assertThat(entries.get(0).form().effectiveTo()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(entries.get(1).form().payableIndicators()).isEqualTo(Map.of("ct40", "1701", "ct28", "1702"));
		FormCatalog catalog = new FormCatalog(entries);
		assertThat(catalog.versionsOf("842")).extracting(FormVersion::version).containsExactly("2.8.2", "2.8.3");
		assertThat(catalog.find("842", "2.8.2", "B")).isEmpty();
		assertThat(entries.get(0).form().isInForceOn(LocalDate.of(2025, 1, 1))).isFalse();
		assertThat(entries.get(1).form().isInForceOn(LocalDate.of(2025, 1, 1))).isTrue();
	}

	@Test
	void readerRejectsBrokenRows() {
		assertThatIllegalStateException().isThrownBy(() -> read("form_code,ma_tkhai\n01/GTGT,842\n"))
			.withMessageContaining("missing column");
		assertThatIllegalStateException()
			.isThrownBy(() -> read(HEADER + "01/GTGT,842,2.8.3,C,GTGT,M,DL20,not-a-date,,x.xsd,ct40:1701\n"))
			.withMessageContaining("test:2");
		assertThatIllegalStateException()
			.isThrownBy(() -> read(HEADER + "01/GTGT,842,2.8.3,C,GTGT,M,DL20,2022-01-01,,x.xsd,ct40\n"))
			.withMessageContaining("indicator:subItem");
	}

	@Test
	void samplesAreReadByFormVersionAndName() {
		assertThat(new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8))
			.contains("<maTKhai>842</maTKhai>");
		assertThatIllegalArgumentException().isThrownBy(() -> Samples.read("842", "2.8.3", "missing.xml"));
		assertThatIllegalArgumentException().isThrownBy(() -> Samples.read("842", "..", "catalog.csv"));
	}

	private static List<CatalogEntry> read(String csv) {
		return CatalogReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test");
	}

}
