package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import etax.batch.BusinessDays;
import org.jspecify.annotations.Nullable;

/**
 * Streams a bank's daily reconciliation file (VN-ETAX §5.4; layout in docs/adr/0014-reconciliation.md)
 * into COPY rows of {@code reconciliation.bank_file_line}, one voucher in memory at a time. The header
 * ({@code HDR}) comes first: its bank and its days bound every voucher. Secure: a DOCTYPE is refused,
 * so no entity is ever expanded; nothing external is fetched.
 */
final class BankFileReader {

	static final String VERSION = "1.0";

	/** The first day a daily file may name. */
	static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	/** The last day a daily file may name. */
	static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	private static final int MAX_INTEGER_DIGITS = 18;

	/**
	 * Strict: the default (SMART) resolver turns 31/04/2026 into 30/04/2026, a day the bank never named, and
	 * the file's vouchers would be reconciled on it.
	 */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** {@code NGAY_GDICH_DC}: when the bank generated the file, in Asia/Ho_Chi_Minh. */
	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss")
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * A collecting agency's code as the configuration maps them ({@code collecting-agency-offices}): it becomes a
	 * line's tax office, a metric tag and a log field, so nothing else (a name, an MST) may pass.
	 */
	private static final String AGENCY = "\\d{3,7}";

	private static final Set<String> HEADER = Set.of("PBAN_TLIEU_XML_DC", "MA_GDICH_DC", "NGAY_GDICH_DC",
			"MA_NHANG_DC", "NGAY_DC", "TU_NGAY_DC", "DEN_NGAY_DC");

	private static final Set<String> VOUCHER = Set.of("MA_THAMCHIEU", "SO_CTU", "MST_NNOP", "MA_NGUYENTE",
			"MA_HIEU_KBAC", "STK_THU", "MA_CQTHU", "MA_DBHC_THU", "TONG_TIEN", "NGAY_NOP_GNT", "NGAY_NOP_THUE",
			"TTHAI_GDICH", "TTHAI_CTU");

	private static final Set<String> LINE = Set.of("MA_CHUONG", "MA_NDKT", "KY_THUE", "TIEN_PNOP");

