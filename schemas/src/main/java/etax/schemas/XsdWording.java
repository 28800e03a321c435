package etax.schemas;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The plain wording of an XSD error: what is wrong with which element, in the filer's terms (the label of the
 * indicator, the value as written, what is allowed in words), and a remedy of its own, in Vietnamese and
 * English, from the validator's messages (see {@link XercesMessage}). The English text ends with the
 * validator's key, for support. Messages it does not know are left to the caller, which keeps the
 * validator's text.
 */
final class XsdWording {

	/** The notice's wording of one XSD error. */
	record Wording(LocalizedText message, LocalizedText remedy) {
	}

	private static final String NAMESPACE = EnvelopeScanner.NAMESPACE;

	private static final LocalizedText CORRECT_IN_SOFTWARE = new LocalizedText(
			" Sau đó kết xuất lại tờ khai từ phần mềm kê khai.", " Then export the return again from the filing software.");

	private static final LocalizedText UPDATE_SOFTWARE = new LocalizedText(
			" Nếu tệp do phần mềm HTKK hoặc phần mềm kê khai khác tạo ra, hãy cập nhật phần mềm lên phiên bản mới nhất "
					+ "rồi kết xuất lại tờ khai.",
			" If the file comes from HTKK or other filing software, update it to its latest version and export the "
					+ "return again.");

	/**
	 * What a value must be, and how to write it so.
	 * @param what what it must be, to follow "it must be"
	 * @param fix the remedy
	 * @param shape for a date, how one is written: a value of this shape that is refused is not a real day
	 */
	private record Expected(LocalizedText what, LocalizedText fix, @Nullable Pattern shape) {

		Expected(LocalizedText what, LocalizedText fix) {
			this(what, fix, null);
		}

		Expected orEmpty() {
			return new Expected(new LocalizedText(this.what.vi() + ", hoặc để trống", this.what.en() + ", or empty"),
					new LocalizedText(this.fix.vi().replaceAll("\\.$", "; để trống nếu không có."),
							this.fix.en().replaceAll("\\.$", "; leave it empty if there is none.")),
					this.shape);
		}

	}

	private static final Expected AMOUNT = new Expected(
			new LocalizedText("số tiền bằng đồng, là số nguyên không âm chỉ gồm chữ số, không có dấu chấm, dấu phẩy hay "
					+ "khoảng trắng (ví dụ 500000000)",
					"an amount in VND, a whole number that is not negative, in digits only, without dots, commas or "
							+ "spaces (e.g. 500000000)"),
			new LocalizedText("Ghi số tiền bằng chữ số liền nhau, làm tròn đến đồng, không dùng dấu chấm, dấu phẩy hay "
					+ "khoảng trắng để ngăn cách hàng nghìn; chỉ tiêu không phát sinh thì ghi 0.",
					"Write the amount in digits only, rounded to whole VND, without dots, commas or spaces between the "
							+ "thousands; write 0 where there is nothing to declare."));

	private static final Expected SIGNED_AMOUNT = new Expected(
			new LocalizedText("số tiền bằng đồng, là số nguyên chỉ gồm chữ số, số âm có dấu trừ ở đầu, không có dấu chấm, "
					+ "dấu phẩy hay khoảng trắng (ví dụ -5000000)",
					"an amount in VND, a whole number in digits only, a minus sign first if negative, without dots, "
							+ "commas or spaces (e.g. -5000000)"),
			new LocalizedText("Ghi số tiền bằng chữ số liền nhau, làm tròn đến đồng, số âm ghi dấu trừ ở đầu, không dùng "
					+ "dấu chấm, dấu phẩy hay khoảng trắng để ngăn cách hàng nghìn; chỉ tiêu không phát sinh thì ghi 0.",
					"Write the amount in digits only, rounded to whole VND, with a minus sign first if negative and "
							+ "without dots, commas or spaces between the thousands; write 0 where there is nothing to "
							+ "declare."));

	private static final LocalizedText FIX_DECIMAL = new LocalizedText(
			"Ghi số bằng chữ số, dùng dấu chấm (.) trước phần thập phân, không dùng dấu phẩy hay dấu ngăn cách hàng nghìn; "
					+ "không có số liệu thì ghi 0.",
			"Write the number in digits, with a dot (.) before the decimals, no comma and no thousands separators; "
					+ "write 0 where there is nothing to declare.");

	private static final Expected DECIMAL = new Expected(
			new LocalizedText("một số viết bằng chữ số, dùng dấu chấm (.) trước phần thập phân, không có dấu ngăn cách "
					+ "hàng nghìn (ví dụ 78.5)",
					"a number in digits, with a dot (.) before the decimals and no thousands separators (e.g. 78.5)"),
			FIX_DECIMAL);

