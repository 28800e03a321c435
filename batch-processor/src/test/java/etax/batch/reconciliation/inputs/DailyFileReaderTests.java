package etax.batch.reconciliation.inputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two daily file layouts read into COPY rows, and what makes a file unreadable.
 */
class DailyFileReaderTests {

	private static final String HEADER = """
			<DOICHIEU_NTDT><HDR><PBAN_TLIEU_XML_DC>1.0</PBAN_TLIEU_XML_DC><MA_GDICH_DC>F1</MA_GDICH_DC>\
			<MA_NHANG_DC>01202001</MA_NHANG_DC><NGAY_DC>21/04/2026</NGAY_DC><TU_NGAY_DC>19/04/2026</TU_NGAY_DC>\
			<DEN_NGAY_DC>20/04/2026</DEN_NGAY_DC></HDR><DSACH_GNT>""";

	private static final String VOUCHER = """
			<GNT><MA_THAMCHIEU>VCB1</MA_THAMCHIEU><SO_CTU>7</SO_CTU><MST_NNOP>0313829148</MST_NNOP>\
			<MA_NGUYENTE>VND</MA_NGUYENTE><MA_HIEU_KBAC>0111</MA_HIEU_KBAC><STK_THU>7111</STK_THU>\
			<MA_CQTHU>1054321</MA_CQTHU><MA_DBHC_THU>79760</MA_DBHC_THU><TONG_TIEN>3000</TONG_TIEN>\
			<NGAY_NOP_GNT>20/04/2026</NGAY_NOP_GNT><NGAY_NOP_THUE>20/04/2026</NGAY_NOP_THUE>\
			<TTHAI_GDICH>01</TTHAI_GDICH><TTHAI_CTU>02</TTHAI_CTU><CHUNGTU_CTIET>\
			<ROW_CTIET><MA_CHUONG>754</MA_CHUONG><MA_NDKT>1701</MA_NDKT><KY_THUE>00/Q1/2026</KY_THUE><TIEN_PNOP>1000</TIEN_PNOP></ROW_CTIET>\
			<ROW_CTIET><MA_CHUONG>754</MA_CHUONG><MA_NDKT>4931</MA_NDKT><KY_THUE>00/Q1/2026</KY_THUE><TIEN_PNOP>2000</TIEN_PNOP></ROW_CTIET>\
			</CHUNGTU_CTIET><GHI_CHU>tab\there</GHI_CHU></GNT>""";

	@Test
	void readsABankFileVoucherByVoucherAndCoversEveryDayOfItsRange() throws IOException {
		StringWriter rows = new StringWriter();
		ParsedFile file = BankFileReader.read(in(HEADER + VOUCHER + "</DSACH_GNT></DOICHIEU_NTDT>"), 42,
				new CopyText(rows));
		assertThat(file.source()).isEqualTo("01202001");
		assertThat(file.fileReference()).isEqualTo("F1");
		assertThat(file.linesPerDay()).containsExactly(Map.entry(LocalDate.of(2026, 4, 19), 0),
				Map.entry(LocalDate.of(2026, 4, 20), 2));
		assertThat(file.vouchers()).isEqualTo(1);
		assertThat(rows.toString()).isEqualTo("""
				42	2026-04-20	01202001	VCB1	1	7	0313829148	VND	1000	754	1701	00/Q1/2026	79760	1054321	0111	7111	REVERSED
				42	2026-04-20	01202001	VCB1	2	7	0313829148	VND	2000	754	4931	00/Q1/2026	79760	1054321	0111	7111	REVERSED
				""");
	}

	@Test
	void writesThePayersMstAsTheTaxSideDoes() throws IOException {
		for (String[] written : new String[][] { { "0313829148001", "0313829148-001" },
				{ "0313829148000", "0313829148" }, { " 0313829148-002 ", "0313829148-002" } }) {
			StringWriter rows = new StringWriter();
			BankFileReader.read(in(HEADER + VOUCHER.replace("<MST_NNOP>0313829148<", "<MST_NNOP>" + written[0] + "<")
					+ "</DSACH_GNT></DOICHIEU_NTDT>"), 42, new CopyText(rows));
			assertThat(rows.toString().lines()).as(written[0])
				.allSatisfy((row) -> assertThat(row.split("\t")[6]).isEqualTo(written[1]));
		}
	}

