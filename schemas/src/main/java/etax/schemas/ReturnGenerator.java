package etax.schemas;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Realistic returns for any form version of the catalog, for tests and load tests: valid MSTs (check digit
 * of VN-ETAX.md §3.2), periods of the version's period kinds inside its effective range, random but
 * consistent amounts (inputs drawn at random or from their {@code generate} hints, every {@code derive}
 * formula computed), and the appendices a filing type needs. The same seed gives the same bytes.
 * Returns are unsigned.
 *
 * <p>{@link #breaking} makes a variant that fails exactly one rule: the rule's break vector (its test
 * vector, in the form spec) pins some values; everything computed from them is computed again, nothing
 * else changes. Because the data that drives the generator also drives the rules, keep hand-written golden
 * returns too.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return a configured copy.
 */
public final class ReturnGenerator {

	private static final int ATTEMPTS = 50;

	private final FormCatalog catalog;

	private final ReturnValidator validator;

	private final int maxRows;

	private final LocalDate latestPeriodEnd;

	private final @Nullable String filingType;

	/**
	 * A generator over a catalog, with at most 3 rows per table and periods ending by 2025-12-31.
	 * @param catalog the form versions to generate
	 */
	public ReturnGenerator(FormCatalog catalog) {
		this(catalog, 3, LocalDate.of(2025, 12, 31), null);
	}

