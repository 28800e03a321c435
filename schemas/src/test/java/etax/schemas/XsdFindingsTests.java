package etax.schemas;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The wording of XSD findings, one validator key at a time: a return made invalid in that way, and the
 * finding's Vietnamese and English texts and remedy. The keys the catalog's XSDs cannot raise are raised by a
 * small schema of their own, through the same collector.
 */
class XsdFindingsTests {

	private static final String BODY = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh";

	private static final String HEADER = "/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue/TKhaiThue";

	private static final String AGAIN_VI = " Sau đó kết xuất lại tờ khai từ phần mềm kê khai.";

	private static final String AGAIN_EN = " Then export the return again from the filing software.";

	private static final String UPDATE_VI = " Nếu tệp do phần mềm HTKK hoặc phần mềm kê khai khác tạo ra, hãy cập nhật phần "
			+ "mềm lên phiên bản mới nhất rồi kết xuất lại tờ khai.";

	private static final String UPDATE_EN = " If the file comes from HTKK or other filing software, update it to its latest "
			+ "version and export the return again.";

	private final ReturnValidator validator = ReturnValidator.withDefaults();

	@Test
	void aTaxCodeOfNineDigitsIsExplainedInWords() {
		Finding finding = only(gtgt("<mst>0313829148</mst>", "<mst>031382914</mst>"));

		assertThat(finding.xpath()).isEqualTo("/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue/NNT/mst");
		assertThat(finding.value()).isEqualTo("031382914");
		assertThat(finding.message().vi()).isEqualTo("Mã số thuế (mst): giá trị \"031382914\" không đúng định dạng; phải là "
				+ "mã số thuế gồm 10 chữ số (chi nhánh, đơn vị phụ thuộc ghi thêm -NNN, hoặc viết liền 13 chữ số) hoặc số "
				+ "định danh cá nhân gồm 12 chữ số.");
		assertThat(finding.message().en()).isEqualTo("Tax code (mst): the value \"031382914\" is not in the required format; "
				+ "it must be a tax code of 10 digits (with -NNN for a branch or dependent unit, or as 13 digits without the "
				+ "dash) or a 12-digit personal identification number. (cvc-pattern-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Kiểm tra lại mã số thuế theo giấy chứng nhận đăng ký thuế hoặc thông "
				+ "báo mã số thuế: đủ 10 chữ số, giữ nguyên các số 0 ở đầu; chi nhánh, đơn vị phụ thuộc ghi thêm -NNN; dạng "
				+ "13 chữ số là 10 chữ số và 3 chữ số đuôi của chi nhánh viết liền, không có dấu gạch ngang; cá nhân có "
				+ "thể dùng số định danh cá nhân 12 chữ số." + AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Check the tax code against the tax registration certificate or notice: "
				+ "all 10 digits, leading zeros kept; a branch or dependent unit adds -NNN; the 13-digit form is the 10 "
				+ "digits and the branch's 3-digit suffix written without the dash; an individual may use the 12-digit "
				+ "personal identification number." + AGAIN_EN);
	}

	@Test
	void anAmountWithThousandsSeparatorsIsNamedByItsLabel() {
		Finding finding = only(gtgt("<ct23>500000000</ct23>", "<ct23>500.000.000</ct23>"));

		assertThat(finding.message().vi()).isEqualTo("Chỉ tiêu [23] Giá trị hàng hóa, dịch vụ mua vào (ct23): giá trị "
				+ "\"500.000.000\" không đúng định dạng; phải là số tiền bằng đồng, là số nguyên không âm chỉ gồm chữ số, "
				+ "không có dấu chấm, dấu phẩy hay khoảng trắng (ví dụ 500000000).");
		assertThat(finding.message().en()).isEqualTo("[23] Purchases, value (ct23): the value \"500.000.000\" is not in the "
				+ "required format; it must be an amount in VND, a whole number that is not negative, in digits only, "
				+ "without dots, commas or spaces (e.g. 500000000). (cvc-pattern-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Ghi số tiền bằng chữ số liền nhau, làm tròn đến đồng, không dùng dấu "
				+ "chấm, dấu phẩy hay khoảng trắng để ngăn cách hàng nghìn; chỉ tiêu không phát sinh thì ghi 0." + AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Write the amount in digits only, rounded to whole VND, without dots, "
				+ "commas or spaces between the thousands; write 0 where there is nothing to declare." + AGAIN_EN);
	}

	@Test
	void anEmptyAmountIsSaidToBeEmpty() {
		Finding finding = only(gtgt("<ct22>12000000</ct22>", "<ct22></ct22>"));

		assertThat(finding.value()).isEmpty();
		assertThat(finding.message().vi()).startsWith("Chỉ tiêu [22] Thuế GTGT còn được khấu trừ kỳ trước chuyển sang (ct22): "
				+ "chưa có giá trị; phải là số tiền bằng đồng");
		assertThat(finding.message().en()).startsWith("[22] Deductible VAT carried over (ct22): the value is empty; it must "
				+ "be an amount in VND").endsWith("(cvc-pattern-valid)");
		assertThat(finding.remedy().vi()).contains("chỉ tiêu không phát sinh thì ghi 0");
	}

