package etax.schemas;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static etax.schemas.Expected.AMOUNT;
import static etax.schemas.Expected.COUNT;
import static etax.schemas.Expected.DATE;
import static etax.schemas.Expected.DAY_MONTH_YEAR;
import static etax.schemas.Expected.DECIMAL;
import static etax.schemas.Expected.FLAG;
import static etax.schemas.Expected.IDENTIFIER;
import static etax.schemas.Expected.INTEGER;
import static etax.schemas.Expected.RATE;
import static etax.schemas.Expected.SIGNED_AMOUNT;
import static etax.schemas.Expected.TAX_CODE;
import static etax.schemas.Expected.TAX_OFFICE;
import static etax.schemas.Expected.YEAR;

/**
 * What a refused value must be, found by the name the validator gives: a simple type of the envelope, a type
 * of XML Schema, or a pattern of the catalog's codes said in words. A name none of them knows is quoted, so
 * that the filer still learns what to match.
 */
final class ExpectedValues {

	/** The envelope's simple types, by name (the validator names the type in facet messages). */
	private static final Map<String, Expected> TYPES = Map.ofEntries(Map.entry("NonNegativeAmountType", AMOUNT),
			Map.entry("AmountType", SIGNED_AMOUNT), Map.entry("DecimalType", DECIMAL), Map.entry("RateType", RATE),
			Map.entry("CountType", COUNT), Map.entry("FlagType", FLAG), Map.entry("DateType", DATE),
			Map.entry("DateOrEmptyType", DATE.orEmpty()), Map.entry("DayMonthYearType", DAY_MONTH_YEAR),
			Map.entry("DayMonthYearOrEmptyType", DAY_MONTH_YEAR.orEmpty()), Map.entry("TINType", TAX_CODE),
			Map.entry("TINOrEmptyType", TAX_CODE.orEmpty()), Map.entry("TaxOfficeCodeType", TAX_OFFICE),
			Map.entry("MaTKhaiType",
					new Expected(new LocalizedText("mã mẫu tờ khai gồm 1 đến 5 chữ số (ví dụ 842)",
							"a form id of 1 to 5 digits (e.g. 842)"),
							new LocalizedText("Ghi mã mẫu tờ khai đúng như phần mềm kê khai ghi, ví dụ 842.",
									"Write the form id as the filing software writes it, e.g. 842."))),
			Map.entry("VersionType",
					new Expected(new LocalizedText("số phiên bản gồm các số ngăn cách bằng dấu chấm (ví dụ 2.8.3)",
							"a version of numbers separated by dots (e.g. 2.8.3)"),
							new LocalizedText("Ghi phiên bản XML của mẫu tờ khai, ví dụ 2.8.3.",
									"Write the form's XML version, e.g. 2.8.3."))));

	/** The XML Schema types the validator names when a value is not of its type at all. */
	private static final Map<String, Expected> BUILT_IN = Map.ofEntries(Map.entry("date", DATE),
			Map.entry("boolean", FLAG), Map.entry("decimal", DECIMAL), Map.entry("integer", INTEGER),
			Map.entry("long", INTEGER), Map.entry("int", INTEGER), Map.entry("short", INTEGER),
			Map.entry("byte", INTEGER), Map.entry("nonNegativeInteger", COUNT), Map.entry("unsignedInt", COUNT),
			Map.entry("unsignedLong", COUNT), Map.entry("positiveInteger", COUNT), Map.entry("gYear", YEAR),
			Map.entry("gYearMonth",
					new Expected(new LocalizedText("một tháng ghi theo dạng yyyy-MM (ví dụ 2026-03)",
							"a month written yyyy-MM (e.g. 2026-03)"),
							new LocalizedText("Ghi tháng theo dạng yyyy-MM, ví dụ 2026-03.",
									"Write the month as yyyy-MM, e.g. 2026-03."))),
			Map.entry("dateTime",
					new Expected(new LocalizedText("ngày giờ ghi theo dạng yyyy-MM-ddThh:mm:ss (ví dụ 2026-04-15T08:30:00)",
							"a date and time written yyyy-MM-ddThh:mm:ss (e.g. 2026-04-15T08:30:00)"),
							new LocalizedText("Ghi ngày giờ theo dạng yyyy-MM-ddThh:mm:ss, ví dụ 2026-04-15T08:30:00.",
									"Write the date and time as yyyy-MM-ddThh:mm:ss, e.g. 2026-04-15T08:30:00."))),
			Map.entry("NCName", IDENTIFIER), Map.entry("ID", IDENTIFIER));