	private static final Expected RATE = new Expected(
			new LocalizedText("một tỷ lệ không âm viết bằng chữ số, dùng dấu chấm (.) trước phần thập phân (ví dụ 0.05)",
					"a rate that is not negative, in digits, with a dot (.) before the decimals (e.g. 0.05)"),
			FIX_DECIMAL);

	private static final Expected INTEGER = new Expected(
			new LocalizedText("một số nguyên chỉ gồm chữ số (ví dụ 30)", "a whole number in digits only (e.g. 30)"),
			new LocalizedText("Ghi số nguyên bằng chữ số, không có dấu chấm, dấu phẩy hay khoảng trắng; không có thì ghi 0.",
					"Write a whole number in digits, without dots, commas or spaces; write 0 where there is none."));

	private static final Expected COUNT = new Expected(
			new LocalizedText("một số nguyên không âm chỉ gồm chữ số (ví dụ 30)",
					"a whole number that is not negative, in digits only (e.g. 30)"),
			INTEGER.fix);

	private static final Expected FLAG = new Expected(
			new LocalizedText("0 (không) hoặc 1 (có), hoặc false/true", "0 (no) or 1 (yes), or false/true"),
			new LocalizedText("Ghi 1 nếu chọn ô này, 0 nếu không chọn.", "Write 1 if the box is ticked, 0 if it is not."));