	@Test
	void aCodeOfTheFormIsExplainedByItsPattern() {
		Finding finding = only(gtgt("<tieuMucHachToan>1701</tieuMucHachToan>", "<tieuMucHachToan>17011</tieuMucHachToan>"));

		assertThat(finding.message().vi()).isEqualTo("Tiểu mục hạch toán (tieuMucHachToan): giá trị \"17011\" không đúng "
				+ "định dạng; phải là đúng 4 chữ số.");
		assertThat(finding.message().en()).isEqualTo("Budget sub-item (tieuMucHachToan): the value \"17011\" is not in the "
				+ "required format; it must be exactly 4 digits. (cvc-pattern-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Ghi đủ 4 chữ số, giữ nguyên các số 0 ở đầu." + AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Write all 4 digits, leading zeros kept." + AGAIN_EN);
	}

	@Test
	void aWrongValueInATableNamesItsRow() {
		String row = "<tieuMuc>1701</tieuMuc><ct10>0</ct10>";
		String xml = TestReturns.text("valid/01_GTGT_M03-2026_supplementary-agent.xml");
		int start = xml.lastIndexOf("<ChiTiet id=\"ID_1\">", xml.indexOf(row));
		int end = xml.indexOf("</ChiTiet>", start) + "</ChiTiet>".length();
		String chiTiet = xml.substring(start, end);
		Finding finding = only(xml.replace(chiTiet, chiTiet + chiTiet.replace("<tieuMuc>1701", "<tieuMuc>17O1")));

		assertThat(finding.xpath()).isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/DieuChinhTheoTieuMuc/ChiTiet[2]/tieuMuc");
		assertThat(finding.message().vi()).isEqualTo("Tiểu mục (tieuMuc) ở dòng 2: giá trị \"17O1\" không đúng định dạng; "
				+ "phải là đúng 4 chữ số.");
		assertThat(finding.message().en()).isEqualTo("Budget sub-item (tieuMuc) in row 2: the value \"17O1\" is not in the "
				+ "required format; it must be exactly 4 digits. (cvc-pattern-valid)");
	}

	@Test
	void anImpossibleDateIsNotARealDate() {
		Finding finding = only(gtgt("<ngayLapTKhai>2026-04-15</ngayLapTKhai>", "<ngayLapTKhai>2026-02-30</ngayLapTKhai>"));

		assertThat(finding.message().vi()).isEqualTo("Ngày lập tờ khai (ngayLapTKhai): giá trị \"2026-02-30\" không phải là "
				+ "ngày có thật; phải là một ngày có thật, ghi theo dạng yyyy-MM-dd (năm-tháng-ngày, ví dụ 2026-04-15).");
		assertThat(finding.message().en()).isEqualTo("Date the return was made (ngayLapTKhai): the value \"2026-02-30\" is "
				+ "not a real date; it must be a real date written yyyy-MM-dd (year-month-day, e.g. 2026-04-15). "
				+ "(cvc-datatype-valid.1.2.1)");
		assertThat(finding.remedy().vi()).isEqualTo("Nhập ngày có trong lịch và ghi theo dạng yyyy-MM-dd, ví dụ 2026-04-15."
				+ AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Enter a date that exists in the calendar, written yyyy-MM-dd, e.g. "
				+ "2026-04-15." + AGAIN_EN);
	}

	@Test
	void aDateInTheWrongOrderIsNotInTheRequiredFormat() {
		Finding finding = only(gtgt("<ngayLapTKhai>2026-04-15</ngayLapTKhai>", "<ngayLapTKhai>15/04/2026</ngayLapTKhai>"));

		assertThat(finding.message().vi()).startsWith("Ngày lập tờ khai (ngayLapTKhai): giá trị \"15/04/2026\" không đúng "
				+ "định dạng; phải là một ngày có thật, ghi theo dạng yyyy-MM-dd");
		assertThat(finding.message().en()).endsWith("(cvc-pattern-valid)");
	}

	@Test
	void aDateOfAUnionTypeSaysItMayBeEmpty() {
		Finding period = only(TestReturns.read("invalid/invalid-period-date.xml"));
		Finding signed = only(gtgt("<ngayKy>2026-04-15</ngayKy>", "<ngayKy>15/04/2026</ngayKy>"));

		assertThat(period.message().vi()).isEqualTo("Kỳ tính thuế đến ngày (kyKKhaiDenNgay): giá trị \"31/04/2026\" không "
				+ "phải là ngày có thật; phải là một ngày có thật, ghi theo dạng dd/MM/yyyy (ngày/tháng/năm, ví dụ "
				+ "31/03/2026), hoặc để trống.");
		assertThat(period.message().en()).isEqualTo("Last day of the period (kyKKhaiDenNgay): the value \"31/04/2026\" is not "
				+ "a real date; it must be a real date written dd/MM/yyyy (day/month/year, e.g. 31/03/2026), or empty. "
				+ "(cvc-datatype-valid.1.2.3)");
		assertThat(period.remedy().vi()).isEqualTo("Nhập ngày có trong lịch (tháng 4, 6, 9 và 11 có 30 ngày; tháng 2 có 28 "
				+ "ngày, 29 ngày trong năm nhuận) và ghi theo dạng dd/MM/yyyy, ví dụ 31/03/2026; để trống nếu không có."
				+ AGAIN_VI);
		assertThat(period.remedy().en()).startsWith("Enter a date that exists in the calendar (April, June, September and "
				+ "November have 30 days;").endsWith("; leave it empty if there is none." + AGAIN_EN);
		assertThat(signed.message().vi()).isEqualTo("Ngày ký (ngayKy): giá trị \"15/04/2026\" không đúng định dạng; phải là "
				+ "một ngày có thật, ghi theo dạng yyyy-MM-dd (năm-tháng-ngày, ví dụ 2026-04-15), hoặc để trống.");
	}

	@Test
	void aFlagOtherThanZeroOrOne() {
		Finding finding = only(gtgt("<ct21>0</ct21>", "<ct21>2</ct21>"));

		assertThat(finding.message().vi()).isEqualTo("Chỉ tiêu [21] Không phát sinh hoạt động mua, bán trong kỳ (ct21): giá "
				+ "trị \"2\" không đúng định dạng; phải là 0 (không) hoặc 1 (có), hoặc false/true.");
		assertThat(finding.message().en()).endsWith("it must be 0 (no) or 1 (yes), or false/true. (cvc-datatype-valid.1.2.1)");
		assertThat(finding.remedy().vi()).isEqualTo("Ghi 1 nếu chọn ô này, 0 nếu không chọn." + AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Write 1 if the box is ticked, 0 if it is not." + AGAIN_EN);
	}

	@Test
	void aValueOutsideTheEnvelopesListIsExplainedByWhatTheCodesMean() {
		Finding finding = only(gtgt("<kieuKy>Q</kieuKy>", "<kieuKy>X</kieuKy>"));

		assertThat(finding.message().vi()).isEqualTo("Loại kỳ tính thuế (kieuKy): giá trị \"X\" không thuộc các giá trị được "
				+ "phép: M (tháng), Q (quý), Y (năm), D (từng lần phát sinh), K hoặc N (kỳ theo khoảng ngày).");
		assertThat(finding.message().en()).isEqualTo("Period kind (kieuKy): the value \"X\" is not one of those allowed: M "
				+ "(month), Q (quarter), Y (year), D (per occurrence), K or N (a range of days). (cvc-enumeration-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Chọn một trong các giá trị: M (tháng), Q (quý), Y (năm), D (từng lần "
				+ "phát sinh), K hoặc N (kỳ theo khoảng ngày)." + AGAIN_VI);
	}

	@Test
	void aCodeOutsideTheFormsListNamesTheAllowedCodes() {
		Finding finding = only(land("<ct17>CN</ct17>", "<ct17>XX</ct17>"));

		assertThat(finding.message().vi()).isEqualTo("Chỉ tiêu [17] Loại thu nhập (CN: chuyển nhượng; TK: nhận thừa kế, quà "
				+ "tặng) (ct17): giá trị \"XX\" không thuộc các giá trị được phép: CN, TK.");
		assertThat(finding.message().en()).isEqualTo("[17] Kind of income (CN transfer, TK inheritance or gift) (ct17): the "
				+ "value \"XX\" is not one of those allowed: CN, TK. (cvc-enumeration-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Chọn một trong các giá trị: CN, TK." + AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Choose one of: CN, TK." + AGAIN_EN);
	}

	@Test
	void aNegativeAmountWhereNoneIsAllowed() {
		Finding finding = only(TestReturns.read("invalid/negative-ct40.xml"));

		assertThat(finding.message().vi()).isEqualTo("Chỉ tiêu [40] Thuế GTGT còn phải nộp trong kỳ (ct40): giá trị "
				+ "\"-22000000\" là số âm, không được phép.");
		assertThat(finding.message().en()).isEqualTo("[40] VAT still payable (ct40): the value \"-22000000\" is negative, "
				+ "which is not allowed. (cvc-minInclusive-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Ghi số từ 0 trở lên; kiểm tra lại số liệu và cách tính." + AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Write a number of 0 or more; check the figures and how they were "
				+ "worked out." + AGAIN_EN);
	}

	@Test
	void boundsAreWrittenWithTheirThousandsGrouped() {
		Finding below = only(gtgt("<ct36>34000000</ct36>", "<ct36>-1000000000000000000</ct36>"));
		Finding above = only(gtgt("<ct40>22000000</ct40>", "<ct40>1000000000000000000</ct40>"));

		assertThat(below.message().vi()).isEqualTo("Chỉ tiêu [36] Thuế GTGT phát sinh trong kỳ (ct36): giá trị "
				+ "\"-1000000000000000000\" nhỏ hơn mức tối thiểu -999.999.999.999.999.999.");
		assertThat(below.message().en()).isEqualTo("[36] VAT arising in the period (ct36): the value \"-1000000000000000000\" "
				+ "is below the minimum, -999,999,999,999,999,999. (cvc-minInclusive-valid)");
		assertThat(below.remedy().vi()).isEqualTo("Ghi giá trị từ -999.999.999.999.999.999 trở lên." + AGAIN_VI);
		assertThat(above.message().vi()).isEqualTo("Chỉ tiêu [40] Thuế GTGT còn phải nộp trong kỳ (ct40): giá trị "
				+ "\"1000000000000000000\" lớn hơn mức tối đa 999.999.999.999.999.999.");
		assertThat(above.message().en()).isEqualTo("[40] VAT still payable (ct40): the value \"1000000000000000000\" is "
				+ "above the maximum, 999,999,999,999,999,999. (cvc-maxInclusive-valid)");
		assertThat(above.remedy().vi()).isEqualTo("Ghi giá trị không quá 999.999.999.999.999.999; kiểm tra lại số liệu (có "
				+ "thể thừa chữ số)." + AGAIN_VI);
		assertThat(above.remedy().en()).isEqualTo("Write a value of at most 999,999,999,999,999,999; check the figures for a "
				+ "digit too many." + AGAIN_EN);
	}

	@Test
	void aBlankNameMustBeFilledIn() {
		Finding finding = only(gtgt("<tenNNT>CÔNG TY TNHH VÍ DỤ</tenNNT>", "<tenNNT> </tenNNT>"));

		assertThat(finding.message().vi()).isEqualTo("Tên người nộp thuế (tenNNT): chưa có nội dung; không được để trống.");
		assertThat(finding.message().en()).isEqualTo("Taxpayer's name (tenNNT): it is empty; it must be filled in. "
				+ "(cvc-minLength-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Nhập nội dung cho tên người nộp thuế (tenNNT)." + AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Fill in taxpayer's name (tenNNT)." + AGAIN_EN);
	}

	@Test
	void aTextTooLongSaysHowLong() {
		Finding finding = only(gtgt("<dthoaiNNT/>", "<dthoaiNNT>" + "1".repeat(51) + "</dthoaiNNT>"));

		assertThat(finding.message().vi()).isEqualTo("Điện thoại (dthoaiNNT): nội dung \"" + "1".repeat(51) + "\" dài 51 ký "
				+ "tự, vượt quá mức tối đa 50 ký tự.");
		assertThat(finding.message().en()).isEqualTo("Telephone (dthoaiNNT): the text \"" + "1".repeat(51) + "\" is 51 "
				+ "characters long, more than the 50 allowed. (cvc-maxLength-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Rút gọn nội dung còn tối đa 50 ký tự." + AGAIN_VI);
		assertThat(finding.remedy().en()).isEqualTo("Shorten the text to at most 50 characters." + AGAIN_EN);
	}

	/**
	 * A value that repeats the validator's own words cannot choose the arguments of its message: they stay the
	 * schema's (a length limit of 1E999999999 written out would be a gigabyte; a pattern of 99999999999 digits
	 * would not parse).
	 */
	@Test
	void aValueWritingTheValidatorsWordsIsQuotedAsItIs() {
		String lengths = "1' with length = '1E999999999' is not facet-valid with respect to maxLength '1E999999999' "
				+ "for type 'b";
		Finding tooLong = only(gtgt("<dthoaiNNT/>", "<dthoaiNNT>" + lengths + "</dthoaiNNT>"));
		assertThat(tooLong.message().en()).contains("the text \"" + lengths + "\" is " + lengths.length()
				+ " characters long, more than the 50 allowed.");

		String pattern = "x' is not facet-valid with respect to pattern '[0-9]{99999999999}' for type 'y";
		Finding badMst = only(gtgt("<mst>0313829148</mst>", "<mst>" + pattern + "</mst>"));
		assertThat(badMst.value()).isEqualTo(pattern);
		assertThat(badMst.message().en()).contains("it must be a tax code of 10 digits");
	}

	/** A value over 1,024 characters is quoted by its first 200, as the finding's value is. */
	@Test
	void aVeryLongValueIsQuotedByItsStartInBothLanguages() {
		Finding finding = only(gtgt("<tenNNT>CÔNG TY TNHH VÍ DỤ</tenNNT>", "<tenNNT>" + "A".repeat(60_000) + "</tenNNT>"));

		assertThat(finding.value()).isEqualTo("A".repeat(200) + "… (60000 characters)");
		assertThat(finding.message().vi()).isEqualTo("Tên người nộp thuế (tenNNT): nội dung \"" + "A".repeat(200)
				+ "…\" (60.000 ký tự) dài 60.000 ký tự, vượt quá mức tối đa 1.000 ký tự.");
		assertThat(finding.message().en()).isEqualTo("Taxpayer's name (tenNNT): the text \"" + finding.value() + "\" is "
				+ "60,000 characters long, more than the 1,000 allowed. (cvc-maxLength-valid)");
	}

	/**
	 * A name of characters outside the BMP (two UTF-16 units each) whose 200th unit is the first half of one: the
	 * quote stops before that character, not between its halves, which no UTF-8 or JSON could carry.
	 */
	@Test
	void aVeryLongValueIsNotCutInsideACharacter() {
		String name = "A".repeat(199) + "\uD841\uDF0E".repeat(30_000);

		Finding finding = only(gtgt("<tenNNT>CÔNG TY TNHH VÍ DỤ</tenNNT>", "<tenNNT>" + name + "</tenNNT>"));

		assertThat(finding.value()).isEqualTo("A".repeat(199) + "… (60199 characters)");
		assertThat(finding.message().vi()).startsWith("Tên người nộp thuế (tenNNT): nội dung \"" + "A".repeat(199)
				+ "…\" (60.199 ký tự) dài 60.199 ký tự");
		assertThat(finding.message().en()).startsWith("Taxpayer's name (tenNNT): the text \"" + finding.value() + "\"");
	}

	/**
	 * 55 nested elements of 1,000-character names in a lax appendix, then 500 empty returns (a global element the
	 * validator checks there): each finding's XPath went through every name, 55,000 characters, 27 million in all.
	 * Each is now bounded, its last steps kept.
	 */
	@Test
	void findingsDeepUnderLongNamesHaveShortXPaths() {
		StringBuilder open = new StringBuilder();
		StringBuilder close = new StringBuilder();
		for (int i = 0; i < 55; i++) {
			String name = "n" + String.valueOf(i % 10).repeat(999);
			open.append('<').append(name).append('>');
			close.insert(0, "</" + name + ">");
		}
		String appendix = "<PLuc><PL_NQ142_GTGT>" + open + "<HSoThueDTu/>".repeat(500) + close
				+ "</PL_NQ142_GTGT></PLuc>";

		List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> this.validator.validate(gtgt("<PLuc/>", appendix).getBytes(StandardCharsets.UTF_8)).findings());

		assertThat(findings).hasSize(Findings.MAX_FINDINGS);
		assertThat(findings.get(0).xpath()).startsWith(PathNode.ELIDED + "/n")
			.endsWith("/n" + "4".repeat(31) + "… (1000 characters)/HSoThueDTu[1]");
		assertThat(findings.get(499).xpath()).endsWith("/HSoThueDTu[500]");
		assertThat(findings).allSatisfy((finding) -> assertThat(finding.xpath())
			.hasSizeLessThanOrEqualTo(PathNode.MAX_XPATH_LENGTH));
	}

	/**
	 * The validator quotes an attribute's value whole in messages this module does not word: {@code xsi:type}'s
	 * type it cannot resolve ({@code cvc-elt.4.2}), an ID that repeats ({@code cvc-id.2}). Quoted as a value is.
	 */
	@Test
	void anAttributesLongValueIsQuotedByItsStartInTheValidatorsText() {
		String type = "t".repeat(60_000);

		Finding finding = only(gtgt("<ct22>", "<ct22 xsi:type=\"" + type + "\">"));

		assertThat(finding.message().en()).startsWith("cvc-elt.4.2: Cannot resolve '" + "t".repeat(200)
				+ "… (60000 characters)' to a type definition for element 'ct22'.").hasSizeLessThan(1_000);
		assertThat(finding.message().vi()).isEqualTo("Tờ khai không đúng định dạng XSD: " + finding.message().en());

		String id = "I".repeat(60_000);
		List<Finding> repeated = this.validator.validate(gtgt("<PLuc/>", "<PLuc><PL_NQ142_GTGT><HSoThueDTu><HSoKhaiThue "
				+ "id=\"" + id + "\"/></HSoThueDTu></PL_NQ142_GTGT></PLuc>")
			.replace("<HSoKhaiThue id=\"ID_1\">", "<HSoKhaiThue id=\"" + id + "\">")
			.getBytes(StandardCharsets.UTF_8)).findings();

		assertThat(repeated).extracting((each) -> each.message().en())
			.anySatisfy((message) -> assertThat(message).startsWith("cvc-id.2: ").contains("I".repeat(200) + "… (60000 "
					+ "characters)"))
			.allSatisfy((message) -> assertThat(message).hasSizeLessThan(2_000));
	}

	@Test
	void tooManyDigitsAndTooManyDecimals() {
		Finding total = only(land("<ct16>78.5</ct16>", "<ct16>1234567890123456789012345</ct16>"));
		Finding fraction = only(land("<ct16>78.5</ct16>", "<ct16>78.1234567</ct16>"));
		Finding comma = only(land("<ct16>78.5</ct16>", "<ct16>78,5</ct16>"));

		assertThat(total.message().vi()).isEqualTo("Chỉ tiêu [16] Diện tích nhà (m² sàn) (ct16): giá trị "
				+ "\"1234567890123456789012345\" có 25 chữ số, nhiều hơn mức tối đa 24 chữ số.");
		assertThat(total.message().en()).isEqualTo("[16] Floor area (m²) (ct16): the value \"1234567890123456789012345\" has "
				+ "25 digits, more than the 24 allowed. (cvc-totalDigits-valid)");
		assertThat(total.remedy().vi()).isEqualTo("Ghi số có tối đa 24 chữ số; kiểm tra lại số liệu và đơn vị tính." + AGAIN_VI);
		assertThat(fraction.message().vi()).isEqualTo("Chỉ tiêu [16] Diện tích nhà (m² sàn) (ct16): giá trị \"78.1234567\" có "
				+ "7 chữ số sau dấu thập phân, nhiều hơn mức tối đa 6.");
		assertThat(fraction.message().en()).isEqualTo("[16] Floor area (m²) (ct16): the value \"78.1234567\" has 7 decimals, "
				+ "more than the 6 allowed. (cvc-fractionDigits-valid)");
		assertThat(fraction.remedy().vi()).isEqualTo("Làm tròn đến 6 chữ số sau dấu thập phân." + AGAIN_VI);
		assertThat(fraction.remedy().en()).isEqualTo("Round it to 6 decimals." + AGAIN_EN);
		assertThat(comma.message().vi()).endsWith("giá trị \"78,5\" không đúng định dạng; phải là một số viết bằng chữ số, "
				+ "dùng dấu chấm (.) trước phần thập phân, không có dấu ngăn cách hàng nghìn (ví dụ 78.5).");
	}

	@Test
	void aMissingIndicatorNamesWhatIsMissingAndWhatStandsInItsPlace() {
		Finding finding = only(TestReturns.read("invalid/missing-ct40.xml"));

		assertThat(finding.xpath()).isEqualTo(BODY + "/ct41");
		assertThat(finding.message().vi()).isEqualTo("Tại vị trí này tờ khai có chỉ tiêu [41] Thuế GTGT chưa khấu trừ hết "
				+ "kỳ này (ct41), trong khi theo mẫu 01/GTGT ở đây là chỉ tiêu [40] Thuế GTGT còn phải nộp trong kỳ (ct40).");
		assertThat(finding.message().en()).isEqualTo("[41] VAT not yet fully deducted (ct41) stands where form 01/GTGT "
				+ "expects [40] VAT still payable (ct40). (cvc-complex-type.2.4.a)");
		assertThat(finding.remedy().vi()).isEqualTo("Khai chỉ tiêu [40] Thuế GTGT còn phải nộp trong kỳ (ct40) nếu còn "
				+ "thiếu, sắp xếp các phần tử theo đúng thứ tự của mẫu 01/GTGT, hoặc bỏ chỉ tiêu [41] Thuế GTGT chưa khấu "
				+ "trừ hết kỳ này (ct41) nếu nó viết sai tên, thừa hoặc bị lặp." + UPDATE_VI);
		assertThat(finding.remedy().en()).isEqualTo("Add [40] VAT still payable (ct40) if it is missing, put the elements "
				+ "in the order of form 01/GTGT, or remove [41] VAT not yet fully deducted (ct41) if it is misspelled, "
				+ "extra or repeated." + UPDATE_EN);
	}

	@Test
	void aMisspelledElementIsNotSaidToLeaveAnotherMissing() {
		Finding finding = only(gtgt("<ct22>12000000</ct22>", "<ct_22>12000000</ct_22>"));

		assertThat(finding.message().en()).startsWith("Element ct_22 stands where form 01/GTGT expects ")
			.doesNotContain("missing");
		assertThat(finding.remedy().en()).contains(", or remove element ct_22 if it is misspelled, extra or repeated.");
		assertThat(finding.remedy().vi()).contains(", hoặc bỏ phần tử ct_22 nếu nó viết sai tên, thừa hoặc bị lặp.");
	}

	@Test
	void anElementInAnotherNamespaceIsSaidToBeSo() {
		Finding finding = only(gtgt("<ct22>12000000</ct22>", "<ct22 xmlns=\"urn:other\">12000000</ct22>"));

		assertThat(finding.message().vi()).isEqualTo("Chỉ tiêu [22] Thuế GTGT còn được khấu trừ kỳ trước chuyển sang (ct22) "
				+ "thuộc không gian tên \"urn:other\"; mọi phần tử của tờ khai phải thuộc không gian tên "
				+ "http://kekhaithue.gdt.gov.vn/TKhaiThue.");
		assertThat(finding.message().en()).isEqualTo("[22] Deductible VAT carried over (ct22) is in namespace \"urn:other\"; "
				+ "every element of the return must be in namespace http://kekhaithue.gdt.gov.vn/TKhaiThue. "
				+ "(cvc-complex-type.2.4.a)");
		assertThat(finding.remedy().vi()).startsWith("Đặt chỉ tiêu [22] Thuế GTGT còn được khấu trừ kỳ trước chuyển sang "
				+ "(ct22) vào không gian tên http://kekhaithue.gdt.gov.vn/TKhaiThue").endsWith(UPDATE_VI);
	}

	@Test
	void anAppendixTheFormDoesNotHaveListsThoseItHas() {
		Finding finding = only(gtgt("<PLuc/>", "<PLuc><PL_KHAC/></PLuc>"));

		assertThat(finding.message().vi()).isEqualTo("Phần tử PL_KHAC không phải là phụ lục của mẫu 01/GTGT; các phụ lục "
				+ "được phép: PL01_KHBS, PL01_1_KHBS, PLuc_01_2_GTGT, Pluc_01_3_GTGT, Pluc_01_6_GTGT_CSSX, "
				+ "Pluc_01_6_GTGT_DVVT, PL_NQ43_GTGT, PL_NQ101_GTGT, PL_NQ142_GTGT.");
		assertThat(finding.message().en()).startsWith("Element PL_KHAC is not an appendix of form 01/GTGT; the appendices "
				+ "allowed are PL01_KHBS, ").endsWith("(cvc-complex-type.2.4.a)");
		assertThat(finding.remedy().vi()).isEqualTo("Bỏ phần tử PL_KHAC khỏi tờ khai, hoặc kiểm tra lại mẫu và phiên bản tờ "
				+ "khai đã chọn." + UPDATE_VI);
	}

	@Test
	void anIncompleteBodyNamesTheIndicatorMissingAtItsEnd() {
		Finding finding = only(gtgt("<ct43>0</ct43>", ""));

		assertThat(finding.xpath()).isEqualTo(BODY);
		assertThat(finding.message().vi()).isEqualTo("Chỉ tiêu [43] Thuế GTGT còn được khấu trừ chuyển kỳ sau (ct43) bị thiếu "
				+ "ở cuối nội dung tờ khai (CTieuTKhaiChinh).");
		assertThat(finding.message().en()).isEqualTo("[43] VAT carried forward (ct43) is missing at the end of the return's "
				+ "body (CTieuTKhaiChinh). (cvc-complex-type.2.4.b)");
		assertThat(finding.remedy().vi()).isEqualTo("Khai chỉ tiêu [43] Thuế GTGT còn được khấu trừ chuyển kỳ sau (ct43) theo "
				+ "đúng thứ tự của mẫu 01/GTGT." + UPDATE_VI);
		assertThat(finding.remedy().en()).isEqualTo("Add [43] VAT carried forward (ct43) in the order of form 01/GTGT."
				+ UPDATE_EN);
	}

	@Test
	void anElementAfterTheLastOneIsNotExpected() {
		Finding finding = only(gtgt("<ct43>0</ct43>", "<ct43>0</ct43><ct44>0</ct44>"));

		assertThat(finding.xpath()).isEqualTo(BODY + "/ct44");
		assertThat(finding.message().vi()).isEqualTo("Phần tử ct44 không được có ở vị trí này: theo mẫu 01/GTGT, nội dung tờ "
				+ "khai (CTieuTKhaiChinh) không còn phần tử nào sau đó.");
		assertThat(finding.message().en()).isEqualTo("Element ct44 is not allowed here: in form 01/GTGT, nothing more comes in "
				+ "the return's body (CTieuTKhaiChinh). (cvc-complex-type.2.4.d)");
		assertThat(finding.remedy().vi()).isEqualTo("Bỏ phần tử ct44 nếu nó không thuộc mẫu 01/GTGT, hoặc đặt nó vào đúng vị "
				+ "trí." + UPDATE_VI);
		assertThat(finding.remedy().en()).isEqualTo("Remove element ct44 if it is not part of form 01/GTGT, or move it to its "
				+ "place." + UPDATE_EN);
	}

	@Test
	void aTableWithTooManyRowsSaysHowManyItMayHave() {
		String xml = TestReturns.text("valid/01_GTGT_M03-2026_supplementary-agent.xml");
		int start = xml.indexOf("<DieuChinhTheoTieuMuc>") + "<DieuChinhTheoTieuMuc>".length();
		int end = xml.indexOf("</DieuChinhTheoTieuMuc>");
		Finding finding = only(xml.substring(0, start) + xml.substring(start, end).repeat(21) + xml.substring(end));

		assertThat(finding.xpath()).endsWith("/PL01_KHBS/DieuChinhTheoTieuMuc/ChiTiet[21]");
		assertThat(finding.message().vi()).isEqualTo("Bảng DieuChinhTheoTieuMuc có nhiều hơn 20 dòng (ChiTiet), mức tối đa mà "
				+ "mẫu 01/GTGT cho phép; dòng thừa đầu tiên là dòng 21.");
		assertThat(finding.message().en()).isEqualTo("Table DieuChinhTheoTieuMuc has more than 20 rows (ChiTiet), the most "
				+ "form 01/GTGT allows; the first row too many is row 21. (cvc-complex-type.2.4.f)");
		assertThat(finding.remedy().vi()).isEqualTo("Giảm số dòng của bảng DieuChinhTheoTieuMuc xuống tối đa 20." + UPDATE_VI);
		assertThat(finding.remedy().en()).isEqualTo("Reduce table DieuChinhTheoTieuMuc to at most 20 rows." + UPDATE_EN);
	}

	@Test
	void textBetweenElements() {
		Finding group = only(gtgt("<Header><ct09/>", "<Header>Chi nhánh<ct09/>"));
		Finding appendix = only(gtgt("<PLuc/>", "<PLuc>không có</PLuc>"));

		assertThat(group.message().vi()).isEqualTo("Phần tử Header chỉ được chứa các phần tử con, không được có văn bản trực "
				+ "tiếp.");
		assertThat(group.message().en()).isEqualTo("Element Header may contain only child elements, not text. "
				+ "(cvc-complex-type.2.3)");
		assertThat(group.remedy().vi()).isEqualTo("Bỏ phần văn bản nằm ngoài các phần tử con của phần tử Header." + UPDATE_VI);
		assertThat(appendix.message().vi()).isEqualTo("Phụ lục (PLuc) chỉ được chứa các phần tử con, không được có văn bản "
				+ "trực tiếp (có \"không có\").");
		assertThat(appendix.message().en()).isEqualTo("Appendices (PLuc) may contain only child elements, not text (found "
				+ "\"không có\"). (cvc-complex-type.2.3)");
	}

	@Test
	void anElementInsideAnIndicator() {
		Finding finding = only(gtgt("<ct22>12000000</ct22>", "<ct22><soTien>12000000</soTien></ct22>"));

		assertThat(finding.message().vi()).isEqualTo("Chỉ tiêu [22] Thuế GTGT còn được khấu trừ kỳ trước chuyển sang (ct22) "
				+ "chỉ chứa một giá trị, không được có phần tử con.");
		assertThat(finding.message().en()).isEqualTo("[22] Deductible VAT carried over (ct22) holds a single value and may "
				+ "not contain child elements. (cvc-type.3.1.2)");
		assertThat(finding.remedy().vi()).isEqualTo("Bỏ các phần tử con bên trong chỉ tiêu [22] Thuế GTGT còn được khấu trừ kỳ "
				+ "trước chuyển sang (ct22), chỉ ghi giá trị." + UPDATE_VI);
	}

	@Test
	void attributesThatAreNotAllowed() {
		Finding onIndicator = only(gtgt("<ct22>12000000</ct22>", "<ct22 donVi=\"VND\">12000000</ct22>"));
		Finding onGroup = only(gtgt("<Header>", "<Header donVi=\"VND\">"));

		assertThat(onIndicator.message().vi()).isEqualTo("Chỉ tiêu [22] Thuế GTGT còn được khấu trừ kỳ trước chuyển sang "
				+ "(ct22) không được có thuộc tính donVi.");
		assertThat(onIndicator.message().en()).isEqualTo("[22] Deductible VAT carried over (ct22) may not have attribute "
				+ "donVi. (cvc-type.3.1.1)");
		assertThat(onGroup.message().vi()).isEqualTo("Phần tử Header không được có thuộc tính donVi.");
		assertThat(onGroup.message().en()).isEqualTo("Element Header may not have attribute donVi. (cvc-complex-type.3.2.2)");
		assertThat(onGroup.remedy().vi()).isEqualTo("Bỏ thuộc tính donVi khỏi phần tử Header." + UPDATE_VI);
		assertThat(onGroup.remedy().en()).isEqualTo("Remove attribute donVi from element Header." + UPDATE_EN);
	}

	@Test
	void aMissingAttribute() {
		Finding finding = only(gtgt("<HSoKhaiThue id=\"ID_1\">", "<HSoKhaiThue>"));

		assertThat(finding.message().vi()).isEqualTo("Hồ sơ khai thuế (HSoKhaiThue) thiếu thuộc tính bắt buộc id.");
		assertThat(finding.message().en()).isEqualTo("Tax return (HSoKhaiThue) lacks the required attribute id. "
				+ "(cvc-complex-type.4)");
		assertThat(finding.remedy().vi()).isEqualTo("Thêm thuộc tính id cho hồ sơ khai thuế (HSoKhaiThue)." + UPDATE_VI);
		assertThat(finding.remedy().en()).isEqualTo("Add attribute id to tax return (HSoKhaiThue)." + UPDATE_EN);
	}

	/** The validator reports a bad attribute value twice (its type, then cvc-attribute.3): one finding names the attribute. */
	@Test
	void aBadAttributeValueIsOneFindingThatNamesTheAttribute() {
		Finding finding = only(gtgt("<HSoKhaiThue id=\"ID_1\">", "<HSoKhaiThue id=\"1\">"));

		assertThat(finding.message().vi()).isEqualTo("Thuộc tính id của hồ sơ khai thuế (HSoKhaiThue): giá trị \"1\" không "
				+ "đúng định dạng; phải là một định danh bắt đầu bằng chữ cái hoặc dấu gạch dưới, không có khoảng trắng hay "
				+ "dấu hai chấm (ví dụ ID_1).");
		assertThat(finding.message().en()).isEqualTo("Attribute id of tax return (HSoKhaiThue): the value \"1\" is not in the "
				+ "required format; it must be an identifier that starts with a letter or an underscore, without spaces or "
				+ "colons (e.g. ID_1). (cvc-datatype-valid.1.2.1)");
		assertThat(finding.remedy().vi()).isEqualTo("Ghi định danh theo dạng ID_1." + AGAIN_VI);
	}

	/** A key this wording does not know keeps the validator's text, so that nothing is lost. */
	@Test
	void anUnknownKeyKeepsTheValidatorsText() {
		Finding finding = only(gtgt("<Header><ct09/>", "<Header><ct09 xsi:nil=\"true\"/>"));

		assertThat(finding.xpath()).isEqualTo(BODY + "/Header/ct09");
		assertThat(finding.message().en()).startsWith("cvc-elt.3.1: Attribute ").contains("nil").contains("'ct09'");
		assertThat(finding.message().vi()).isEqualTo("Tờ khai không đúng định dạng XSD: " + finding.message().en());
		assertThat(finding.remedy().vi()).isEqualTo("Sửa phần tử tại vị trí XPath đã nêu cho đúng định dạng XSD của mẫu tờ "
				+ "khai, hoặc kết xuất lại tờ khai từ phần mềm kê khai.");
		assertThat(finding.remedy().en()).isEqualTo("Correct the element at the XPath shown so that it matches the form's "
				+ "XSD, or export the return again from the filing software.");
	}

	@Test
	void aMessageOfAKnownKeyButAnotherTextKeepsTheValidatorsText() {
		Finding finding = Findings.xsd(BODY + "/ct22", 3, 4, "x",
				List.of("cvc-pattern-valid: a wording of another JDK."), ElementNames.of(null));

		assertThat(finding.message().en()).isEqualTo("cvc-pattern-valid: a wording of another JDK.");
		assertThat(finding.message().vi()).isEqualTo("Tờ khai không đúng định dạng XSD: cvc-pattern-valid: a wording of "
				+ "another JDK.");
	}

	/** The longer text newer JDKs write for 2.4.d is worded alike. */
	@Test
	void theTextOfNewerJdksIsWordedAlike() {
		Finding finding = Findings.xsd(BODY + "/ct44", 3, 4, null, List.of("cvc-complex-type.2.4.d: Invalid content was "
				+ "found starting with element 'ct44'. No child element 'ct44' is expected at this point."),
				ElementNames.of(FormCatalog.load().entry("842", "2.8.3").orElseThrow().compiled()));

		assertThat(finding.message().vi()).isEqualTo("Phần tử ct44 không được có ở vị trí này: theo mẫu 01/GTGT, nội dung tờ "
				+ "khai (CTieuTKhaiChinh) không còn phần tử nào sau đó.");
	}

	@Test
	void numbersAreGroupedAsTheNoticesWriteThem() {
		assertThat(NoticeText.number("999999999999999999", true)).isEqualTo("999.999.999.999.999.999");
		assertThat(NoticeText.number("999999999999999999", false)).isEqualTo("999,999,999,999,999,999");
		assertThat(NoticeText.number("-1234567.5", true)).isEqualTo("-1.234.567,5");
		assertThat(NoticeText.number("-1234567.5", false)).isEqualTo("-1,234,567.5");
		assertThat(NoticeText.number("100.0", false)).isEqualTo("100");
		assertThat(NoticeText.number("0.0", true)).isEqualTo("0");
		assertThat(NoticeText.number("999", true)).isEqualTo("999");
		assertThat(NoticeText.number("2026-01-01", true)).as("not a number: as written").isEqualTo("2026-01-01");
	}

	/** Rule id, category, severity, XPath, line, column and value are what they were before the wording. */
	@Test
	void theFindingsShapeIsUnchanged() {
		String file = "invalid/three-errors.xml";

		List<Finding> findings = this.validator.validate(TestReturns.read(file)).findings();

		assertThat(findings).hasSize(3).allSatisfy((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("XSD");
			assertThat(finding.category()).isEqualTo(Category.XML_ERROR);
			assertThat(finding.severity()).isEqualTo(Severity.REJECT);
			assertThat(finding.column()).isPositive();
		});
		assertThat(findings.get(1).line()).isEqualTo(TestReturns.lineOf(file, "<ct23>năm trăm triệu</ct23>"));
		assertThat(findings.get(1).value()).isEqualTo("năm trăm triệu");
		assertThat(findings.get(1).message().vi()).startsWith("Chỉ tiêu [23] Giá trị hàng hóa, dịch vụ mua vào (ct23): giá "
				+ "trị \"năm trăm triệu\" không đúng định dạng");
	}

	// The keys below are never raised by the catalog's XSDs; a small schema raises them through the same collector.

	private static final String SCHEMA = """
			<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t"
			           elementFormDefault="qualified">
			  <xs:element name="r">
			    <xs:complexType>
			      <xs:sequence>
			        <xs:element name="positive" minOccurs="0">
			          <xs:simpleType><xs:restriction base="xs:decimal"><xs:minExclusive value="0"/></xs:restriction></xs:simpleType>
			        </xs:element>
			        <xs:element name="percent" minOccurs="0">
			          <xs:simpleType><xs:restriction base="xs:decimal"><xs:maxExclusive value="100"/></xs:restriction></xs:simpleType>
			        </xs:element>
			        <xs:element name="code" minOccurs="0">
			          <xs:simpleType><xs:restriction base="xs:string"><xs:length value="3"/></xs:restriction></xs:simpleType>
			        </xs:element>
			        <xs:element name="plate" minOccurs="0">
			          <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9]{2}[A-Z]-[0-9]{5}"/></xs:restriction></xs:simpleType>
			        </xs:element>
			        <xs:element name="year" minOccurs="0" type="xs:gYear"/>
			        <xs:element name="empty" minOccurs="0"><xs:complexType/></xs:element>
			        <xs:element name="simple" minOccurs="0">
			          <xs:complexType><xs:simpleContent><xs:extension base="xs:int"/></xs:simpleContent></xs:complexType>
			        </xs:element>
			        <xs:element name="strict" minOccurs="0">
			          <xs:complexType><xs:sequence><xs:any processContents="strict"/></xs:sequence></xs:complexType>
			        </xs:element>
			        <xs:element name="few" minOccurs="0">
			          <xs:complexType>
			            <xs:sequence>
			              <xs:element name="a" minOccurs="3" maxOccurs="5"/>
			              <xs:element name="b" minOccurs="0"/>
			            </xs:sequence>
			          </xs:complexType>
			        </xs:element>
			        <xs:element name="many" minOccurs="0">
			          <xs:complexType>
			            <xs:sequence><xs:element name="a" maxOccurs="2"/><xs:element name="b"/></xs:sequence>
			          </xs:complexType>
			        </xs:element>
			      </xs:sequence>
			    </xs:complexType>
			  </xs:element>
			</xs:schema>""";

	@Test
	void exclusiveBounds() {
		Finding positive = small("<positive>0</positive>");
		Finding percent = small("<percent>100.5</percent>");

		assertThat(positive.message().vi()).isEqualTo("Phần tử positive: giá trị \"0\" phải lớn hơn 0.");
		assertThat(positive.message().en()).isEqualTo("Element positive: the value \"0\" must be greater than 0. "
				+ "(cvc-minExclusive-valid)");
		assertThat(positive.remedy().vi()).isEqualTo("Ghi giá trị lớn hơn 0." + AGAIN_VI);
		assertThat(percent.message().vi()).isEqualTo("Phần tử percent: giá trị \"100.5\" phải nhỏ hơn 100.");
		assertThat(percent.message().en()).isEqualTo("Element percent: the value \"100.5\" must be less than 100. "
				+ "(cvc-maxExclusive-valid)");
		assertThat(percent.remedy().en()).isEqualTo("Write a value less than 100." + AGAIN_EN);
	}

	@Test
	void anExactLength() {
		Finding finding = small("<code>AB</code>");

		assertThat(finding.message().vi()).isEqualTo("Phần tử code: nội dung \"AB\" dài 2 ký tự; phải dài đúng 3 ký tự.");
		assertThat(finding.message().en()).isEqualTo("Element code: the text \"AB\" is 2 characters long; it must be exactly "
				+ "3 characters. (cvc-length-valid)");
		assertThat(finding.remedy().en()).isEqualTo("Write exactly 3 characters." + AGAIN_EN);
		assertThat(finding.remedy().vi()).isEqualTo("Ghi đúng 3 ký tự." + AGAIN_VI);
	}

	@Test
	void aPatternWithoutWordsIsShown() {
		Finding finding = small("<plate>51A12345</plate>");

		assertThat(finding.message().vi()).isEqualTo("Phần tử plate: giá trị \"51A12345\" không đúng định dạng; phải là một "
				+ "giá trị khớp mẫu định dạng [0-9]{2}[A-Z]-[0-9]{5}.");
		assertThat(finding.message().en()).isEqualTo("Element plate: the value \"51A12345\" is not in the required format; it "
				+ "must be a value matching the pattern [0-9]{2}[A-Z]-[0-9]{5}. (cvc-pattern-valid)");
		assertThat(finding.remedy().vi()).isEqualTo("Sửa giá trị cho khớp mẫu định dạng [0-9]{2}[A-Z]-[0-9]{5}." + AGAIN_VI);
	}

	@Test
	void aYear() {
		Finding finding = small("<year>26</year>");

		assertThat(finding.message().vi()).isEqualTo("Phần tử year: giá trị \"26\" không đúng định dạng; phải là một năm gồm "
				+ "4 chữ số (ví dụ 2025).");
		assertThat(finding.message().en()).endsWith("it must be a year of 4 digits (e.g. 2025). (cvc-datatype-valid.1.2.1)");
		assertThat(finding.remedy().vi()).isEqualTo("Ghi năm bằng 4 chữ số, ví dụ 2025." + AGAIN_VI);
	}

	@Test
	void contentWhereNoneOrOnlyAValueIsAllowed() {
		Finding empty = small("<empty>x</empty>");
		Finding simple = small("<simple><x/></simple>");

		assertThat(empty.message().vi()).isEqualTo("Phần tử empty phải để trống, không được có nội dung hay phần tử con.");
		assertThat(empty.message().en()).isEqualTo("Element empty must be empty: no text and no child elements. "
				+ "(cvc-complex-type.2.1)");
		assertThat(empty.remedy().vi()).isEqualTo("Bỏ mọi nội dung bên trong phần tử empty." + UPDATE_VI);
		assertThat(simple.message().vi()).isEqualTo("Phần tử simple chỉ chứa một giá trị, không được có phần tử con.");
		assertThat(simple.message().en()).isEqualTo("Element simple holds a single value and may not contain child elements. "
				+ "(cvc-complex-type.2.2)");
	}

	@Test
	void anElementNoDeclarationMatches() {
		Finding strict = small("<strict><q xmlns=\"urn:q\"/></strict>");
		Finding root = only(findings("<q xmlns=\"urn:t\"/>"));

		assertThat(strict.message().vi()).isEqualTo("Phần tử q không có trong mẫu tờ khai.");
		assertThat(strict.message().en()).isEqualTo("Element q is not part of the form. (cvc-complex-type.2.4.c)");
		assertThat(strict.remedy().vi()).isEqualTo("Bỏ phần tử q khỏi tờ khai." + UPDATE_VI);
		assertThat(root.message().vi()).isEqualTo("Phần tử q không có trong lược đồ XSD của mẫu tờ khai: sai tên hoặc sai "
				+ "không gian tên.");
		assertThat(root.message().en()).isEqualTo("Element q is not declared in the XSD of the form: its name or namespace is "
				+ "wrong. (cvc-elt.1.a)");
		assertThat(root.remedy().vi()).isEqualTo("Kiểm tra tên và không gian tên của phần tử q: phần tử gốc là HSoThueDTu, "
				+ "thuộc không gian tên http://kekhaithue.gdt.gov.vn/TKhaiThue." + UPDATE_VI);
	}

	@Test
	void tooFewAndTooManyOccurrences() {
		Finding fewBefore = small("<few><a/><a/><b/></few>");
		Finding fewAtEnd = small("<few><a/></few>");
		Finding many = small("<many><a/><a/><a/><b/></many>");

		assertThat(fewBefore.message().vi()).isEqualTo("Phần tử a phải có ít nhất 3 lần trong phần tử few; còn thiếu 1.");
		assertThat(fewBefore.message().en()).isEqualTo("Element a must occur at least 3 times in element few; 1 more is "
				+ "needed. (cvc-complex-type.2.4.g)");
		assertThat(fewBefore.remedy().vi()).isEqualTo("Khai thêm 1 phần tử a." + UPDATE_VI);
		assertThat(fewAtEnd.message().vi()).isEqualTo("Phần tử a phải có ít nhất 3 lần trong phần tử few; còn thiếu 2.");
		assertThat(fewAtEnd.message().en()).endsWith("(cvc-complex-type.2.4.j)");
		assertThat(many.message().vi()).isEqualTo("Phần tử a xuất hiện nhiều hơn 2 lần, mức tối đa được phép.");
		assertThat(many.message().en()).isEqualTo("Element a occurs more than 2 times, the most allowed. "
				+ "(cvc-complex-type.2.4.e)");
		assertThat(many.remedy().vi()).isEqualTo("Bỏ các phần tử a thừa, chỉ giữ tối đa 2." + UPDATE_VI);
	}

	private Finding only(String xml) {
		return only(xml.getBytes(StandardCharsets.UTF_8));
	}

	private Finding only(byte[] xml) {
		Validation validation = this.validator.validate(xml);
		assertThat(validation).isInstanceOf(Validation.NotReceivable.class);
		return only(validation.findings());
	}

	private static Finding only(List<Finding> findings) {
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("XSD");
			assertThat(finding.category()).isEqualTo(Category.XML_ERROR);
			assertThat(finding.severity()).isEqualTo(Severity.REJECT);
		});
		return findings.get(0);
	}

	/** The sample 01/GTGT with one text replaced. */
	private static String gtgt(String from, String to) {
		String sample = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);
		assertThat(sample).contains(from);
		return sample.replace(from, to);
	}

