package etax.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * Invents the values of one return of a form version: the envelope, then every appendix, field and table
 * in the order of the version's {@link GenerationPlan}. Inputs are random (or follow their {@code generate}
 * hint or {@code sample}); {@code derive}d values are computed, so the return is consistent.
 *
 * <p>Each value draws from its own random stream, seeded by the seed and the value's name. So pinning some
 * values (a break vector) changes nothing but them and what is computed from them.
 */
final class ValueGenerator {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private static final String[] OFFICES = { "70129", "71701", "81500", "10100", "79100", "01101" };

	/**
	 * What the breaking generator sets by hand.
	 * @param fields field slot to text
	 * @param cells column of row 0 of {@code table} to text
	 * @param table the table whose first row {@code cells} apply to, and which then has at least one row; -1
	 * @param header envelope values
	 * @param appendices appendix to presence
	 * @param emptyTables tables that get no row
	 */
	record Pins(Map<Integer, String> fields, Map<Integer, String> cells, int table, Map<HeaderVar, String> header,
			Map<Integer, Boolean> appendices, Set<Integer> emptyTables) {

		static final Pins NONE = new Pins(Map.of(), Map.of(), -1, Map.of(), Map.of(), Set.of());

	}

	private final CompiledForm form;

	private final long seed;

	private final int maxRows;

	private final LocalDate latestPeriodEnd;

	ValueGenerator(CompiledForm form, long seed, int maxRows, LocalDate latestPeriodEnd) {
		this.form = form;
		this.seed = seed;
		this.maxRows = maxRows;
		this.latestPeriodEnd = latestPeriodEnd;
	}

	GeneratedHeader header(Pins pins) {
		SplittableRandom random = random("header");
		List<String> filingTypes = this.form.spec.filingTypes();
		String filingType = pins.header().getOrDefault(HeaderVar.FILING_TYPE,
				(filingTypes.contains("C") && random.nextInt(10) < 6) ? "C"
						: filingTypes.get(random.nextInt(filingTypes.size())));
		int drawnNumber = random.nextInt(1, 4);
		String number = pins.header().get(HeaderVar.SUBMISSION_NUMBER);
		int submissionNumber = (number != null) ? Integer.parseInt(number) : "B".equals(filingType) ? drawnNumber : 0;
		List<String> kinds = List.copyOf(this.form.spec.periods().keySet());
		String kind = pins.header().getOrDefault(HeaderVar.PERIOD_KIND, kinds.get(random.nextInt(kinds.size())));
		TaxPeriod period = period(kind, random);
		LocalDate end = (period.to() != null) ? period.to() : PeriodCoverage.start(period);
		String agent = (random.nextInt(5) == 0) ? Mst.random(random) : null;
		return new GeneratedHeader(Mst.random(random), "CÔNG TY TNHH MẪU " + (100 + random.nextInt(900)), filingType,
				submissionNumber, period, OFFICES[random.nextInt(OFFICES.length)], end.plusDays(1 + random.nextInt(19)),
				agent);
	}

	/** A period of the kind that lies in the version's effective range and ends by the latest period end. */
	private TaxPeriod period(String kind, SplittableRandom random) {
		LocalDate from = this.form.version.effectiveFrom();
		LocalDate effectiveTo = this.form.version.effectiveTo();
		LocalDate to = (effectiveTo == null || effectiveTo.isAfter(this.latestPeriodEnd)) ? this.latestPeriodEnd
				: effectiveTo;
		for (int attempt = 0; attempt < 100; attempt++) {
			LocalDate day = from.plusDays(random.nextLong(Math.max(1, to.toEpochDay() - from.toEpochDay() + 1)));
			TaxPeriod period = switch (kind) {
				case "M" -> {
					YearMonth month = YearMonth.from(day);
					yield new TaxPeriod(kind, String.format("%02d/%d", month.getMonthValue(), month.getYear()),
							month.atDay(1), month.atEndOfMonth());
				}
				case "Q" -> {
					int quarter = (day.getMonthValue() - 1) / 3 + 1;
					LocalDate start = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
					yield new TaxPeriod(kind, quarter + "/" + day.getYear(), start, start.plusMonths(3).minusDays(1));
				}
				case "Y" -> new TaxPeriod(kind, Integer.toString(day.getYear()), LocalDate.of(day.getYear(), 1, 1),
						LocalDate.of(day.getYear(), 12, 31));
				case "D" -> new TaxPeriod(kind, day.format(DAY), null, null);
				default -> new TaxPeriod(kind, "", day, day.plusMonths(random.nextInt(1, 12)).minusDays(1));
			};
			LocalDate start = (period.from() != null) ? period.from() : day;
			LocalDate end = (period.to() != null) ? period.to() : day;
			if (!start.isBefore(from) && !end.isAfter(to)) {
				return period;
			}
		}
		throw this.form.error("cannot generate a " + kind + " period between " + from + " and " + to);
	}

