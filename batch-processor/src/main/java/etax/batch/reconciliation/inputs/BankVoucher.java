package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import etax.ids.TaxpayerId;
import org.jspecify.annotations.Nullable;

/**
 * A voucher ({@code GNT}) of a bank's daily file with its lines ({@code ROW_CTIET}): checked against the header
 * and its own total, and written as COPY rows of {@code reconciliation.bank_file_line}, one a line.
 */
final class BankVoucher {

	/**
	 * A collecting agency's code as the configuration maps them ({@code collecting-agency-offices}): it becomes a
	 * line's tax office, a metric tag and a log field, so nothing else (a name, an MST) may pass.
	 */
	private static final String AGENCY = "\\d{3,7}";

	/** The voucher's fields. */
	static final Set<String> FIELDS = Set.of("MA_THAMCHIEU", "SO_CTU", "MST_NNOP", "MA_NGUYENTE",
			"MA_HIEU_KBAC", "STK_THU", "MA_CQTHU", "MA_DBHC_THU", "TONG_TIEN", "NGAY_NOP_GNT", "NGAY_NOP_THUE",
			"TTHAI_GDICH", "TTHAI_CTU");

	/** The fields of a line. */
	static final Set<String> LINE_FIELDS = Set.of("MA_CHUONG", "MA_NDKT", "KY_THUE", "TIEN_PNOP");

	private BankVoucher() {
	}

	/**
	 * Writes a voucher's lines, and counts them with the file.
	 * @param file the file, as its header described it
	 * @param voucher the voucher's fields
	 * @param lines the fields of each of its lines
	 * @param fileId the id its lines carry
	 * @param out where the COPY rows go
	 * @throws InvalidFileException at the first thing wrong
	 */
	static void write(ParsedFile.Builder file, Map<String, String> voucher, List<Map<String, String>> lines,
			long fileId, CopyText out) throws IOException {
		String where = "GNT " + (file.vouchers() + 1);
		String reference = FileFields.required(voucher, "MA_THAMCHIEU", where);
		LocalDate day = FileFields.date(voucher, "NGAY_NOP_THUE", where);
		if (day.isBefore(file.firstDay()) || day.isAfter(file.lastDay())) {
			throw InvalidFileException.of(where + ": NGAY_NOP_THUE is outside TU_NGAY_DC to DEN_NGAY_DC");
		}
		String currency = FileFields.required(voucher, "MA_NGUYENTE", where);
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
		// as the tax side writes it: a bank writes a branch's MST in 13 digits, its head office's maybe with 000
		String payer = voucher.get("MST_NNOP");
		String payerMst = (payer != null) ? TaxpayerId.normalised(payer) : null;
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < lines.size(); i++) {
			Map<String, String> line = lines.get(i);
			String at = where + " ROW_CTIET " + (i + 1);
			BigDecimal amount = FileFields.amount(line.get("TIEN_PNOP"), at + ": TIEN_PNOP");
			total = total.add(amount);
			out.column(fileId).column(day).column(file.source()).column(reference).column(i + 1)
				.column(voucher.get("SO_CTU")).column(payerMst).column(currency).column(amount)
				.column(FileFields.code(line, "MA_CHUONG", "[0-9]{3}", at))
				.column(FileFields.code(line, "MA_NDKT", "[0-9]{4}", at))
				.column(line.get("KY_THUE")).column(voucher.get("MA_DBHC_THU")).column(agency)
				.column(voucher.get("MA_HIEU_KBAC")).column(voucher.get("STK_THU")).column(status);
			out.endRow();
		}
		String declared = voucher.get("TONG_TIEN");
		if (declared != null && FileFields.amount(declared, where + ": TONG_TIEN").compareTo(total) != 0) {
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

}
