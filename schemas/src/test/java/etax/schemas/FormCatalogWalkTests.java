package etax.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the whole catalog: for every form version in the index, its hand-written valid samples and 20
 * generated returns are received with no finding at reject severity, and every rule's test vector
 * ({@link ReturnGenerator#breaking}) fails with that rule and no other at reject severity. A new form
 * version is picked up from the index with no change here. Generated returns are left under
 * {@code target/generated-returns/} for authors to read.
 */
class FormCatalogWalkTests {

	private static final int GENERATED = 20;

	private static final Path GOLDEN = Path.of("src/test/resources/returns");

	private static final Path SAMPLES = Path.of("src/main/resources/etax/schemas/samples");

	private static final Path OUTPUT = Path.of("target/generated-returns");

	private final FormCatalog catalog = FormCatalog.load();

	private final ReturnValidator validator = ReturnValidator.withDefaults();

	private final ReturnGenerator generator = new ReturnGenerator(this.catalog);

	@Test
	void catalogHoldsThe78FormsOfThe15TaxTypes(TestReporter reporter) {
		Set<String> forms = new TreeSet<>();
		Set<String> taxTypes = new TreeSet<>();
		for (FormVersion version : this.catalog.versions()) {
			forms.add(version.formCode());
			taxTypes.add(version.taxType());
		}
		reporter.publishEntry("forms", Integer.toString(forms.size()));
		reporter.publishEntry("taxTypes", Integer.toString(taxTypes.size()));
		reporter.publishEntry("versions", Integer.toString(this.catalog.versions().size()));
		System.out.printf("Catalog: %d forms, %d tax types, %d versions%n", forms.size(), taxTypes.size(),
				this.catalog.versions().size());
		assertThat(forms).as("forms of forms-catalog.csv").hasSize(78);
		assertThat(taxTypes).as("tax types").containsExactlyInAnyOrderElementsOf(CompiledForm.TAX_TYPES);
		assertThat(this.catalog.versions()).hasSize(FormCatalog.index().size());
	}

	@TestFactory
	Stream<DynamicNode> everyFormVersion() {
		return this.catalog.versions().stream().map((version) -> {
			String key = version.maTKhai() + "/" + version.version();
			List<DynamicNode> tests = new ArrayList<>();
			tests.add(DynamicTest.dynamicTest("valid samples", () -> validSamples(version)));
			tests.add(DynamicTest.dynamicTest(GENERATED + " generated returns", () -> generated(version)));
			for (FormRule rule : this.catalog.rules(version.maTKhai(), version.version())) {
				tests.add(DynamicTest.dynamicTest("breaking " + rule.id(), () -> broken(version, rule)));
			}
			return DynamicContainer.dynamicContainer(version.formCode() + " " + key, tests);
		});
	}

	private void validSamples(FormVersion version) throws IOException {
		List<Path> files = new ArrayList<>();
		files.addAll(xmlFiles(GOLDEN.resolve(version.maTKhai()).resolve(version.version()).resolve("valid")));
		files.addAll(xmlFiles(SAMPLES.resolve(version.maTKhai()).resolve(version.version())));
		assertThat(files).as("hand-written valid samples of " + version.maTKhai() + "/" + version.version()
				+ " (src/test/resources/returns/<maTKhai>/<version>/valid/)").isNotEmpty();
		for (Path file : files) {
			Validation validation = this.validator.validate(Files.readAllBytes(file));
			assertThat(validation).as(file.toString()).isInstanceOf(Validation.Receivable.class);
			assertThat(rejects(validation)).as(file.toString()).isEmpty();
		}
	}

	private void generated(FormVersion version) {
		for (long seed = 1; seed <= GENERATED; seed++) {
			byte[] xml = this.generator.generate(version.maTKhai(), version.version(), seed);
			write(version, "valid-" + seed + ".xml", xml);
			Validation validation = this.validator.validate(xml);
			assertThat(validation).as("seed " + seed).isInstanceOf(Validation.Receivable.class);
			assertThat(rejects(validation)).as("seed " + seed).isEmpty();
		}
		assertThat(this.generator.generate(version.maTKhai(), version.version(), 7))
			.isEqualTo(this.generator.generate(version.maTKhai(), version.version(), 7));
	}

	private void broken(FormVersion version, FormRule rule) {
		byte[] xml = this.generator.breaking(version.maTKhai(), version.version(), rule.id(), 1);
		write(version, "breaking-" + rule.id() + ".xml", xml);
		Validation validation = this.validator.validate(xml);
		assertThat(validation).isInstanceOf(Validation.Receivable.class);
		assertThat(validation.findings()).extracting(Finding::ruleId).contains(rule.id());
		assertThat(validation.findings()).filteredOn((finding) -> finding.ruleId().equals(rule.id()))
			.allSatisfy((finding) -> {
				assertThat(finding.severity()).isEqualTo(rule.severity());
				assertThat(finding.category()).isEqualTo(rule.category());
				assertThat(finding.xpath()).startsWith("/HSoThueDTu/HSoKhaiThue/");
				assertThat(finding.line()).isPositive();
				assertThat(finding.message().vi()).isNotBlank().doesNotContain("{");
				assertThat(finding.message().en()).isNotBlank().doesNotContain("{");
				assertThat(finding.remedy()).isEqualTo(rule.remedy());
			});
		if (rule.severity() == Severity.WARNING) {
			assertThat(rejects(validation)).isEmpty();
		}
		else {
			assertThat(rejects(validation)).extracting(Finding::ruleId).containsOnly(rule.id());
		}
	}

	private static List<Finding> rejects(Validation validation) {
		return validation.findings().stream().filter((finding) -> finding.severity() != Severity.WARNING).toList();
	}

	private static List<Path> xmlFiles(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".xml")).sorted().toList();
		}
	}

	private static void write(FormVersion version, String name, byte[] xml) {
		try {
			Path directory = OUTPUT.resolve(version.maTKhai()).resolve(version.version());
			Files.createDirectories(directory);
			Files.write(directory.resolve(name), xml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