	ReturnValues values(GeneratedHeader header, Pins pins, int forcedAppendix) {
		ReturnValues values = new ReturnValues(this.form.layout);
		values.header(HeaderVar.FILING_TYPE, header.filingType());
		values.header(HeaderVar.SUBMISSION_NUMBER, Integer.toString(header.submissionNumber()));
		values.header(HeaderVar.PERIOD_KIND, header.period().kind());
		values.header(HeaderVar.PERIOD, header.period().value());
		values.header(HeaderVar.SIGNED_ON, header.createdOn().toString());
		LocalDate periodStart = PeriodCoverage.start(header.period());
		values.header(HeaderVar.PERIOD_START, (periodStart != null) ? periodStart.toString() : "");
		for (GenerationPlan.Step step : this.form.plan.steps()) {
			switch (step.kind()) {
				case APPENDIX -> values.appendix(step.index(), appendix(step.index(), values, pins, forcedAppendix));
				case FIELD -> field(step.index(), values, pins);
				default -> table(step.index(), values, pins);
			}
		}
		return values;
	}

	private boolean appendix(int index, ReturnValues values, Pins pins, int forced) {
		Boolean pinned = pins.appendices().get(index);
		if (pinned != null) {
			return pinned;
		}
		if (index == forced) {
			return true;
		}
		Expr when = this.form.when[index];
		String id = this.form.layout.appendices().get(index).appendix().id();
		return when != null && when.test(new Expr.Evaluation(values, -1, null, random("appendix " + id)));
	}

	private void field(int slot, ReturnValues values, Pins pins) {
		Layout.FieldSlot field = this.form.layout.fields().get(slot);
		if (field.appendix() >= 0 && !values.hasAppendix(field.appendix())) {
			return;
		}
		String pinned = pins.fields().get(slot);
		if (pinned != null) {
			values.set(slot, pinned);
			return;
		}
		Expr.Evaluation at = new Expr.Evaluation(values, -1, null, random(field.qualifiedName()));
		values.set(slot, value(field.field(), this.form.formula(slot), at));
	}

	private void table(int index, ReturnValues values, Pins pins) {
		Layout.TableSlot table = this.form.layout.tables().get(index);
		if (table.appendix() >= 0 && !values.hasAppendix(table.appendix())) {
			return;
		}
		SplittableRandom random = random(table.qualifiedName());
		int min = Math.max(table.table().min(), 1);
		int max = Math.min(table.table().max(), Math.max(this.maxRows, min));
		int rows = min + random.nextInt(max - min + 1);
		if (pins.emptyTables().contains(index)) {
			rows = 0;
		}
		List<FormSpec.Field> columns = table.table().columns();
		for (int i = 0; i < rows; i++) {
			ReturnValues.Row row = values.addRow(index);
			for (int column : this.form.plan.columnOrder(index)) {
				String pinned = (i == 0 && pins.table() == index) ? pins.cells().get(column) : null;
				if (pinned != null) {
					row.set(column, pinned);
					continue;
				}
				Expr.Evaluation at = new Expr.Evaluation(values, index, row,
						random(table.qualifiedName() + "[" + i + "]." + columns.get(column).name()));
				row.set(column, value(columns.get(column), this.form.columnFormula(index, column), at));
			}
		}
	}

	/** The text of a generated value. */
	private String value(FormSpec.Field field, @Nullable Expr formula, Expr.Evaluation at) {
		if (formula != null) {
			return format(field.type(), formula, at);
		}
		if (field.sample() != null) {
			return field.sample();
		}
		if (!field.values().isEmpty()) {
			return field.values().get(at.random().nextInt(field.values().size()));
		}
		SplittableRandom random = at.random();
		return switch (field.type()) {
			case AMOUNT -> (random.nextInt(4) == 0) ? "0" : Long.toString(random.nextLong(1_000_000_000L));
			case SIGNED_AMOUNT -> Long.toString(random.nextLong(-100_000_000L, 100_000_000L));
			case RATE -> "0.1";
			case DECIMAL -> BigDecimal.valueOf(random.nextLong(10_000_000L), 2).toPlainString();
			case COUNT -> Integer.toString(random.nextInt(50));
			case FLAG -> "0";
			case DATE -> LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365)).toString();
			default -> "";
		};
	}

	static String format(FieldType type, Expr formula, Expr.Evaluation at) {
		return switch (type.kind()) {
			case BOOLEAN -> formula.test(at) ? "1" : "0";
			case TEXT -> formula.text(at);
			case NUMBER -> switch (type) {
				case RATE, DECIMAL -> Expr.plain(formula.number(at).setScale(6, RoundingMode.HALF_UP));
				default -> formula.number(at).setScale(0, RoundingMode.HALF_UP).toPlainString();
			};
		};
	}

	/** A stream of its own for each named value: FNV-1a of the name, mixed with the seed (Stafford mix 13). */
	private SplittableRandom random(String name) {
		long hash = 0xCBF29CE484222325L;
		for (int i = 0; i < name.length(); i++) {
			hash = (hash ^ name.charAt(i)) * 0x100000001B3L;
		}
		return new SplittableRandom(mix(mix(hash) + this.seed * 0x9E3779B97F4A7C15L));
	}

	private static long mix(long value) {
		long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
