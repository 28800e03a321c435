package etax.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.FormRule;
import etax.schemas.ParserLimits;
import etax.schemas.ReturnGenerator;
import etax.schemas.ReturnValidator;
import etax.schemas.Samples;
import etax.schemas.Severity;
import etax.schemas.Validation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmark behind ADR 0008 (form rules as data): what checking the rules of 01/GTGT ({@code 842/2.8.3})
 * costs with the rule engine of {@code schemas}, against ISO Schematron compiled by SchXslt and run by
 * Saxon-HE, on the same bytes, one thread.
 *
 * <ul>
 * <li>{@link #pipelineWithRules}: {@link ReturnValidator#validate(byte[])} as intake runs it: pre-scan, one
 * SAX pass (XSD, extraction of every indicator with its node), then the rules on the extracted values.</li>
 * <li>{@link #pipelineSchemaOnly}: the same pipeline with the rules off ({@link ReturnValidator#schemaOnly}),
 * the baseline; the goal is full validation at no more than twice its cost.</li>
 * <li>{@link #schematronRules}: the same rules as Schematron ({@code 01_GTGT_842_2.8.3.sch}): parse the
 * bytes into a Saxon tree, transform to SVRL, read the failed assertions.</li>
 * <li>{@link #pipelineSchemaOnlyThenSchematron}: what intake would cost with Schematron: the XSD pipeline,
 * then Schematron on the same bytes.</li>
 * </ul>
 * Documents: {@code sample} is the catalog's 3 KB Q1/2026 sample; {@code supplement-50kb} a generated
 * supplementary return (both KHBS appendices, long tables) of about 50 KB. Setup checks that every document is
 * valid for both engines and that both report the same rule ids on the generator's test vector of every rule.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class RuleEngineBenchmark {

	static final String SCHEMATRON = "etax/benchmarks/01_GTGT_842_2.8.3.sch";

	@Param({ "sample", "supplement-50kb" })
	public String document;

	private final FormCatalog catalog = FormCatalog.load();

	private final ReturnValidator withRules = new ReturnValidator(this.catalog, ParserLimits.defaults());

	private final ReturnValidator schemaOnly = ReturnValidator.schemaOnly(this.catalog, ParserLimits.defaults());

	private final SchematronRules schematron = new SchematronRules(SCHEMATRON);

	private byte[] xml = new byte[0];

	@Setup
	public void prepare() {
		this.xml = "sample".equals(this.document) ? Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml") : large();
		Validation validation = this.withRules.validate(this.xml);
		if (!(validation instanceof Validation.Receivable) || !rejects(validation.findings()).isEmpty()
				|| !errors(this.schematron.failedAsserts(this.xml)).isEmpty()) {
			throw new IllegalStateException("The " + this.document + " document must pass both engines");
		}
		sameRuleIds();
		System.out.printf("%n%s: %,d bytes%n", this.document, this.xml.length);
	}

	@Benchmark
	public void pipelineWithRules(Blackhole blackhole) {
		blackhole.consume(this.withRules.validate(this.xml));
	}

	@Benchmark
	public void pipelineSchemaOnly(Blackhole blackhole) {
		blackhole.consume(this.schemaOnly.validate(this.xml));
	}

	@Benchmark
	public void schematronRules(Blackhole blackhole) {
		blackhole.consume(this.schematron.failedAsserts(this.xml));
	}

	@Benchmark
	public void pipelineSchemaOnlyThenSchematron(Blackhole blackhole) {
		blackhole.consume(this.schemaOnly.validate(this.xml));
		blackhole.consume(this.schematron.failedAsserts(this.xml));
	}

	/** A generated supplementary 01/GTGT of 45 to 60 KB, the same on every run. */
	private byte[] large() {
		ReturnGenerator generator = new ReturnGenerator(this.catalog).withFilingType("B").withMaxTableRows(150);
		for (long seed = 1; seed < 1000; seed++) {
			byte[] candidate = generator.generate("842", "2.8.3", seed);
			if (candidate.length >= 45_000 && candidate.length <= 60_000) {
				return candidate;
			}
		}
		throw new IllegalStateException("No generated return of about 50 KB");
	}

	/** Both engines find the same rules on every rule's test vector: they check the same thing. */
	private void sameRuleIds() {
		ReturnGenerator generator = new ReturnGenerator(this.catalog);
		for (FormRule rule : this.catalog.rules("842", "2.8.3")) {
			byte[] broken = generator.breaking("842", "2.8.3", rule.id(), 1);
			Set<String> ours = new TreeSet<>();
			this.withRules.validate(broken).findings().forEach((finding) -> ours.add(finding.ruleId()));
			Set<String> theirs = new TreeSet<>(this.schematron.failedAsserts(broken));
			if (!ours.equals(theirs)) {
				throw new IllegalStateException("Engines disagree on the test vector of " + rule.id() + ": rule engine "
						+ ours + ", Schematron " + theirs);
			}
		}
	}

	private static List<Finding> rejects(List<Finding> findings) {
		return findings.stream().filter((finding) -> finding.severity() != Severity.WARNING).toList();
	}

	private static List<String> errors(List<String> failedAsserts) {
		Set<String> warnings = Set.of("GTGT842-R017", "GTGT842-R018", "KHBS011-R003", "KHBS011-R004");
		return failedAsserts.stream().filter((id) -> !warnings.contains(id)).toList();
	}

}
