package etax.schemas;

import java.util.Locale;

/**
 * The types an indicator of a form spec can have. Each maps to one XSD simple type of the envelope and to
 * one type of the formula language: amounts, rates, decimals and counts are numbers, flags are booleans,
 * codes, texts and dates are strings.
 */
enum FieldType {

	/** Integer VND, never negative (R-NUM-1, R-NUM-2). */
	AMOUNT("amount", "NonNegativeAmountType", Kind.NUMBER),

	/** Integer VND that may be negative, only where the form says so (e.g. 01/GTGT [36], KHBS differences). */
	SIGNED_AMOUNT("signedAmount", "AmountType", Kind.NUMBER),

	/** A non-negative decimal rate, e.g. 0.05 or 10 (per cent), as the form prints it. */
	RATE("rate", "RateType", Kind.NUMBER),

	/** A signed decimal: areas, coefficients, USD amounts. */
	DECIMAL("decimal", "DecimalType", Kind.NUMBER),

	/** A non-negative whole number: days, persons, units. */
	COUNT("count", "CountType", Kind.NUMBER),

	/** A checkbox: 0/1 or true/false. */
	FLAG("flag", "FlagType", Kind.BOOLEAN),

	/** A short code (activity, sub-item, province), empty allowed unless a pattern says otherwise. */
	CODE("code", "ShortTextType", Kind.TEXT),

	/** Free text, empty allowed. */
	TEXT("text", "TextType", Kind.TEXT),

	/** A calendar date, yyyy-MM-dd. */
	DATE("date", "DateType", Kind.TEXT);

	/** What a value of the type is in formulas. */
	enum Kind {

		NUMBER, BOOLEAN, TEXT;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final String specName;

	private final String xsdType;

	private final Kind kind;

	FieldType(String specName, String xsdType, Kind kind) {
		this.specName = specName;
		this.xsdType = xsdType;
		this.kind = kind;
	}

	/** The name authors write in {@code form.yaml}. */
	String specName() {
		return this.specName;
	}

	/** The envelope's simple type for the element. */
	String xsdType() {
		return this.xsdType;
	}

	Kind kind() {
		return this.kind;
	}

	static FieldType of(String specName) {
		for (FieldType type : values()) {
			if (type.specName.equals(specName)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown type '" + specName + "'; one of amount, signedAmount, rate, "
				+ "decimal, count, flag, code, text, date");
	}

}