	private static final Expected DATE = new Expected(
			new LocalizedText("một ngày có thật, ghi theo dạng yyyy-MM-dd (năm-tháng-ngày, ví dụ 2026-04-15)",
					"a real date written yyyy-MM-dd (year-month-day, e.g. 2026-04-15)"),
			new LocalizedText("Nhập ngày có trong lịch và ghi theo dạng yyyy-MM-dd, ví dụ 2026-04-15.",
					"Enter a date that exists in the calendar, written yyyy-MM-dd, e.g. 2026-04-15."),
			Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"));

	private static final Expected DAY_MONTH_YEAR = new Expected(
			new LocalizedText("một ngày có thật, ghi theo dạng dd/MM/yyyy (ngày/tháng/năm, ví dụ 31/03/2026)",
					"a real date written dd/MM/yyyy (day/month/year, e.g. 31/03/2026)"),
			new LocalizedText("Nhập ngày có trong lịch (tháng 4, 6, 9 và 11 có 30 ngày; tháng 2 có 28 ngày, 29 ngày trong "
					+ "năm nhuận) và ghi theo dạng dd/MM/yyyy, ví dụ 31/03/2026.",
					"Enter a date that exists in the calendar (April, June, September and November have 30 days; "
							+ "February has 28, 29 in a leap year), written dd/MM/yyyy, e.g. 31/03/2026."),
			Pattern.compile("[0-9]{2}/[0-9]{2}/[0-9]{4}"));

	private static final LocalizedText FIX_MST = new LocalizedText(
			"Kiểm tra lại mã số thuế theo giấy chứng nhận đăng ký thuế hoặc thông báo mã số thuế: đủ 10 chữ số, giữ nguyên "
					+ "các số 0 ở đầu; chi nhánh, đơn vị phụ thuộc ghi thêm -NNN.",
			"Check the tax code against the tax registration certificate or notice: all 10 digits, leading zeros kept; "
					+ "a branch or dependent unit adds -NNN.");

	private static final Expected TAX_CODE = new Expected(
			new LocalizedText("mã số thuế gồm 10 chữ số (chi nhánh, đơn vị phụ thuộc ghi thêm -NNN) hoặc số định danh cá "
					+ "nhân gồm 12 chữ số",
					"a tax code of 10 digits (with -NNN for a branch or dependent unit) or a 12-digit personal "
							+ "identification number"),
			new LocalizedText(FIX_MST.vi().replaceAll("\\.$", "; cá nhân có thể dùng số định danh cá nhân 12 chữ số."),
					FIX_MST.en().replaceAll("\\.$", "; an individual may use the 12-digit personal identification "
							+ "number.")));

	private static final Expected TAX_OFFICE = new Expected(
			new LocalizedText("mã cơ quan thuế gồm đúng 5 chữ số", "a tax office code of exactly 5 digits"),
			new LocalizedText("Ghi mã của cơ quan thuế nơi nộp tờ khai, gồm 5 chữ số, theo danh mục cơ quan thuế.",
					"Write the code of the tax office the return is filed with, 5 digits, as the list of tax offices "
							+ "gives it."));

	private static final Expected IDENTIFIER = new Expected(
			new LocalizedText("một định danh bắt đầu bằng chữ cái hoặc dấu gạch dưới, không có khoảng trắng hay dấu hai chấm "
					+ "(ví dụ ID_1)",
					"an identifier that starts with a letter or an underscore, without spaces or colons (e.g. ID_1)"),
			new LocalizedText("Ghi định danh theo dạng ID_1.", "Write the identifier as ID_1."));

	private static final Expected YEAR = new Expected(
			new LocalizedText("một năm gồm 4 chữ số (ví dụ 2025)", "a year of 4 digits (e.g. 2025)"),
			new LocalizedText("Ghi năm bằng 4 chữ số, ví dụ 2025.", "Write the year in 4 digits, e.g. 2025."));

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
							"10 digits, optionally -NNN for a branch"), FIX_MST)),
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
							new LocalizedText("Ghi một mã từ 1750 đến 1799.", "Write a code from 1750 to 1799."))),
			Map.entry("[0-9]{1,2}/[0-9]{4}",
					new Expected(new LocalizedText("một kỳ ghi theo dạng tháng/năm hoặc quý/năm (ví dụ 3/2026)",
							"a period written month/year or quarter/year (e.g. 3/2026)"),
							new LocalizedText("Ghi kỳ theo dạng tháng/năm hoặc quý/năm, ví dụ 3/2026.",
									"Write the period as month/year or quarter/year, e.g. 3/2026."))));

	private static final Pattern DIGITS = Pattern.compile("\\[0-9\\]\\{([0-9]+)\\}");

	private static final Pattern LETTERS = Pattern.compile("\\[A-Z\\]\\{([0-9]+)\\}");

	/** What the codes of the envelope's enumerations mean. */
	private static final Map<String, LocalizedText> ENUMERATIONS = Map.of("[C, B, T]",
			new LocalizedText("C (tờ khai lần đầu), B (tờ khai bổ sung), T (tờ khai thay thế)",
					"C (first filing), B (supplementary), T (replacement)"),
			"[M, Q, Y, D, K, N]",
			new LocalizedText("M (tháng), Q (quý), Y (năm), D (từng lần phát sinh), K hoặc N (kỳ theo khoảng ngày)",
					"M (month), Q (quarter), Y (year), D (per occurrence), K or N (a range of days)"));

	private XsdWording() {
	}

	/**
	 * Words one XSD error.
	 * @param messages what the validator reported for the element, in order: the first says what is wrong; one
	 * after it may be the validator's "the value is not valid" ({@code cvc-type.3.1.3}) or "the attribute is not
	 * valid" ({@code cvc-attribute.3}), which names the attribute
	 * @param xpath where, as the finding reports it
	 * @param value the offending text of the element, or {@code null}
	 * @param names the form version's element names
	 * @return the wording, or {@code null} when the first message is of no template this class words
	 */
	static @Nullable Wording of(List<String> messages, String xpath, @Nullable String value, ElementNames names) {
		XercesMessage first = XercesMessage.parse(messages.get(0));
		if (first == null) {
			return null;
		}
		XercesMessage attribute = null;
		for (String message : messages) {
			if (message.startsWith("cvc-attribute.3: ")) {
				attribute = XercesMessage.parse(message);
			}
		}
		Wording wording = words(first, attribute, xpath, value, names);
		if (wording == null) {
			return null;
		}
		return new Wording(new LocalizedText(wording.message().vi(), wording.message().en() + " (" + first.key() + ")"),
				wording.remedy());
	}

	private static @Nullable Wording words(XercesMessage error, @Nullable XercesMessage attribute, String xpath,
			@Nullable String value, ElementNames names) {
		return switch (error.key()) {
			case "cvc-pattern-valid", "cvc-datatype-valid.1.2.1", "cvc-datatype-valid.1.2.2", "cvc-datatype-valid.1.2.3",
					"cvc-enumeration-valid", "cvc-minInclusive-valid", "cvc-maxInclusive-valid", "cvc-minExclusive-valid",
					"cvc-maxExclusive-valid", "cvc-minLength-valid", "cvc-maxLength-valid", "cvc-length-valid",
					"cvc-totalDigits-valid", "cvc-fractionDigits-valid", "cvc-type.3.1.3", "cvc-attribute.3" ->
				value(error, attribute, xpath, value, names);
			case "cvc-complex-type.2.4.a" -> misplaced(error, xpath, names);
			case "cvc-complex-type.2.4.b" -> incomplete(error, xpath, names);
			case "cvc-complex-type.2.4.c" -> structure(names.at(xpath),
					new LocalizedText("%s không có trong " + names.formVi() + ".", "%s is not part of " + names.formEn() + "."),
					new LocalizedText("Bỏ %s khỏi tờ khai.", "Remove %s from the return."));
			case "cvc-complex-type.2.4.d" -> unexpected(xpath, names);
			case "cvc-complex-type.2.4.e" -> tooMany(xpath, error.arg(2), names);
			case "cvc-complex-type.2.4.f" -> tooMany(xpath, error.arg(1), names);
			case "cvc-complex-type.2.4.g", "cvc-complex-type.2.4.h" -> tooFew(error,
					xpath.substring(0, Math.max(xpath.lastIndexOf('/'), 0)), names);
			case "cvc-complex-type.2.4.i", "cvc-complex-type.2.4.j" -> tooFew(error, xpath, names);
			case "cvc-complex-type.2.1" -> structure(names.at(xpath),
					new LocalizedText("%s phải để trống, không được có nội dung hay phần tử con.",
							"%s must be empty: no text and no child elements."),
					new LocalizedText("Bỏ mọi nội dung bên trong %s.", "Remove everything inside %s."));
			case "cvc-complex-type.2.2", "cvc-type.3.1.2" -> structure(names.at(xpath),
					new LocalizedText("%s chỉ chứa một giá trị, không được có phần tử con.",
							"%s holds a single value and may not contain child elements."),
					new LocalizedText("Bỏ các phần tử con bên trong %s, chỉ ghi giá trị.",
							"Remove the child elements inside %s and write the value alone."));
			case "cvc-complex-type.2.3" -> textInside(xpath, value, names);
			case "cvc-type.3.1.1", "cvc-complex-type.3.2.1", "cvc-complex-type.3.2.2" -> structure(names.at(xpath),
					new LocalizedText("%s không được có thuộc tính " + error.arg(1) + ".",
							"%s may not have attribute " + error.arg(1) + "."),
					new LocalizedText("Bỏ thuộc tính " + error.arg(1) + " khỏi %s.",
							"Remove attribute " + error.arg(1) + " from %s."));
			case "cvc-complex-type.4" -> structure(names.at(xpath),
					new LocalizedText("%s thiếu thuộc tính bắt buộc " + error.arg(1) + ".",
							"%s lacks the required attribute " + error.arg(1) + "."),
					new LocalizedText("Thêm thuộc tính " + error.arg(1) + " cho %s.",
							"Add attribute " + error.arg(1) + " to %s."));
			case "cvc-elt.1.a", "cvc-elt.1" -> undeclared(error.arg(0), names);
			default -> null;
		};
	}

	/** A value the XSD refuses: its type, a facet, or (for an attribute) both. */
	private static Wording value(XercesMessage error, @Nullable XercesMessage attribute, String xpath,
			@Nullable String value, ElementNames names) {
		LocalizedText subject = subject(attribute, xpath, names);
		String written = (value != null) ? value : error.arg(writtenArg(error.key()));
		LocalizedText quoted = quoted(written);
		boolean empty = written.isBlank();
		return switch (error.key()) {
			case "cvc-pattern-valid" -> format(subject, written, quoted, expected(error.arg(2), error.arg(1)));
			case "cvc-datatype-valid.1.2.1" -> format(subject, written, quoted, builtIn(error.arg(1), names));
			case "cvc-datatype-valid.1.2.2", "cvc-datatype-valid.1.2.3" -> format(subject, written, quoted,
					named(error.arg(1), names));
			case "cvc-enumeration-valid" -> enumeration(subject, quoted, empty, error.arg(1));
			case "cvc-minInclusive-valid", "cvc-minExclusive-valid", "cvc-maxInclusive-valid",
					"cvc-maxExclusive-valid" ->
				bound(subject, quoted, error.key(), error.arg(1));
			case "cvc-minLength-valid", "cvc-maxLength-valid", "cvc-length-valid" -> length(subject, quoted, empty,
					error.key(), error.arg(1), error.arg(2));
			case "cvc-totalDigits-valid" -> said(subject,
					new LocalizedText("giá trị " + quoted.vi() + " có " + error.arg(1) + " chữ số, nhiều hơn mức tối đa "
							+ error.arg(2) + " chữ số.",
							"the value " + quoted.en() + " has " + error.arg(1) + " digits, more than the " + error.arg(2)
									+ " allowed."),
					new LocalizedText("Ghi số có tối đa " + error.arg(2) + " chữ số; kiểm tra lại số liệu và đơn vị tính.",
							"Write at most " + error.arg(2) + " digits; check the figures and the unit."));
			case "cvc-fractionDigits-valid" -> said(subject,
					new LocalizedText("giá trị " + quoted.vi() + " có " + error.arg(1)
							+ " chữ số sau dấu thập phân, nhiều hơn mức tối đa " + error.arg(2) + ".",
							"the value " + quoted.en() + " has " + error.arg(1) + " decimals, more than the " + error.arg(2)
									+ " allowed."),
					new LocalizedText("Làm tròn đến " + error.arg(2) + " chữ số sau dấu thập phân.",
							"Round it to " + error.arg(2) + " decimals."));
			default -> (attribute != null)
					? format(subject, written, quoted, builtIn(attribute.arg(3), names))
					: said(subject,
							new LocalizedText("giá trị " + quoted.vi() + " không hợp lệ.", "the value " + quoted.en()
									+ " is not valid."),
							new LocalizedText("Sửa giá trị theo đúng quy định của " + names.formVi() + ".",
									"Correct the value as " + names.formEn() + " requires."));
		};
	}

	/** Which argument of a value message is the value. */
	private static int writtenArg(String key) {
		return switch (key) {
			case "cvc-type.3.1.3" -> 1;
			case "cvc-attribute.3" -> 2;
			default -> 0;
		};
	}

	/** The element, or an attribute of it when the validator named one. */
	private static LocalizedText subject(@Nullable XercesMessage attribute, String xpath, ElementNames names) {
		ElementNames.Name element = names.at(xpath);
		if (attribute == null) {
			return new LocalizedText(element.vi(), element.en());
		}
		return new LocalizedText("thuộc tính " + attribute.arg(1) + " của " + element.vi(),
				"attribute " + attribute.arg(1) + " of " + element.en());
	}

	/** "[23] … (ct23): the value "500.000.000" is not in the required format; it must be …". */
	private static Wording format(LocalizedText subject, String written, LocalizedText quoted, Expected expected) {
		LocalizedText problem;
		if (written.isBlank()) {
			problem = new LocalizedText("chưa có giá trị", "the value is empty");
		}
		else if (expected.shape() != null && expected.shape().matcher(written).matches()) {
			problem = new LocalizedText("giá trị " + quoted.vi() + " không phải là ngày có thật",
					"the value " + quoted.en() + " is not a real date");
		}
		else {
			problem = new LocalizedText("giá trị " + quoted.vi() + " không đúng định dạng",
					"the value " + quoted.en() + " is not in the required format");
		}
		return said(subject,
				new LocalizedText(problem.vi() + "; phải là " + expected.what().vi() + ".",
						problem.en() + "; it must be " + expected.what().en() + "."),
				expected.fix());
	}

	private static Wording enumeration(LocalizedText subject, LocalizedText quoted, boolean empty, String values) {
		String plain = values.startsWith("[") && values.endsWith("]") ? values.substring(1, values.length() - 1) : values;
		LocalizedText allowed = ENUMERATIONS.getOrDefault(values, new LocalizedText(plain, plain));
		return said(subject,
				empty ? new LocalizedText("chưa có giá trị; phải là một trong các giá trị: " + allowed.vi() + ".",
						"the value is empty; it must be one of: " + allowed.en() + ".")
						: new LocalizedText("giá trị " + quoted.vi() + " không thuộc các giá trị được phép: "
								+ allowed.vi() + ".",
								"the value " + quoted.en() + " is not one of those allowed: " + allowed.en() + "."),
				new LocalizedText("Chọn một trong các giá trị: " + allowed.vi() + ".", "Choose one of: " + allowed.en() + "."));
	}

	private static Wording bound(LocalizedText subject, LocalizedText quoted, String key, String limit) {
		String vi = number(limit, true);
		String en = number(limit, false);
		boolean zero = isZero(limit);
		return switch (key) {
			case "cvc-minInclusive-valid" -> zero
					? said(subject,
							new LocalizedText("giá trị " + quoted.vi() + " là số âm, không được phép.",
									"the value " + quoted.en() + " is negative, which is not allowed."),
							new LocalizedText("Ghi số từ 0 trở lên; kiểm tra lại số liệu và cách tính.",
									"Write a number of 0 or more; check the figures and how they were worked out."))
					: said(subject,
							new LocalizedText("giá trị " + quoted.vi() + " nhỏ hơn mức tối thiểu " + vi + ".",
									"the value " + quoted.en() + " is below the minimum, " + en + "."),
							new LocalizedText("Ghi giá trị từ " + vi + " trở lên.", "Write a value of " + en + " or more."));
			case "cvc-minExclusive-valid" -> said(subject,
					new LocalizedText("giá trị " + quoted.vi() + " phải lớn hơn " + vi + ".",
							"the value " + quoted.en() + " must be greater than " + en + "."),
					new LocalizedText("Ghi giá trị lớn hơn " + vi + ".", "Write a value greater than " + en + "."));
			case "cvc-maxExclusive-valid" -> said(subject,
					new LocalizedText("giá trị " + quoted.vi() + " phải nhỏ hơn " + vi + ".",
							"the value " + quoted.en() + " must be less than " + en + "."),
					new LocalizedText("Ghi giá trị nhỏ hơn " + vi + ".", "Write a value less than " + en + "."));
			default -> said(subject,
					new LocalizedText("giá trị " + quoted.vi() + " lớn hơn mức tối đa " + vi + ".",
							"the value " + quoted.en() + " is above the maximum, " + en + "."),
					new LocalizedText("Ghi giá trị không quá " + vi + "; kiểm tra lại số liệu (có thể thừa chữ số).",
							"Write a value of at most " + en + "; check the figures for a digit too many."));
		};
	}

	private static Wording length(LocalizedText subject, LocalizedText quoted, boolean empty, String key, String actual,
			String limit) {
		String vi = number(limit, true);
		String en = number(limit, false);
		String actualVi = number(actual, true);
		String actualEn = number(actual, false);
		return switch (key) {
			case "cvc-maxLength-valid" -> said(subject,
					new LocalizedText("nội dung " + quoted.vi() + " dài " + actualVi + " ký tự, vượt quá mức tối đa " + vi
							+ " ký tự.",
							"the text " + quoted.en() + " is " + actualEn + " characters long, more than the " + en
									+ " allowed."),
					new LocalizedText("Rút gọn nội dung còn tối đa " + vi + " ký tự.",
							"Shorten the text to at most " + en + " characters."));
			case "cvc-minLength-valid" -> empty
					? said(subject, new LocalizedText("chưa có nội dung; không được để trống.",
							"it is empty; it must be filled in."),
							new LocalizedText("Nhập nội dung cho " + subject.vi() + ".", "Fill in " + subject.en() + "."))
					: said(subject,
							new LocalizedText("nội dung " + quoted.vi() + " dài " + actualVi
									+ " ký tự, ngắn hơn mức tối thiểu " + vi + " ký tự.",
									"the text " + quoted.en() + " is " + actualEn + " characters long, fewer than the "
											+ en + " required."),
							new LocalizedText("Ghi ít nhất " + vi + " ký tự.", "Write at least " + en + " characters."));
			default -> said(subject,
					new LocalizedText("nội dung " + quoted.vi() + " dài " + actualVi + " ký tự; phải dài đúng " + vi
							+ " ký tự.",
							"the text " + quoted.en() + " is " + actualEn + " characters long; it must be exactly " + en
									+ "."),
					new LocalizedText("Ghi đúng " + vi + " ký tự.", "Write exactly " + en + " characters."));
		};
	}

	/** "Subject: problem." with a remedy about the value, made in the filing software. */
	private static Wording said(LocalizedText subject, LocalizedText problem, LocalizedText fix) {
		return new Wording(
				new LocalizedText(capitalized(subject.vi()) + ": " + problem.vi(),
						capitalized(subject.en()) + ": " + problem.en()),
				new LocalizedText(fix.vi() + CORRECT_IN_SOFTWARE.vi(), fix.en() + CORRECT_IN_SOFTWARE.en()));
	}

	/** What a facet's type or pattern allows: the type's words, else the pattern's, else the pattern. */
	private static Expected expected(String type, String pattern) {
		Expected byType = TYPES.get(type);
		if (byType != null) {
			return byType;
		}
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

	private static Expected digits(int count) {
		return new Expected(new LocalizedText("đúng " + count + " chữ số", "exactly " + count + " digits"),
				new LocalizedText("Ghi đủ " + count + " chữ số, giữ nguyên các số 0 ở đầu.",
						"Write all " + count + " digits, leading zeros kept."));
	}

	/** What a value of an XML Schema type is, for a value not of its type at all. */
	private static Expected builtIn(String type, ElementNames names) {
		Expected expected = BUILT_IN.get(type);
		return (expected != null) ? expected : named(type, names);
	}

	/** What a value of a named type of the XSD is (a union of a type and the empty text, say). */
	private static Expected named(String type, ElementNames names) {
		Expected expected = TYPES.get(type);
		if (expected != null) {
			return expected;
		}
		return new Expected(new LocalizedText("một giá trị hợp lệ của kiểu " + type, "a valid value of type " + type),
				new LocalizedText("Sửa giá trị theo đúng kiểu " + type + " của " + names.formVi() + ".",
						"Correct the value to the type " + type + " of " + names.formEn() + "."));
	}

	/** 2.4.a: an element stands where another is expected: the other is missing, or they are out of order. */
	private static Wording misplaced(XercesMessage error, String xpath, ElementNames names) {
		XercesMessage.QualifiedName found = XercesMessage.names(error.arg(0)).get(0);
		List<XercesMessage.QualifiedName> expected = XercesMessage.names(error.arg(1));
		String parent = xpath.substring(0, Math.max(xpath.lastIndexOf('/'), 0));
		ElementNames.Name element = names.at(xpath);
		for (XercesMessage.QualifiedName name : expected) {
			if (name.localName().equals(found.localName()) && !name.namespace().equals(found.namespace())) {
				String in = found.namespace().isEmpty() ? "không thuộc không gian tên nào" : "thuộc không gian tên \""
						+ found.namespace() + "\"";
				String inEn = found.namespace().isEmpty() ? "is in no namespace" : "is in namespace \""
						+ found.namespace() + "\"";
				return structure(element,
						new LocalizedText("%s " + in + "; mọi phần tử của tờ khai phải thuộc không gian tên " + NAMESPACE
								+ ".", "%s " + inEn + "; every element of the return must be in namespace " + NAMESPACE
										+ "."),
						new LocalizedText("Đặt %s vào không gian tên " + NAMESPACE + " như các phần tử khác của tờ khai.",
								"Put %s in namespace " + NAMESPACE + ", as the other elements of the return are."));
			}
		}
		if (Layout.PLUC_XPATH.equals(parent.replaceAll("\\[[0-9]+\\]", ""))) {
			String allowed = expected.stream().map(XercesMessage.QualifiedName::localName).collect(Collectors.joining(", "));
			return structure(element,
					new LocalizedText("%s không phải là phụ lục của " + names.formVi() + "; các phụ lục được phép: "
							+ allowed + ".",
							"%s is not an appendix of " + names.formEn() + "; the appendices allowed are " + allowed
									+ "."),
					new LocalizedText("Bỏ %s khỏi tờ khai, hoặc kiểm tra lại mẫu và phiên bản tờ khai đã chọn.",
							"Remove %s from the return, or check that the right form and version were chosen."));
		}
		LocalizedText wanted = list(expected, parent, names);
		return structure(element,
				new LocalizedText(capitalized(wanted.vi()) + " bị thiếu hoặc không đúng thứ tự: tại vị trí này tờ khai có %s.",
						capitalized(wanted.en()) + " is missing or out of order: %s stands in its place."),
				new LocalizedText("Khai " + wanted.vi() + " nếu còn thiếu, hoặc sắp xếp các phần tử theo đúng thứ tự của "
						+ names.formVi() + ".",
						"Add " + wanted.en() + " if it is missing, or put the elements in the order of " + names.formEn()
								+ "."));
	}

	/** 2.4.b: an element ends before all it must contain. */
	private static Wording incomplete(XercesMessage error, String xpath, ElementNames names) {
		LocalizedText wanted = list(XercesMessage.names(error.arg(1)), xpath, names);
		return structure(names.at(xpath),
				new LocalizedText(capitalized(wanted.vi()) + " bị thiếu ở cuối %s.",
						capitalized(wanted.en()) + " is missing at the end of %s."),
				new LocalizedText("Khai " + wanted.vi() + " theo đúng thứ tự của " + names.formVi() + ".",
						"Add " + wanted.en() + " in the order of " + names.formEn() + "."));
	}

	/** 2.4.d: an element after the last one its parent may hold. */
	private static Wording unexpected(String xpath, ElementNames names) {
		ElementNames.Name parent = names.parent(xpath);
		return structure(names.at(xpath),
				new LocalizedText("%s không được có ở vị trí này: theo " + names.formVi() + ", " + parent.vi()
						+ " không còn phần tử nào sau đó.",
						"%s is not allowed here: in " + names.formEn() + ", nothing more comes in " + parent.en() + "."),
				new LocalizedText("Bỏ %s nếu nó không thuộc " + names.formVi() + ", hoặc đặt nó vào đúng vị trí.",
						"Remove %s if it is not part of " + names.formEn() + ", or move it to its place."));
	}

	/** 2.4.e, 2.4.f: an element repeated more often than allowed, e.g. a table with too many rows. */
	private static Wording tooMany(String xpath, String max, ElementNames names) {
		ElementNames.Name element = names.at(xpath);
		FormSpec.Table table = names.tableOfRow(xpath);
		if (table != null) {
			String first = (element.row() > 0) ? "; dòng thừa đầu tiên là dòng " + element.row() : "";
			String firstEn = (element.row() > 0) ? "; the first row too many is row " + element.row() : "";
			return structure(element,
					new LocalizedText("Bảng " + table.name() + " có nhiều hơn " + max + " dòng (" + table.row()
							+ "), mức tối đa mà " + names.formVi() + " cho phép" + first + ".",
							"Table " + table.name() + " has more than " + max + " rows (" + table.row() + "), the most "
									+ names.formEn() + " allows" + firstEn + "."),
					new LocalizedText("Giảm số dòng của bảng " + table.name() + " xuống tối đa " + max + ".",
							"Reduce table " + table.name() + " to at most " + max + " rows."));
		}
		return structure(element,
				new LocalizedText("%s xuất hiện nhiều hơn " + max + " lần, mức tối đa được phép.",
						"%s occurs more than " + max + " times, the most allowed."),
				new LocalizedText("Bỏ các phần tử " + element.localName() + " thừa, chỉ giữ tối đa " + max + ".",
						"Remove the extra " + element.localName() + " elements, keeping at most " + max + "."));
	}

	/** 2.4.g to 2.4.j: an element repeated less often than required in the element around it. */
	private static Wording tooFew(XercesMessage error, String containerXpath, ElementNames names) {
		ElementNames.Name wanted = names.child(containerXpath, XercesMessage.QualifiedName.of(error.arg(1)).localName());
		String missing = error.arg(3).isEmpty() ? "1" : error.arg(3);
		return structure(names.at(containerXpath),
				new LocalizedText(capitalized(wanted.vi()) + " phải có ít nhất " + error.arg(2) + " lần trong %s; còn thiếu "
						+ missing + ".",
						capitalized(wanted.en()) + " must occur at least " + error.arg(2) + " times in %s; " + missing
								+ ("1".equals(missing) ? " more is needed." : " more are needed.")),
				new LocalizedText("Khai thêm " + missing + " " + wanted.vi() + ".",
						"Add " + missing + " more " + wanted.en() + "."));
	}

	/** 2.3: text directly inside an element that holds only elements. */
	private static Wording textInside(String xpath, @Nullable String value, ElementNames names) {
		String text = (value != null && !value.isBlank()) ? value : null;
		LocalizedText found = (text != null) ? quoted(text) : null;
		return structure(names.at(xpath),
				new LocalizedText("%s chỉ được chứa các phần tử con, không được có văn bản trực tiếp"
						+ ((found != null) ? " (có " + found.vi() + ")." : "."),
						"%s may contain only child elements, not text" + ((found != null) ? " (found " + found.en() + ")."
								: ".")),
				new LocalizedText("Bỏ phần văn bản nằm ngoài các phần tử con của %s.",
						"Remove the text that stands outside the child elements of %s."));
	}

	/** cvc-elt.1: an element the XSD does not declare at all (a wrong root or namespace). */
	private static Wording undeclared(String name, ElementNames names) {
		return structure(new ElementNames.Name(name, null, 0),
				new LocalizedText("%s không có trong lược đồ XSD của " + names.formVi() + ": sai tên hoặc sai không gian tên.",
						"%s is not declared in the XSD of " + names.formEn() + ": its name or namespace is wrong."),
				new LocalizedText("Kiểm tra tên và không gian tên của %s: phần tử gốc là HSoThueDTu, thuộc không gian tên "
						+ NAMESPACE + ".",
						"Check the name and namespace of %s: the root element is HSoThueDTu, in namespace " + NAMESPACE
								+ "."));
	}

	/**
	 * A wording about the file's structure, which filing software makes: {@code %s} in the texts is the element,
	 * as a sentence starts with it in the message and inside one in the remedy.
	 */
	private static Wording structure(ElementNames.Name element, LocalizedText message, LocalizedText fix) {
		String vi = message.vi().startsWith("%s") ? element.viStart() : element.vi();
		String en = message.en().startsWith("%s") ? element.enStart() : element.en();
		return new Wording(new LocalizedText(message.vi().replace("%s", vi), message.en().replace("%s", en)),
				new LocalizedText(fix.vi().replace("%s", element.vi()) + UPDATE_SOFTWARE.vi(),
						fix.en().replace("%s", element.en()) + UPDATE_SOFTWARE.en()));
	}

	/** The elements the validator expected, named; more than three by their local names only. */
	private static LocalizedText list(List<XercesMessage.QualifiedName> expected, String parent, ElementNames names) {
		if (expected.size() == 1) {
			ElementNames.Name name = names.child(parent, expected.get(0).localName());
			return new LocalizedText(name.vi(), name.en());
		}
		List<String> vi;
		List<String> en;
		if (expected.size() <= 3) {
			vi = expected.stream().map((name) -> names.child(parent, name.localName()).vi()).toList();
			en = expected.stream().map((name) -> names.child(parent, name.localName()).en()).toList();
		}
		else {
			vi = expected.stream().map(XercesMessage.QualifiedName::localName).toList();
			en = vi;
		}
		return new LocalizedText("một trong các phần tử " + String.join("; ", vi), "one of " + String.join("; ", en));
	}

	/**
	 * A value as a message quotes it: whole up to {@link Findings#MAX_VALUE_LENGTH} characters, else by its start
	 * and length, as the finding's value.
	 */
	private static LocalizedText quoted(String value) {
		if (value.length() <= Findings.MAX_VALUE_LENGTH) {
			return new LocalizedText("\"" + value + "\"", "\"" + value + "\"");
		}
		return new LocalizedText("\"" + Findings.start(value) + "…\" (" + number(String.valueOf(value.length()), true)
				+ " ký tự)", "\"" + Findings.shown(value) + "\"");
	}

	/** A number as the notices write one: thousands grouped, {@code 1.000.000,5} in Vietnamese, {@code 1,000,000.5} in English. */
	static String number(String text, boolean vietnamese) {
		BigDecimal number;
		try {
			number = new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return text;
		}
		String plain = (number.signum() == 0) ? "0" : number.stripTrailingZeros().toPlainString();
		boolean negative = plain.startsWith("-");
		String digits = negative ? plain.substring(1) : plain;
		int point = digits.indexOf('.');
		String whole = (point < 0) ? digits : digits.substring(0, point);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				grouped.append(vietnamese ? '.' : ',');
			}
			grouped.append(whole.charAt(i));
		}
		if (point >= 0) {
			grouped.append(vietnamese ? ',' : '.').append(digits.substring(point + 1));
		}
		return (negative ? "-" : "") + grouped;
	}

	private static boolean isZero(String text) {
		try {
			return new BigDecimal(text.strip()).signum() == 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
