package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Set;

import etax.batch.BusinessDays;
import org.jspecify.annotations.Nullable;

/**
 * The header ({@code HDR}) of a bank's daily file: its layout's version, the bank and the days the file covers,
 * which bound every voucher, and when the bank generated it.
 */
final class BankFileHeader {

	static final String VERSION = "1.0";

	/** The header's fields. */
	static final Set<String> FIELDS = Set.of("PBAN_TLIEU_XML_DC", "MA_GDICH_DC", "NGAY_GDICH_DC",
			"MA_NHANG_DC", "NGAY_DC", "TU_NGAY_DC", "DEN_NGAY_DC");

	/** {@code NGAY_GDICH_DC}: when the bank generated the file, in Asia/Ho_Chi_Minh. */
	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss")
		.withResolverStyle(ResolverStyle.STRICT);

	private BankFileHeader() {
	}

	/**
	 * The file the header describes, to which its vouchers are added.
	 * @param header the header's fields
	 * @throws InvalidFileException when the header is missing, of another version, or wrong
	 */
	static ParsedFile.Builder parse(Map<String, String> header) {
		if (!VERSION.equals(header.get("PBAN_TLIEU_XML_DC"))) {
			throw InvalidFileException.of("PBAN_TLIEU_XML_DC must be " + VERSION + " and come before the vouchers");
		}
		String bank = FileFields.required(header, "MA_NHANG_DC", "HDR");
		if (!bank.matches("[0-9]{8}")) {
			throw InvalidFileException.of("MA_NHANG_DC must be a bank code of 8 digits");
		}
		LocalDate from = FileFields.date(header, "TU_NGAY_DC", "HDR");
		LocalDate to = FileFields.date(header, "DEN_NGAY_DC", "HDR");
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

}
