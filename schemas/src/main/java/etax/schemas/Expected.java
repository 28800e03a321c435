package etax.schemas;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a refused value must be, in words, and how to write it so; with the kinds of value the forms use most,
 * which {@link ExpectedValues} finds by the type or pattern the validator names.
 *
 * @param what what it must be, to follow "it must be"
 * @param fix the remedy
 * @param shape for a date, how one is written: a value of this shape that is refused is not a real day
 */
record Expected(LocalizedText what, LocalizedText fix, @Nullable Pattern shape) {

	static final Expected AMOUNT = new Expected(
			new LocalizedText("số tiền bằng đồng, là số nguyên không âm chỉ gồm chữ số, không có dấu chấm, dấu phẩy hay "
					+ "khoảng trắng (ví dụ 500000000)",
					"an amount in VND, a whole number that is not negative, in digits only, without dots, commas or "
							+ "spaces (e.g. 500000000)"),
			new LocalizedText("Ghi số tiền bằng chữ số liền nhau, làm tròn đến đồng, không dùng dấu chấm, dấu phẩy hay "
					+ "khoảng trắng để ngăn cách hàng nghìn; chỉ tiêu không phát sinh thì ghi 0.",
					"Write the amount in digits only, rounded to whole VND, without dots, commas or spaces between the "
							+ "thousands; write 0 where there is nothing to declare."));

