package etax.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FormCatalogTests {

	private static final Path FORMS = Path.of("src/main/resources", FormSpecReader.FORMS_ROOT);

	@Test
	void theFinalizationsAreTheFormsTheCatalogFilesForKindF() throws IOException {
		Set<String> catalogued = new TreeSet<>();
		List<String> lines = Files.readAllLines(Path.of("../docs/design/forms-catalog.csv"));
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
			if (List.of(columns[7].split("/")).contains("F")) {
				catalogued.add(columns[2]);
			}
		}
		Set<String> flagged = new TreeSet<>();
		FormCatalog.load().versions().stream().filter(FormVersion::finalization).forEach((v) -> flagged.add(v.maTKhai()));

		assertThat(flagged).isNotEmpty().isEqualTo(catalogued);
	}

	@Test
	void shippedCatalogDescribesBothGenerationsOf01Gtgt() {
		FormCatalog catalog = FormCatalog.load();

		assertThat(catalog.find("842", "2.8.3", "C")).contains(new FormVersion("01/GTGT", "842", "2.8.3",
				Set.of("C", "B"), "GTGT", Set.of("M", "Q"), false, LocalDate.of(2022, 1, 1), null,
				Map.of("ct40", "1701"), Map.of(), Map.of()));
		assertThat(catalog.find("01", "2.1.2", "B")).hasValueSatisfying((form) -> {
			assertThat(form.formCode()).isEqualTo("01/GTGT");
			assertThat(form.effectiveTo()).isEqualTo(LocalDate.of(2021, 12, 31));
		});
		assertThat(catalog.find("842", "2.8.3", "B")).isPresent();
		assertThat(catalog.find("842", "2.8.3", "T")).isEmpty();
		assertThat(catalog.find("842", "2.8.2", "C")).isEmpty();
		assertThat(catalog.find("01", "2.8.3", "C")).isEmpty();
		assertThat(FormCatalog.load()).isSameAs(catalog);
	}

	@Test
	void chainFieldsAreTheActivityTheDependentUnitAndTheProjectOnlyWhereTheFormDefinesThem() {
		FormCatalog catalog = FormCatalog.load();

		assertThat(catalog.chainFields("842", "2.8.3")).containsExactly("ma_NganhNghe", "ct09", "ct10");
		assertThat(catalog.chainFields("850", "2.1.2")).containsExactly("ct09", "ct10");
		assertThat(catalog.chainFields("844", "2.2.1")).as("02/GTGT: one return per investment project, named by [09]")
			.containsExactly("ct09");
		assertThat(catalog.chainFields("824", "2.1.0")).as("[10] of 01/LPMB is an amount").isEmpty();
		assertThat(catalog.chainFields("01", "2.1.2")).isEmpty();
		assertThat(catalog.chainFields("842", "0.0.0")).isEmpty();
	}

	/**
	 * VN-ETAX §3.9 R-X-1: "tolerance 0 for sums; warning only for rate × base lines". A tax line computed as its base
	 * times a rate warns, wherever its form is; the sums, caps, shares and conversions around it still reject, and a
	 * rule that cites R-X-1 for its severity is a warning.
	 */
	@Test
	void rateTimesBaseLinesWarnAndTheSumsAndCapsAroundThemReject() {
		FormCatalog catalog = FormCatalog.load();
		Map<String, FormRule> rules = new HashMap<>();
		catalog.versions()
			.forEach((version) -> catalog.rules(version.maTKhai(), version.version())
				.forEach((rule) -> rules.put(rule.id(), rule)));

		assertThat(List.of("TAIN832-R001", "TAIN832-R005", "BVMT914-R001", "SDDPNN825-R001", "SDDPNN825-R005",
				"GTGT846-R002", "TNDN837-R003", "TNDN892-R010", "TNDN892-R016", "TNCN952-R014", "TNCN953-R103"))
			.allSatisfy((id) -> assertThat(rules.get(id).severity()).as(id).isEqualTo(Severity.WARNING));
		assertThat(List.of("TTDB830-R002", "TNCN952-R021", "TNCN953-R106", "TNCN859-R005", "SDDPNN825-R009",
				"LNCL872-R003", "DAUKHI857-R009"))
			.allSatisfy((id) -> assertThat(rules.get(id).severity()).as(id).isEqualTo(Severity.REJECT));
		assertThat(rules.values()).filteredOn((rule) -> rule.source().contains("R-X-1"))
			.hasSizeGreaterThanOrEqualTo(97)
			.allSatisfy((rule) -> assertThat(rule.severity()).as(rule.id()).isEqualTo(Severity.WARNING));
	}

	@Test
	void indexListsExactlyTheFormDirectories() throws IOException {
		List<String> directories;
		try (Stream<Path> files = Files.walk(FORMS, 3)) {
			directories = files.filter((file) -> file.getFileName().toString().equals("form.yaml"))
				.map((file) -> FORMS.relativize(file.getParent()).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
		assertThat(FormCatalog.index()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(directories);
	}

	@Test
	void detailsRulesAndXsdArePublishedPerVersion() {
		FormCatalog catalog = FormCatalog.load();

		FormDetails details = catalog.details("842", "2.8.3").orElseThrow();
		assertThat(details.circular()).isEqualTo("80/2021/TT-BTC");
		assertThat(details.periodDeadlines()).containsExactly(Map.entry("M", "DL20"), Map.entry("Q", "DLQ"));
		assertThat(details.appendices()).extracting(FormDetails.Appendix::id)
			.startsWith("PL01_KHBS", "PL01_1_KHBS")
			.contains("PL_NQ142_GTGT");
		assertThat(details.appendices().get(0)).isEqualTo(new FormDetails.Appendix("PL01_KHBS", "01/KHBS",
				new LocalizedText("Tờ khai bổ sung", "Supplementary return summary"), true));
		assertThat(details.ruleCount()).isEqualTo(catalog.rules("842", "2.8.3").size());

		List<FormRule> rules = catalog.rules("842", "2.8.3");
		assertThat(rules.get(0)).isEqualTo(new FormRule("GTGT842-R001", Category.MATH_ERROR, Severity.REJECT, "ct27",
				"ct27 == ct29 + ct30 + ct32 + ct32a", null, null, rules.get(0).message(), rules.get(0).remedy(),
				"VN-ETAX.md §1.8"));
		assertThat(rules).filteredOn((rule) -> "PL01_1_KHBS".equals(rule.appendix()))
			.extracting(FormRule::id)
			.containsExactly("KHBS011-R001", "KHBS011-R002", "KHBS011-R003", "KHBS011-R004");
		assertThat(catalog.rules("999", "1.0")).isEmpty();

		assertThat(catalog.xsd("842", "2.8.3")).hasValueSatisfying((xsd) -> assertThat(xsd)
			.contains("<xs:redefine schemaLocation=\"../../envelope/TKhaiThue.xsd\">")
			.contains("name=\"PL01_KHBSType\""));
		assertThat(catalog.xsd("842", "9.9.9")).isEmpty();
		assertThat(catalog.envelopeXsd()).contains("name=\"CTieuTKhaiChinhType\"");
	}

	@Test
	void specErrorsNameTheFormAndWhere() {
		assertThatIllegalStateException().isThrownBy(() -> compile("nme: x\n"))
			.withMessageContaining("forms/1/1.0/form.yaml")
			.withMessageContaining("unknown key 'nme'");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile(spec("  - {name: ct1, type: money}\n", rule("ct1 >= 0"))))
			.withMessageContaining("body[0].type")
			.withMessageContaining("unknown type 'money'");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile(spec("  - {name: ct1, type: amount}\n", rule("ct1 == ct99"))))
			.withMessageContaining("form 01/TEST (1/1.0)")
			.withMessageContaining("rule T-R1 assert")
			.withMessageContaining("unknown name 'ct99'");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile(spec("  - {name: ct1, type: amount}\n  - {name: ct2, type: text}\n",
					rule("ct1 == ct2"))))
			.withMessageContaining("cannot compare a number with a text");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile(spec("  - {name: ct1, type: amount, derive: \"ct2\"}\n"
					+ "  - {name: ct2, type: amount, derive: \"ct1\"}\n", rule("ct1 >= 0"))))
			.withMessageContaining("cycle");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile(spec("  - {name: ct1, type: amount}\n", rule("random(0, 1) == ct1"))))
			.withMessageContaining("random is a generator function");
	}

	@Test
	void aRuleChecksOneIndicatorUnlessItsAndIsAGuard() {
		String body = "  - {name: ct1, type: amount}\n  - {name: ct2, type: amount}\n";

		assertThatIllegalStateException().isThrownBy(() -> compile(spec(body, rule("ct1 == 1 && ct2 == 2"))))
			.withMessageContaining("form 01/TEST (1/1.0): rule T-R1 assert")
			.withMessageContaining("its && checks ct1, ct2")
			.withMessageContaining("write one rule for each");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile(spec(body, rule("ct1 >= 0 && (ct1 <= 100 && present(ct2))"))))
			.withMessageContaining("its && checks ct1, ct2");
		assertThat(compile(spec(body, rule("ct1 >= 0 && ct1 <= 100"))).rules).as("a range on one indicator")
			.hasSize(3);
		assertThat(compile(spec(body, rule("ct2 == 0 || (ct1 > 0 && ct2 > 0)"))).rules).as("a guard under ||")
			.hasSize(3);
		assertThat(compile(spec(body, rule("!(ct1 > 0 && ct2 > 0)"))).rules).as("a guard under !").hasSize(3);
	}

	@Test
	void theYearsCitOf03TndnIsE1PlusE5UnderTheBusinessSubItem() {
		FormVersion finalization = FormCatalog.load().find("892", "2.5.4", "B").orElseThrow();

		assertThat(finalization.annualTaxIndicators()).as("the tax the provisional payments are judged on")
			.isEqualTo(Map.of("ctE1", "1052", "ctE5", "1052"));
		assertThat(finalization.payableIndicators()).isEqualTo(Map.of("ctI1", "1052", "ctI2", "1053"));
		assertThat(FormCatalog.load().find("842", "2.8.3", "C").orElseThrow().annualTaxIndicators()).isEmpty();
	}

	@Test
	void subItemsOfPayableAndAnnualTaxAreFourDigitsOfANumberInTheBody() {
		String body = "  - {name: ct1, type: amount}\n  - {name: ct2, type: text}\n";

		CompiledForm valid = compile("payable: {ct1: \"1701\"}\nannualTax: {ct1: \"1701\"}\n" + spec(body, rule("ct1 >= 0")));
		assertThat(valid.version.annualTaxIndicators()).isEqualTo(Map.of("ct1", "1701"));
		assertThatIllegalStateException()
			.isThrownBy(() -> compile("payable: {ct1: \"170\"}\n" + spec(body, rule("ct1 >= 0"))))
			.withMessageContaining("form 01/TEST (1/1.0)")
			.withMessageContaining("payable indicator ct1: sub-item 170 is not 4 digits");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile("annualTax: {ct1: \"17010\"}\n" + spec(body, rule("ct1 >= 0"))))
			.withMessageContaining("form 01/TEST (1/1.0)")
			.withMessageContaining("annualTax indicator ct1: sub-item 17010 is not 4 digits");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile("annualTax: {ct2: \"1701\"}\n" + spec(body, rule("ct1 >= 0"))))
			.withMessageContaining("annualTax indicator ct2 is not a number in the body");
		assertThatIllegalStateException()
			.isThrownBy(() -> compile("annualTax: {ct9: \"1701\"}\n" + spec(body, rule("ct1 >= 0"))))
			.withMessageContaining("annualTax indicator ct9 is not a number in the body");
	}

	@Test
	void samplesAreReadByFormVersionAndName() {
		assertThat(new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8))
			.contains("<maTKhai>842</maTKhai>");
		assertThatIllegalArgumentException().isThrownBy(() -> Samples.read("842", "2.8.3", "missing.xml"));
		assertThatIllegalArgumentException().isThrownBy(() -> Samples.read("842", "..", "index.txt"));
	}

	private static String spec(String body, String rule) {
		return """
				form: 01/TEST
				maTKhai: "1"
				version: "1.0"
				name: {vi: "Thử", en: "Test"}
				circular: 80/2021/TT-BTC
				taxType: GTGT
				filingTypes: [C]
				periods: {M: DL20}
				effective: {from: 2022-01-01}
				body:
				""" + body + "rules:\n" + rule + rule.replace("T-R1", "T-R2") + rule.replace("T-R1", "T-R3");
	}

	private static String rule(String assertion) {
		return "  - {id: T-R1, category: MATH_ERROR, severity: REJECT, subject: ct1, assert: \"" + assertion
				+ "\", message: {vi: v, en: e}, remedy: {vi: v, en: e}, source: constructed, break: {ct1: \"1\"}}\n";
	}

	private static CompiledForm compile(String yaml) {
		Map<String, String> files = new HashMap<>();
		files.put("1/1.0/form.yaml", yaml);
		FormSpecReader reader = new FormSpecReader((path) -> open(files.get(path)));
		return new CompiledForm(reader.read("1/1.0"));
	}

	private static @Nullable InputStream open(@Nullable String text) {
		return (text != null) ? new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) : null;
	}

}
