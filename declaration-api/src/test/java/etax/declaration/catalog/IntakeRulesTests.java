package etax.declaration.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import etax.declaration.signature.SignatureRule;
import etax.schemas.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published catalogue says what the code does: every context rule the intake raises is in it with the
 * category and severity the code gives it, every signature rule as {@link SignatureRule} defines it, every
 * envelope rule the schemas module raises, and nothing else.
 */
class IntakeRulesTests {

	/** A context rule's id, wherever the code names it. */
	private static final Pattern CONTEXT_ID = Pattern.compile("\"(CTX-[A-Z]+-[0-9]+)\"");

	/** {@code finding("CTX-…", Category.X, Severity.Y}, as most context rules raise their findings. */
	private static final Pattern CONTEXT_FINDING = Pattern
		.compile("finding\\(\\s*\"(CTX-[A-Z]+-[0-9]+)\",\\s*Category\\.(\\w+),\\s*Severity\\.(\\w+)");

	private static final Map<String, IntakeRule> CATALOGUE = IntakeRules.all()
		.stream()
		.collect(Collectors.toMap(IntakeRule::id, Function.identity()));

	@Test
	void idsAreUniqueAndEveryRuleSaysWhatItChecksInBothLanguages() {
		assertThat(CATALOGUE).hasSameSizeAs(IntakeRules.all());
		assertThat(IntakeRules.all()).allSatisfy((rule) -> {
			assertThat(rule.description().vi()).as(rule.id()).isNotBlank();
			assertThat(rule.description().en()).as(rule.id()).isNotBlank();
			assertThat(rule.source()).as(rule.id()).startsWith("VN-ETAX.md §");
		});
		assertThat(IntakeRules.all()).extracting(IntakeRule::stage).as("in the order the intake runs them").isSorted();
	}

	@Test
	void everyContextRuleTheCodeRaisesIsCataloguedAsTheCodeRaisesIt() throws IOException {
		String code = String.join("\n", sources(Path.of("src/main/java")));
		Set<String> named = new TreeSet<>();
		Matcher ids = CONTEXT_ID.matcher(code);
		while (ids.find()) {
			named.add(ids.group(1));
		}
		Map<String, IntakeRule> catalogued = IntakeRules.all()
			.stream()
			.filter((rule) -> rule.stage() == IntakeRule.Stage.CONTEXT)
			.collect(Collectors.toMap(IntakeRule::id, Function.identity()));

		assertThat(catalogued.keySet()).containsExactlyInAnyOrderElementsOf(named);
		Matcher raised = CONTEXT_FINDING.matcher(code);
		while (raised.find()) {
			IntakeRule rule = catalogued.get(raised.group(1));
			assertThat(rule.category()).as(rule.id()).hasToString(raised.group(2));
			assertThat(rule.severity()).as(rule.id()).hasToString(raised.group(3));
		}
	}

	@Test
	void theSignatureRulesAreThoseOfTheVerifier() {
		List<IntakeRule> catalogued = IntakeRules.all()
			.stream()
			.filter((rule) -> rule.stage() == IntakeRule.Stage.SIGNATURE)
			.toList();

		assertThat(catalogued).extracting(IntakeRule::id)
			.containsExactlyElementsOf(Arrays.stream(SignatureRule.values()).map(SignatureRule::id).toList());
		for (SignatureRule rule : SignatureRule.values()) {
			assertThat(CATALOGUE.get(rule.id()).category()).as(rule.id()).isEqualTo(rule.category());
			assertThat(CATALOGUE.get(rule.id()).severity()).as(rule.id()).isEqualTo(Severity.REJECT);
		}
	}

	@Test
	void theEnvelopeRulesAreThoseTheSchemasModuleRaises() throws IOException {
		String schemas = String.join("\n", sources(Path.of("../schemas/src/main/java")));

		assertThat(IntakeRules.all()).filteredOn((rule) -> rule.stage() == IntakeRule.Stage.ENVELOPE)
			.extracting(IntakeRule::id)
			.containsExactly("ENV-1", "ENV-2", "ENV-3", "XSD", "FINDINGS-LIMIT")
			.allSatisfy((id) -> assertThat(schemas).contains("\"" + id + "\""));
	}

	private static List<String> sources(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java")).map(IntakeRulesTests::read).toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