	@Test
	void refusesWhatItCannotTrust() {
		assertRefused(HEADER.replace("1.0", "2.0") + "</DSACH_GNT></DOICHIEU_NTDT>", "PBAN_TLIEU_XML_DC");
		assertRefused(HEADER + VOUCHER.replace("<TONG_TIEN>3000", "<TONG_TIEN>3001") + "</DSACH_GNT></DOICHIEU_NTDT>",
				"GNT 1: TONG_TIEN");
		assertRefused(HEADER + VOUCHER.replace("<NGAY_NOP_THUE>20/04", "<NGAY_NOP_THUE>21/04")
				+ "</DSACH_GNT></DOICHIEU_NTDT>", "outside");
		assertRefused(HEADER + VOUCHER.replace("<MA_NDKT>4931", "<MA_NDKT>49") + "</DSACH_GNT></DOICHIEU_NTDT>",
				"GNT 1 ROW_CTIET 2: MA_NDKT");
		assertRefused(HEADER + VOUCHER.replace("<TIEN_PNOP>1000", "<TIEN_PNOP>-1000") + "</DSACH_GNT></DOICHIEU_NTDT>",
				"must be positive");
		assertRefused("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]><DOICHIEU_NTDT>&x;</DOICHIEU_NTDT>",
				"DOCTYPE");
		assertRefused(HEADER + VOUCHER, "well-formed");
	}

	@Test
	void readsATreasuryStatementWhoseDaysAreItsValueDates() throws IOException {
		StringWriter rows = new StringWriter();
		ParsedFile file = TreasuryStatementReader.read(in("\uFEFF" + TreasuryStatementReader.HEADER + "\r\n"
				+ "6f1c2d4e-0000-3000-8000-000000000001,0111,7111,754,1701,79760,22000000,VND,2026-04-20\r\n\r\n"
				+ "6f1c2d4e-0000-3000-8000-000000000002,0111,7111,754,1052,79760,10.25,USD,2026-04-19\n"), 7,
				new CopyText(rows));
		assertThat(file.days()).containsExactly(LocalDate.of(2026, 4, 19), LocalDate.of(2026, 4, 20));
		assertThat(file.lines()).isEqualTo(2);
		assertThat(rows.toString()).startsWith(
				"7	2026-04-20	6f1c2d4e-0000-3000-8000-000000000001	0111	7111	754	1701	79760	22000000	VND\n");
		assertThatThrownBy(() -> TreasuryStatementReader.read(in(TreasuryStatementReader.HEADER + "\nnot-a-uuid,0111,7111,"
				+ "754,1701,79760,1,VND,2026-04-20\n"), 7, new CopyText(new StringWriter())))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("line 2");
		assertThatThrownBy(() -> TreasuryStatementReader.read(in(TreasuryStatementReader.HEADER + "\n1,2,3\n"), 7,
				new CopyText(new StringWriter()))).hasMessageContaining("9 fields");
	}

	@Test
	void refusesAmountsAndDaysTheColumnsCannotHoldNamingTheLine() {
		for (String amount : new String[] { "1000000000000000000000", "1E+30", "1e19" }) {
			assertRefused(HEADER + VOUCHER.replace("<TIEN_PNOP>1000", "<TIEN_PNOP>" + amount)
				.replace("<TONG_TIEN>3000</TONG_TIEN>", "") + "</DSACH_GNT></DOICHIEU_NTDT>",
					"GNT 1 ROW_CTIET 1: TIEN_PNOP must have at most 18 digits");
			assertTreasuryRefused(amount + ",VND,2026-04-20", "line 2: amount must have at most 18 digits");
		}
		assertRefused(HEADER.replace("<TU_NGAY_DC>19/04/2026", "<TU_NGAY_DC>01/01/0000") + VOUCHER
				+ "</DSACH_GNT></DOICHIEU_NTDT>", "HDR: TU_NGAY_DC must be a day from 1900-01-01 to 9999-12-31");
		assertTreasuryRefused("1,VND,+9999999-01-01", "line 2: value_date must be a day from");
		assertTreasuryRefused("1,VND,0000-01-01", "line 2: value_date must be a day from");
	}

	@Test
	void refusesADayThatDoesNotExistRatherThanMovingIt() {
		assertRefused(HEADER.replace("<DEN_NGAY_DC>20/04/2026", "<DEN_NGAY_DC>31/04/2026") + VOUCHER
				+ "</DSACH_GNT></DOICHIEU_NTDT>", "HDR: DEN_NGAY_DC is not a date dd/MM/yyyy");
		assertRefused(HEADER + VOUCHER.replace("<NGAY_NOP_THUE>20/04/2026", "<NGAY_NOP_THUE>31/02/2026")
				+ "</DSACH_GNT></DOICHIEU_NTDT>", "GNT 1: NGAY_NOP_THUE is not a date dd/MM/yyyy");
		assertRefused(HEADER.replace("<TU_NGAY_DC>19/04/2026", "<TU_NGAY_DC>29/02/2025") + VOUCHER
				+ "</DSACH_GNT></DOICHIEU_NTDT>", "HDR: TU_NGAY_DC is not a date dd/MM/yyyy");
		assertRefused(HEADER.replace("<MA_NHANG_DC>", "<NGAY_GDICH_DC>31/04/2026 06:00:00</NGAY_GDICH_DC><MA_NHANG_DC>")
				+ VOUCHER + "</DSACH_GNT></DOICHIEU_NTDT>", "HDR: NGAY_GDICH_DC is not a time dd/MM/yyyy HH:mm:ss");
	}