	private ReturnGenerator(FormCatalog catalog, int maxRows, LocalDate latestPeriodEnd, @Nullable String filingType) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.validator = new ReturnValidator(catalog, ParserLimits.defaults());
		this.maxRows = maxRows;
		this.latestPeriodEnd = latestPeriodEnd;
		this.filingType = filingType;
	}

	/**
	 * This generator with up to {@code rows} rows per table (never more than a table's maximum): large
	 * returns for benchmarks and load tests.
	 * @param rows the most rows of a table
	 * @return a configured copy
	 */
	public ReturnGenerator withMaxTableRows(int rows) {
		if (rows < 1) {
			throw new IllegalArgumentException("rows must be positive");
		}
		return new ReturnGenerator(this.catalog, rows, this.latestPeriodEnd, this.filingType);
	}

	/**
	 * This generator with periods that end by the given day (so that a period is over when filed).
	 * @param day the last day a generated period may end on
	 * @return a configured copy
	 */
	public ReturnGenerator withLatestPeriodEnd(LocalDate day) {
		return new ReturnGenerator(this.catalog, this.maxRows, Objects.requireNonNull(day, "day"), this.filingType);
	}

	/**
	 * This generator with one filing type for {@link #generate} (by default it varies), e.g. {@code B} for
	 * supplementary returns with their appendices. Form versions that do not allow it cannot be generated.
	 * @param loaiTKhai C, B or T
	 * @return a configured copy
	 */
	public ReturnGenerator withFilingType(String loaiTKhai) {
		return new ReturnGenerator(this.catalog, this.maxRows, this.latestPeriodEnd,
				Objects.requireNonNull(loaiTKhai, "loaiTKhai"));
	}

	/**
	 * A valid return: receivable, and no rule fails at reject severity.
	 * @param maTKhai form id
	 * @param version {@code pbanTKhaiXML}
	 * @param seed chooses the return; the same seed gives the same bytes
	 * @return the XML bytes
	 * @throws IllegalArgumentException if the catalog has no such form version
	 */
	public byte[] generate(String maTKhai, String version, long seed) {
		CompiledForm form = form(maTKhai, version);
		ValueGenerator.Pins pins = ValueGenerator.Pins.NONE;
		if (this.filingType != null) {
			if (!form.version.filingTypes().contains(this.filingType)) {
				throw new IllegalArgumentException("Form version " + maTKhai + "/" + version + " does not allow filing type "
						+ this.filingType);
			}
			pins = new ValueGenerator.Pins(Map.of(), Map.of(), -1, Map.of(HeaderVar.FILING_TYPE, this.filingType),
					Map.of(), Set.of());
		}
		ValueGenerator generator = generator(form, seed);
		GeneratedHeader header = generator.header(pins);
		return ReturnWriter.write(form, header, generator.values(header, pins, -1));
	}

	/**
	 * A return that fails exactly the given rule: it is receivable, the rule fails, and no other rule fails
	 * at reject severity. Seeds are tried from the given one on until the break vector achieves that (a
	 * random zero can make a break touch a second rule).
	 * @param maTKhai form id
	 * @param version {@code pbanTKhaiXML}
	 * @param ruleId the rule to break, e.g. {@code GTGT842-R001}
	 * @param seed where to start
	 * @return the XML bytes
	 * @throws IllegalArgumentException if the form version or rule is unknown
	 * @throws IllegalStateException if the rule's break vector cannot break it alone
	 */
	public byte[] breaking(String maTKhai, String version, String ruleId, long seed) {
		CompiledForm form = form(maTKhai, version);
		CompiledRule rule = form.rule(ruleId);
		if (rule == null) {
			throw new IllegalArgumentException("Form version " + maTKhai + "/" + version + " has no rule " + ruleId);
		}
		List<Finding> last = List.of();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			byte[] xml = broken(form, rule, seed + attempt);
			Validation validation = this.validator.validate(xml);
			if (validation instanceof Validation.Receivable && failsExactly(validation.findings(), rule)) {
				return xml;
			}
			last = validation.findings();
		}
		throw new IllegalStateException("The break vector of " + ruleId + " (" + maTKhai + "/" + version
				+ ") does not break it alone in " + ATTEMPTS + " attempts; last findings: "
				+ last.stream().map((finding) -> finding.ruleId() + " at " + finding.xpath()).toList());
	}

	private byte[] broken(CompiledForm form, CompiledRule rule, long seed) {
		ValueGenerator generator = generator(form, seed);
		ValueGenerator.Pins shape = new ValueGenerator.Pins(Map.of(), Map.of(), rule.forEach(), Map.of(), Map.of(),
				Set.of());
		GeneratedHeader valid = generator.header(shape);
		ReturnValues values = generator.values(valid, shape, rule.appendix());
		ValueGenerator.Pins pins = pins(rule, values);
		GeneratedHeader header = generator.header(pins);
		return ReturnWriter.write(form, header, generator.values(header, pins, rule.appendix()));
	}

	/** The break vector evaluated on the valid values. */
	private static ValueGenerator.Pins pins(CompiledRule rule, ReturnValues values) {
		Map<Integer, String> fields = new HashMap<>();
		Map<Integer, String> cells = new HashMap<>();
		Map<HeaderVar, String> header = new HashMap<>();
		Map<Integer, Boolean> appendices = new HashMap<>();
		Set<Integer> emptyTables = new HashSet<>();
		Expr.Evaluation at = Expr.Evaluation.of(values);
		if (rule.forEach() >= 0) {
			at = at.inRow(rule.forEach(), values.rows(rule.forEach()).get(0));
		}
		for (CompiledRule.Pin pin : rule.pins()) {
			switch (pin.kind()) {
				case APPENDIX -> appendices.put(pin.index(), pin.present());
				case TABLE -> emptyTables.add(pin.index());
				case HEADER -> header.put(pin.header(), ValueGenerator.format(pin.header().type(), pin.value(), at));
				case COLUMN -> cells.put(pin.index(), ValueGenerator.format(
						values.layout.tables().get(rule.forEach()).table().columns().get(pin.index()).type(), pin.value(),
						at));
				default -> fields.put(pin.index(),
						ValueGenerator.format(values.layout.fields().get(pin.index()).field().type(), pin.value(), at));
			}
		}
		return new ValueGenerator.Pins(fields, cells, rule.forEach(), header, appendices, emptyTables);
	}

	private static boolean failsExactly(List<Finding> findings, CompiledRule rule) {
		boolean failed = false;
		for (Finding finding : findings) {
			if (finding.ruleId().equals(rule.spec().id())) {
				failed = true;
			}
			else if (finding.severity() != Severity.WARNING) {
				return false;
			}
		}
		return failed;
	}

	private ValueGenerator generator(CompiledForm form, long seed) {
		return new ValueGenerator(form, seed, this.maxRows, this.latestPeriodEnd);
	}

	private CompiledForm form(String maTKhai, String version) {
		return this.catalog.entry(maTKhai, version)
			.orElseThrow(() -> new IllegalArgumentException("No form version " + maTKhai + "/" + version + " in the catalog"))
			.compiled();
	}

}