	/** The golden 03/BĐS-TNCN with one text replaced. */
	private static String land(String from, String to) {
		String golden = new String(TestReturns.read("1185/1.0.2", "valid/03_BDS-TNCN_05-09-2025.xml"),
				StandardCharsets.UTF_8);
		assertThat(golden).contains(from);
		return golden.replace(from, to);
	}

	private static Finding small(String content) {
		return only(findings("<r xmlns=\"urn:t\">" + content + "</r>"));
	}

	/** Validates against {@link #SCHEMA} as the validator does: path tracker, validator handler, collector. */
	private static List<Finding> findings(String xml) {
		try {
			ValidatorHandler handler = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
				.newSchema(new StreamSource(new StringReader(SCHEMA)))
				.newValidatorHandler();
			handler.setProperty(SecureXml.LOCALE_PROPERTY, Locale.ROOT);
			handler.setContentHandler(new DefaultHandler());
			XsdErrorCollector errors = new XsdErrorCollector();
			PathTracker tracker = new PathTracker(handler, ParserLimits.defaults());
			errors.track(tracker);
			handler.setErrorHandler(errors);
			XMLReader reader = SecureXml.newReader();
			reader.setContentHandler(tracker);
			reader.parse(new InputSource(new StringReader(xml)));
			return errors.findings(null);
		}
		catch (SAXException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