	/** The patterns the catalog's codes use, said in words. */
	private static final Map<String, Expected> PATTERNS = Map.ofEntries(
			Map.entry("[0-9]{10}(-[0-9]{3})?",
					new Expected(new LocalizedText("10 chữ số, có thể kèm -NNN cho chi nhánh",
							"10 digits, optionally -NNN for a branch"), Expected.FIX_MST)),
			Map.entry("[0-9]{10}|[0-9]{12}",
					new Expected(new LocalizedText("10 chữ số (mã số thuế) hoặc 12 chữ số (số định danh cá nhân)",
							"10 digits (a tax code) or 12 digits (a personal identification number)"),
							new LocalizedText("Ghi mã số thuế gồm 10 chữ số hoặc số định danh cá nhân gồm 12 chữ số, giữ "
									+ "nguyên các số 0 ở đầu.",
									"Write the 10-digit tax code or the 12-digit personal identification number, "
											+ "leading zeros kept."))),
			Map.entry("([0-9]{4})?", digits(4).orEmpty()), Map.entry("2[0-9]{3}", YEAR), Map.entry("20[0-9]{2}", YEAR),
			Map.entry("155[0-9]|1599",
					new Expected(new LocalizedText("một mã từ 1550 đến 1559, hoặc 1599", "a code from 1550 to 1559, or 1599"),
							new LocalizedText("Ghi một mã từ 1550 đến 1559, hoặc 1599.",
									"Write a code from 1550 to 1559, or 1599."))),
			Map.entry("17[5-9][0-9]",
					new Expected(new LocalizedText("một mã từ 1750 đến 1799", "a code from 1750 to 1799"),
							new LocalizedText("Ghi một mã từ 1750 đến 1799.", "Write a code from 1750 to 1799."))));

	private static final Pattern DIGITS = Pattern.compile("\\[0-9\\]\\{([0-9]{1,4})\\}");

	private static final Pattern LETTERS = Pattern.compile("\\[A-Z\\]\\{([0-9]{1,4})\\}");

	private ExpectedValues() {
	}

	/** What a facet's type or pattern allows: the type's words, else the pattern's, else the pattern. */
	static Expected ofFacet(String type, String pattern) {
		Expected byType = TYPES.get(type);
		return (byType != null) ? byType : ofPattern(pattern);
	}

	private static Expected ofPattern(String pattern) {
		Expected byPattern = PATTERNS.get(pattern);
		if (byPattern != null) {
			return byPattern;
		}
		Matcher digits = DIGITS.matcher(pattern);
		if (digits.matches()) {
			return digits(Integer.parseInt(digits.group(1)));
		}
		Matcher letters = LETTERS.matcher(pattern);
		if (letters.matches()) {
			String count = letters.group(1);
			return new Expected(new LocalizedText("đúng " + count + " chữ cái in hoa (A–Z)",
					"exactly " + count + " capital letters (A–Z)"),
					new LocalizedText("Ghi đúng " + count + " chữ cái in hoa không dấu (A–Z).",
							"Write exactly " + count + " capital letters (A–Z)."));
		}
		return new Expected(new LocalizedText("một giá trị khớp mẫu định dạng " + pattern,
				"a value matching the pattern " + pattern),
				new LocalizedText("Sửa giá trị cho khớp mẫu định dạng " + pattern + ".",
						"Correct the value to match the pattern " + pattern + "."));
	}

	/** What a value of an XML Schema type is, for a value not of its type at all. */
	static Expected ofBuiltIn(String type, ElementNames names) {
		Expected expected = BUILT_IN.get(type);
		return (expected != null) ? expected : ofNamed(type, names);
	}

	/** What a value of a named type of the XSD is (a union of a type and the empty text, say). */
	static Expected ofNamed(String type, ElementNames names) {
		Expected expected = TYPES.get(type);
		if (expected != null) {
			return expected;
		}
		return new Expected(new LocalizedText("một giá trị hợp lệ của kiểu " + type, "a valid value of type " + type),
				new LocalizedText("Sửa giá trị theo đúng kiểu " + type + " của " + names.formVi() + ".",
						"Correct the value to the type " + type + " of " + names.formEn() + "."));
	}

	private static Expected digits(int count) {
		return new Expected(new LocalizedText("đúng " + count + " chữ số", "exactly " + count + " digits"),
				new LocalizedText("Ghi đủ " + count + " chữ số, giữ nguyên các số 0 ở đầu.",
						"Write all " + count + " digits, leading zeros kept."));
	}

}
