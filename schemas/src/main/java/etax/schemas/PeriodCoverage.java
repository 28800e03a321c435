package etax.schemas;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * ENV-3: a form version covers the tax periods of its effective range. The date that counts is the first
 * day of the period the return declares, not the filing day, so an old version stays receivable for the
 * supplements of its periods for years. A period that cannot be read is left to the period rules.
 */
final class PeriodCoverage {

	static final String RULE = "ENV-3";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private PeriodCoverage() {
	}

	static Optional<Finding> check(FormCatalog catalog, TaxPeriod period, FormVersion form, ReturnValues values) {
		LocalDate start = start(period);
		if (start == null || form.isInForceOn(start)) {
			return Optional.empty();
		}
		List<String> others = catalog.versionsOfForm(form.formCode())
			.stream()
			.filter((other) -> other.isInForceOn(start))
			.map((other) -> "maTKhai " + other.maTKhai() + " " + other.version())
			.toList();
		String range = form.effectiveFrom() + " – " + ((form.effectiveTo() != null) ? form.effectiveTo() : "");
		String useVi = others.isEmpty() ? "" : " Kỳ này khai theo: " + String.join(", ", others) + ".";
		String useEn = others.isEmpty() ? "" : " For this period use " + String.join(", ", others) + ".";
		PathNode node = values.headerNodes[HeaderVar.PERIOD.ordinal()];
		int line = values.headerLines[HeaderVar.PERIOD.ordinal()];
		int column = values.headerColumns[HeaderVar.PERIOD.ordinal()];
		return Optional.of(new Finding(RULE, Category.INCORRECT_DATA, Severity.REJECT,
				(node != null) ? node.xpath() : HeaderVar.PERIOD.xpath(), (line > 0) ? line : null,
				(column > 0) ? column : null, period.value(),
				new LocalizedText("Mẫu " + form.formCode() + " phiên bản " + form.version() + " áp dụng cho kỳ tính thuế "
						+ range + ", không áp dụng cho kỳ " + period.value() + "." + useVi,
						"Form " + form.formCode() + " version " + form.version() + " covers tax periods " + range
								+ ", not " + period.value() + "." + useEn),
				new LocalizedText("Kê khai lại trên mẫu tờ khai áp dụng cho kỳ tính thuế này.",
						"File the return again on the form version that applies to this tax period.")));
	}

	/** The first day of the declared period, or {@code null} if it cannot be read. */
	static @Nullable LocalDate start(TaxPeriod period) {
		String value = period.value();
		try {
			return switch (period.kind()) {
				case "M" -> value.matches("(0[1-9]|1[0-2])/[0-9]{4}")
						? LocalDate.of(Integer.parseInt(value.substring(3)), Integer.parseInt(value.substring(0, 2)), 1)
						: null;
				case "Q" -> value.matches("[1-4]/[0-9]{4}") ? LocalDate.of(Integer.parseInt(value.substring(2)),
						(value.charAt(0) - '1') * 3 + 1, 1) : null;
				case "Y" -> value.matches("[0-9]{4}") ? LocalDate.of(Integer.parseInt(value), 1, 1) : period.from();
				case "D" -> LocalDate.parse(value, DAY);
				default -> period.from();
			};
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