	static final Expected SIGNED_AMOUNT = new Expected(
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

	static final Expected DECIMAL = new Expected(
			new LocalizedText("một số viết bằng chữ số, dùng dấu chấm (.) trước phần thập phân, không có dấu ngăn cách "
					+ "hàng nghìn (ví dụ 78.5)",
					"a number in digits, with a dot (.) before the decimals and no thousands separators (e.g. 78.5)"),
			FIX_DECIMAL);

	static final Expected RATE = new Expected(
			new LocalizedText("một tỷ lệ không âm viết bằng chữ số, dùng dấu chấm (.) trước phần thập phân (ví dụ 0.05)",
					"a rate that is not negative, in digits, with a dot (.) before the decimals (e.g. 0.05)"),
			FIX_DECIMAL);

	static final Expected INTEGER = new Expected(
			new LocalizedText("một số nguyên chỉ gồm chữ số (ví dụ 30)", "a whole number in digits only (e.g. 30)"),
			new LocalizedText("Ghi số nguyên bằng chữ số, không có dấu chấm, dấu phẩy hay khoảng trắng; không có thì ghi 0.",
					"Write a whole number in digits, without dots, commas or spaces; write 0 where there is none."));

	static final Expected COUNT = new Expected(
			new LocalizedText("một số nguyên không âm chỉ gồm chữ số (ví dụ 30)",
					"a whole number that is not negative, in digits only (e.g. 30)"),
			INTEGER.fix());

	static final Expected FLAG = new Expected(
			new LocalizedText("0 (không) hoặc 1 (có), hoặc false/true", "0 (no) or 1 (yes), or false/true"),
			new LocalizedText("Ghi 1 nếu chọn ô này, 0 nếu không chọn.", "Write 1 if the box is ticked, 0 if it is not."));

	static final Expected DATE = new Expected(
			new LocalizedText("một ngày có thật, ghi theo dạng yyyy-MM-dd (năm-tháng-ngày, ví dụ 2026-04-15)",
					"a real date written yyyy-MM-dd (year-month-day, e.g. 2026-04-15)"),
			new LocalizedText("Nhập ngày có trong lịch và ghi theo dạng yyyy-MM-dd, ví dụ 2026-04-15.",
					"Enter a date that exists in the calendar, written yyyy-MM-dd, e.g. 2026-04-15."),
			Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"));

	static final Expected DAY_MONTH_YEAR = new Expected(
			new LocalizedText("một ngày có thật, ghi theo dạng dd/MM/yyyy (ngày/tháng/năm, ví dụ 31/03/2026)",
					"a real date written dd/MM/yyyy (day/month/year, e.g. 31/03/2026)"),
			new LocalizedText("Nhập ngày có trong lịch (tháng 4, 6, 9 và 11 có 30 ngày; tháng 2 có 28 ngày, 29 ngày trong "
					+ "năm nhuận) và ghi theo dạng dd/MM/yyyy, ví dụ 31/03/2026.",
					"Enter a date that exists in the calendar (April, June, September and November have 30 days; "
							+ "February has 28, 29 in a leap year), written dd/MM/yyyy, e.g. 31/03/2026."),
			Pattern.compile("[0-9]{2}/[0-9]{2}/[0-9]{4}"));

	/** How to write a tax code, for its type and for its pattern. */
	static final LocalizedText FIX_MST = new LocalizedText(
			"Kiểm tra lại mã số thuế theo giấy chứng nhận đăng ký thuế hoặc thông báo mã số thuế: đủ 10 chữ số, giữ nguyên "
					+ "các số 0 ở đầu; chi nhánh, đơn vị phụ thuộc ghi thêm -NNN.",
			"Check the tax code against the tax registration certificate or notice: all 10 digits, leading zeros kept; "
					+ "a branch or dependent unit adds -NNN.");

	/** TINType: {@code [0-9]{10}(-[0-9]{3})?|[0-9]{12}|[0-9]{13}}, the 13 digits a unit's code without its dash. */
	static final Expected TAX_CODE = new Expected(
			new LocalizedText("mã số thuế gồm 10 chữ số (chi nhánh, đơn vị phụ thuộc ghi thêm -NNN, hoặc viết liền 13 chữ "
					+ "số) hoặc số định danh cá nhân gồm 12 chữ số",
					"a tax code of 10 digits (with -NNN for a branch or dependent unit, or as 13 digits without the "
							+ "dash) or a 12-digit personal identification number"),
			amended(amended(FIX_MST,
					new LocalizedText("dạng 13 chữ số là 10 chữ số và 3 chữ số đuôi của chi nhánh viết liền, không có "
							+ "dấu gạch ngang", "the 13-digit form is the 10 digits and the branch's 3-digit suffix "
									+ "written without the dash")),
					new LocalizedText("cá nhân có thể dùng số định danh cá nhân 12 chữ số",
							"an individual may use the 12-digit personal identification number")));

	static final Expected TAX_OFFICE = new Expected(
			new LocalizedText("mã cơ quan thuế gồm đúng 5 chữ số", "a tax office code of exactly 5 digits"),
			new LocalizedText("Ghi mã của cơ quan thuế nơi nộp tờ khai, gồm 5 chữ số, theo danh mục cơ quan thuế.",
					"Write the code of the tax office the return is filed with, 5 digits, as the list of tax offices "
							+ "gives it."));

	static final Expected IDENTIFIER = new Expected(
			new LocalizedText("một định danh bắt đầu bằng chữ cái hoặc dấu gạch dưới, không có khoảng trắng hay dấu hai chấm "
					+ "(ví dụ ID_1)",
					"an identifier that starts with a letter or an underscore, without spaces or colons (e.g. ID_1)"),
			new LocalizedText("Ghi định danh theo dạng ID_1.", "Write the identifier as ID_1."));

	static final Expected YEAR = new Expected(
			new LocalizedText("một năm gồm 4 chữ số (ví dụ 2025)", "a year of 4 digits (e.g. 2025)"),
			new LocalizedText("Ghi năm bằng 4 chữ số, ví dụ 2025.", "Write the year in 4 digits, e.g. 2025."));

	Expected(LocalizedText what, LocalizedText fix) {
		this(what, fix, null);
	}

	/** The same, for a field that may also be left empty (a union of the type and the empty text). */
	Expected orEmpty() {
		return new Expected(NoticeText.joined(this.what, new LocalizedText(", hoặc để trống", ", or empty")),
				amended(this.fix, new LocalizedText("để trống nếu không có", "leave it empty if there is none")),
				this.shape);
	}

	/** A remedy with one more clause before its full stop. */
	private static LocalizedText amended(LocalizedText fix, LocalizedText clause) {
		return new LocalizedText(fix.vi().replaceAll("\\.$", Matcher.quoteReplacement("; " + clause.vi() + ".")),
				fix.en().replaceAll("\\.$", Matcher.quoteReplacement("; " + clause.en() + ".")));
	}

}