	@Test
	void refusesACollectingAgencyThatIsNotACode() {
		for (String agency : new String[] { "12", "12345678", "0313829148", "Chi cuc Thue Q1", "105 4523" }) {
			assertRefused(HEADER + VOUCHER.replace("<MA_CQTHU>1054321", "<MA_CQTHU>" + agency)
					+ "</DSACH_GNT></DOICHIEU_NTDT>", "GNT 1: MA_CQTHU is not a collecting agency's code of 3 to 7 digits");
		}
	}

	/** Read before the signature is checked: what would fill the memory is refused as it comes. */
	@Test
	void refusesAFieldOrAVoucherTooLongToHold() {
		String reference = VOUCHER.replaceAll("(?s).*<MA_THAMCHIEU>([^<]*)</MA_THAMCHIEU>.*", "$1");
		assertRefused(HEADER + VOUCHER.replace("<MA_THAMCHIEU>" + reference, "<MA_THAMCHIEU>" + "9".repeat(100_000))
				+ "</DSACH_GNT></DOICHIEU_NTDT>", "MA_THAMCHIEU is longer than 1024 characters");
		String line = VOUCHER.replaceAll("(?s).*(<ROW_CTIET>.*?</ROW_CTIET>).*", "$1");
		assertRefused(HEADER + VOUCHER.replace(line, line.repeat(BankFileReader.MAX_LINES + 1))
				+ "</DSACH_GNT></DOICHIEU_NTDT>", "GNT 1: more than 1000 ROW_CTIET");
	}

	/**
	 * The parser holds a comment, a processing instruction, a CDATA section or a tag with its attributes whole before
	 * it reports it: one too long to hold is refused as it is read, after a few kilobytes of a file that never ends.
	 * Short ones are read past (the layout's examples carry comments), a field's text in CDATA included.
	 */
	@Test
	void refusesMarkupTooLongToHoldAsItIsRead() throws IOException {
		StringWriter rows = new StringWriter();
		BankFileReader.read(in("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><!-- ngày 20/04 -->"
				+ HEADER.replace("<MA_NHANG_DC>", "<!----><?bank note?><MA_NHANG_DC>")
				+ VOUCHER.replace("<SO_CTU>7", "<SO_CTU><![CDATA[7]]>").replace("<GHI_CHU>", "<GHI_CHU lang='vi'>")
				+ "</DSACH_GNT></DOICHIEU_NTDT>"), 42, new CopyText(rows));
		assertThat(rows.toString()).startsWith("42\t2026-04-20\t01202001\tVCB1\t1\t7\t");
		for (String opening : new String[] { "<!--", "<?note ", "<![CDATA[", "<GHI_CHU note=\"" }) {
			Endless file = new Endless(HEADER + opening, "x->]>");
			assertThatThrownBy(() -> BankFileReader.read(file, 1, new CopyText(new StringWriter())))
				.isInstanceOf(InvalidFileException.class)
				.hasMessageEndingWith("is longer than " + BankFileReader.MAX_MARKUP + " bytes");
			assertThat(file.served).as(opening).isLessThan(64 * 1024);
		}
		Endless doctype = new Endless("<?xml version=\"1.0\"?><!DOCTYPE d [", "<!ENTITY x \"y\">");
		assertThatThrownBy(() -> BankFileReader.read(doctype, 1, new CopyText(new StringWriter())))
			.hasMessage("A DOCTYPE is not allowed");
		assertThat(doctype.served).isLessThan(64 * 1024);
	}