	private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
	}

	private BankFileReader() {
	}

	/**
	 * Reads a file, writing its lines as they come.
	 * @param in the file
	 * @param fileId the id its lines carry
	 * @param out where the COPY rows go
	 * @return the file's header and counts
	 * @throws InvalidFileException at the first thing wrong
	 */
	static ParsedFile read(InputStream in, long fileId, CopyText out) throws IOException {
		XMLStreamReader xml;
		try {
			xml = FACTORY.createXMLStreamReader(in);
		}
		catch (XMLStreamException ex) {
			throw InvalidFileException.of("Not XML", ex);
		}
		Map<String, String> header = new HashMap<>();
		ParsedFile.Builder file = null;
		Map<String, String> voucher = null;
		List<Map<String, String>> lines = new ArrayList<>();
		Map<String, String> line = null;
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw InvalidFileException.of("A DOCTYPE is not allowed");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if ("GNT".equals(name)) {
						if (file == null) {
							file = header(header);
						}
						voucher = new HashMap<>();
						lines.clear();
					}
					else if ("ROW_CTIET".equals(name) && voucher != null) {
						line = new HashMap<>();
					}
					else if (line != null && LINE.contains(name)) {
						line.put(name, xml.getElementText().strip());
					}
					else if (line == null && voucher != null && VOUCHER.contains(name)) {
						voucher.put(name, xml.getElementText().strip());
					}
					else if (voucher == null && HEADER.contains(name)) {
						header.put(name, xml.getElementText().strip());
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					String name = xml.getLocalName();
					if ("ROW_CTIET".equals(name) && line != null) {
						lines.add(line);
						line = null;
					}
					else if ("GNT".equals(name) && voucher != null && file != null) {
						write(file, voucher, lines, fileId, out);
						voucher = null;
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw InvalidFileException.of("Not well-formed XML"
					+ ((ex.getLocation() != null) ? " at line " + ex.getLocation().getLineNumber() : ""), ex);
		}
		return ((file != null) ? file : header(header)).build();
	}

	private static ParsedFile.Builder header(Map<String, String> header) {
		if (!VERSION.equals(header.get("PBAN_TLIEU_XML_DC"))) {
			throw InvalidFileException.of("PBAN_TLIEU_XML_DC must be " + VERSION + " and come before the vouchers");
		}
		String bank = required(header, "MA_NHANG_DC", "HDR");
		if (!bank.matches("[0-9]{8}")) {
			throw InvalidFileException.of("MA_NHANG_DC must be a bank code of 8 digits");
		}
		LocalDate from = date(header, "TU_NGAY_DC", "HDR");
		LocalDate to = date(header, "DEN_NGAY_DC", "HDR");
		if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
			throw InvalidFileException.of("TU_NGAY_DC to DEN_NGAY_DC must be a range of at most 32 days");
		}
		return new ParsedFile.Builder("BANK", bank, header.get("MA_GDICH_DC"), from, to).generatedAt(generated(header));
	}

	/**
	 * When the bank generated the file, which orders its files for the same days; none when the header does not
	 * say (such a file is ordered by its arrival).
	 */
	private static @Nullable Instant generated(Map<String, String> header) {
		String value = header.get("NGAY_GDICH_DC");
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value, GENERATED).atZone(BusinessDays.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw InvalidFileException.of("HDR: NGAY_GDICH_DC is not a time dd/MM/yyyy HH:mm:ss", ex);
		}
	}

	private static void write(ParsedFile.Builder file, Map<String, String> voucher, List<Map<String, String>> lines,
			long fileId, CopyText out) throws IOException {
		String where = "GNT " + (file.vouchers() + 1);
		String reference = required(voucher, "MA_THAMCHIEU", where);
		LocalDate day = date(voucher, "NGAY_NOP_THUE", where);
		if (day.isBefore(file.firstDay()) || day.isAfter(file.lastDay())) {
			throw InvalidFileException.of(where + ": NGAY_NOP_THUE is outside TU_NGAY_DC to DEN_NGAY_DC");
		}
		String currency = required(voucher, "MA_NGUYENTE", where);
		if (!currency.equals("VND") && !currency.equals("USD")) {
			throw InvalidFileException.of(where + ": MA_NGUYENTE must be VND or USD");
		}
		String status = status(voucher.get("TTHAI_GDICH"), voucher.get("TTHAI_CTU"), where);
		if (lines.isEmpty()) {
			throw InvalidFileException.of(where + ": no ROW_CTIET");
		}
		String agency = voucher.get("MA_CQTHU");
		if (agency != null && !agency.matches(AGENCY)) {
			throw InvalidFileException.of(where + ": MA_CQTHU is not a collecting agency's code of 3 to 7 digits");
		}
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < lines.size(); i++) {
			Map<String, String> line = lines.get(i);
			String at = where + " ROW_CTIET " + (i + 1);
			BigDecimal amount = amount(line.get("TIEN_PNOP"), at + ": TIEN_PNOP");
			total = total.add(amount);
			out.column(fileId).column(day).column(file.source()).column(reference).column(i + 1)
				.column(voucher.get("SO_CTU")).column(voucher.get("MST_NNOP")).column(currency).column(amount)
				.column(code(line, "MA_CHUONG", "[0-9]{3}", at)).column(code(line, "MA_NDKT", "[0-9]{4}", at))
				.column(line.get("KY_THUE")).column(voucher.get("MA_DBHC_THU")).column(agency)
				.column(voucher.get("MA_HIEU_KBAC")).column(voucher.get("STK_THU")).column(status);
			out.endRow();
		}
		String declared = voucher.get("TONG_TIEN");
		if (declared != null && amount(declared, where + ": TONG_TIEN").compareTo(total) != 0) {
			throw InvalidFileException.of(where + ": TONG_TIEN is not the sum of TIEN_PNOP");
		}
		file.add(day, lines.size());
	}

	/**
	 * The project's reading of the bank's codes (VN-ETAX §5.4 names the fields, not their values):
	 * TTHAI_GDICH 01 debited, 02 failed, 03 pending; TTHAI_CTU 01 valid, 02 cancelled after the debit.
	 */
	private static String status(@Nullable String transaction, @Nullable String voucher, String where) {
		if ("02".equals(transaction)) {
			return "FAILED";
		}
		if ("03".equals(transaction)) {
			return "PENDING";
		}
		if ("01".equals(transaction) && "02".equals(voucher)) {
			return "REVERSED";
		}
		if ("01".equals(transaction) && ("01".equals(voucher) || voucher == null)) {
			return "DEBITED";
		}
		throw InvalidFileException.of(where + ": TTHAI_GDICH must be 01, 02 or 03 and TTHAI_CTU 01 or 02");
	}

	private static String required(Map<String, String> fields, String name, String where) {
		String value = fields.get(name);
		if (value == null || value.isEmpty()) {
			throw InvalidFileException.of(where + ": " + name + " is missing");
		}
		return value;
	}

	private static String code(Map<String, String> fields, String name, String pattern, String where) {
		String value = required(fields, name, where);
		if (!value.matches(pattern)) {
			throw InvalidFileException.of(where + ": " + name + " is not a code of the form " + pattern);
		}
		return value;
	}

	private static LocalDate date(Map<String, String> fields, String name, String where) {
		LocalDate date;
		try {
			date = LocalDate.parse(required(fields, name, where), DATE);
		}
		catch (DateTimeParseException ex) {
			throw InvalidFileException.of(where + ": " + name + " is not a date dd/MM/yyyy", ex);
		}
		return day(date, where + ": " + name);
	}

	/**
	 * A day of a daily file within {@link #FIRST_DAY} and {@link #LAST_DAY}: years such as 0 or 9999999 parse,
	 * but PostgreSQL cannot store the first and nobody pays tax on either, and the COPY would fail for the
	 * whole file without naming the line.
	 * @throws InvalidFileException naming {@code where} otherwise
	 */
	static LocalDate day(LocalDate date, String where) {
		if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
			throw InvalidFileException.of(where + " must be a day from " + FIRST_DAY + " to " + LAST_DAY);
		}
		return date;
	}

	/**
	 * An amount as the lines' {@code numeric(20,2)} columns hold it: positive, at most 2 decimals and 18
	 * digits before the point, so that COPY never overflows (a scale below zero, {@code 1E+30}, passes a
	 * check on decimals alone).
	 * @throws InvalidFileException naming {@code where} otherwise
	 */
	static BigDecimal amount(@Nullable String value, String where) {
		BigDecimal amount;
		try {
			amount = new BigDecimal((value != null) ? value : "");
		}
		catch (NumberFormatException ex) {
			throw InvalidFileException.of(where + " is not a number", ex);
		}
		if (amount.signum() <= 0 || amount.scale() > 2) {
			throw InvalidFileException.of(where + " must be positive, with at most 2 decimals");
		}
		if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
			throw InvalidFileException.of(where + " must have at most " + MAX_INTEGER_DIGITS + " digits before the point");
		}
		return amount.setScale(Math.max(amount.scale(), 0));
	}

}