	/**
	 * The parser holds every open element and every name it met until the file ends: elements nested without end, or
	 * names without end, are refused as they come.
	 */
	@Test
	void refusesNestingAndNamesTooManyToHold() {
		Endless nested = new Endless(HEADER, "<a>");
		assertThatThrownBy(() -> BankFileReader.read(nested, 1, new CopyText(new StringWriter())))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("An element is nested more than " + BankFileReader.MAX_DEPTH + " elements deep");
		assertThat(nested.served).isLessThan(64 * 1024);
		StringBuilder names = new StringBuilder(HEADER);
		for (int i = 0; i <= BankFileReader.MAX_NAMES; i++) {
			names.append("<n").append(i).append(" a").append(i).append("=''/>");
		}
		assertRefused(names + "</DSACH_GNT></DOICHIEU_NTDT>",
				"The file uses more than " + BankFileReader.MAX_NAMES + " names");
		StringBuilder uris = new StringBuilder(HEADER);
		StringBuilder targets = new StringBuilder(HEADER);
		for (int i = 0; i <= BankFileReader.MAX_NAMES; i++) {
			uris.append("<a xmlns:p='urn:x").append(i).append("'/>");
			targets.append("<?t").append(i).append("?>");
		}
		assertRefused(uris + "</DSACH_GNT></DOICHIEU_NTDT>", "more than " + BankFileReader.MAX_NAMES + " names");
		assertRefused(targets + "</DSACH_GNT></DOICHIEU_NTDT>", "more than " + BankFileReader.MAX_NAMES + " names");
		StringBuilder inField = new StringBuilder("<SO_CTU>");
		for (int i = 0; i <= BankFileReader.MAX_NAMES; i++) {
			inField.append("<?t").append(i).append("?>");
		}
		assertRefused(HEADER + VOUCHER.replace("<SO_CTU>", inField) + "</DSACH_GNT></DOICHIEU_NTDT>",
				"more than " + BankFileReader.MAX_NAMES + " names");
		StringBuilder days = new StringBuilder(TreasuryStatementReader.HEADER + "\n");
		for (int i = 0; i <= ParsedFile.MAX_DAYS; i++) {
			days.append("6f1c2d4e-0000-3000-8000-").append("%012d".formatted(i)).append(",0111,7111,754,1701,79760,1,VND,")
				.append(LocalDate.of(2026, 1, 1).plusDays(i)).append('\n');
		}
		assertThatThrownBy(() -> TreasuryStatementReader.read(in(days.toString()), 7, new CopyText(new StringWriter())))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("The file's lines fall on more than " + ParsedFile.MAX_DAYS + " days");
	}

	@Test
	void readsAFileAsUtf8TheLayoutsEncodingOnly() {
		assertRefused("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + HEADER + "</DSACH_GNT></DOICHIEU_NTDT>",
				"The file declares an encoding other than UTF-8, the layout's");
		assertThatThrownBy(() -> BankFileReader.read(
				new ByteArrayInputStream((HEADER + "</DSACH_GNT></DOICHIEU_NTDT>").getBytes(StandardCharsets.UTF_16)), 1,
				new CopyText(new StringWriter())))
			.isInstanceOf(InvalidFileException.class);
	}

	@Test
	void keepsAnAmountWithinTheColumnAsWritten() {
		assertThat(FileFields.amount("999999999999999999.99", "x")).hasToString("999999999999999999.99");
		assertThat(FileFields.amount("1E+2", "x")).hasToString("100");
	}

	@Test
	void escapesWhatCopyReserves() throws IOException {
		StringWriter rows = new StringWriter();
		new CopyText(rows).column("a\tb\\c\nd").column(null).endRow();
		assertThat(rows.toString()).isEqualTo("a\\tb\\\\c\\nd\t\\N\n");
	}

	@Test
	void refusesAStatementLineTooLongToHold() {
		assertThatThrownBy(() -> TreasuryStatementReader.read(in(TreasuryStatementReader.HEADER + "\n"
				+ "x".repeat(TreasuryStatementReader.MAX_LINE + 1) + "\n"), 7, new CopyText(new StringWriter())))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("A line is longer than 4096 characters");
	}

	private static void assertRefused(String xml, String message) {
		assertThatThrownBy(() -> BankFileReader.read(in(xml), 1, new CopyText(new StringWriter())))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining(message);
	}

	private static void assertTreasuryRefused(String amountCurrencyDate, String message) {
		assertThatThrownBy(() -> TreasuryStatementReader.read(in(TreasuryStatementReader.HEADER
				+ "\n6f1c2d4e-0000-3000-8000-000000000001,0111,7111,754,1701,79760," + amountCurrencyDate + "\n"), 7,
				new CopyText(new StringWriter())))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining(message);
	}

	/** A file that starts so and then repeats its filler for ever, counting the bytes it served. */
	private static final class Endless extends InputStream {

		private final byte[] start;

		private final byte[] filler;

		private long served;

		Endless(String start, String filler) {
			this.start = start.getBytes(StandardCharsets.UTF_8);
			this.filler = filler.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public int read() {
			long at = this.served++;
			return ((at < this.start.length) ? this.start[(int) at]
					: this.filler[(int) ((at - this.start.length) % this.filler.length)]) & 0xFF;
		}

	}

	private static ByteArrayInputStream in(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
