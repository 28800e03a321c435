package etax.benchmarks.reconciliation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One business day of voucher lines, one line per voucher, for one bank: the tax side as the gateway
 * would have recorded it, the bank's reconciliation file and the treasury's statement. Line {@code i}
 * falls in a class by {@code i mod 100}: 0–94 all three legs agree; 95 the bank's file lacks it; 96 only
 * the bank has it; 97 the bank says it failed; 98 the bank coded another sub-item; 99 only the treasury
 * has it. Posting ids are name-based on the run and the line, so the files are the same for a run.
 *
 * @param runId tells runs apart (references, posting ids)
 * @param day the business day
 * @param lines voucher lines
 */
record DayOfPayments(String runId, LocalDate day, int lines) {

	/** {@code NGAY_GDICH_DC}: when the bank generated the file, which orders a day's files. */
	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");


	static final String BANK = "99999901";

	/** The classes the benchmark expects, as {@code reconciliationJob} names them. */
	enum Expected {

		MATCHED, ONLY_TAX, ONLY_BANK, STATUS_MISMATCH, CODING_MISMATCH, ONLY_TREASURY

	}

	static Expected expected(int line) {
		return switch (line % 100) {
			case 95 -> Expected.ONLY_TAX;
			case 96 -> Expected.ONLY_BANK;
			case 97 -> Expected.STATUS_MISMATCH;
			case 98 -> Expected.CODING_MISMATCH;
			case 99 -> Expected.ONLY_TREASURY;
			default -> Expected.MATCHED;
		};
	}

	Map<Expected, Long> expectedCounts() {
		Map<Expected, Long> counts = new EnumMap<>(Expected.class);
		for (int i = 0; i < this.lines; i++) {
			counts.merge(expected(i), 1L, Long::sum);
		}
		return counts;
	}

	String reference(int line) {
		return "RB" + this.runId + String.format("%08d", line);
	}

	UUID postingId(int line) {
		return UUID.nameUUIDFromBytes(("bench\u001F" + this.runId + "\u001F" + line).getBytes(StandardCharsets.UTF_8));
	}

	static long amount(int line) {
		return 100_000L + (line % 997) * 1_000L;
	}

	/** Seeds the tax side into the gateway's tables with COPY, as if the gateway had recorded it. */
	void seedTaxSide(Connection db) throws SQLException, IOException {
		copy(db, """
				COPY payment.confirmation (bank_code, bank_reference, voucher_number, payer_mst, currency, amount,
				    amount_vnd, payment_date, status, treasury_code, treasury_account, collecting_agency_code, area_code,
				    raw_message, content_hash, received_at, kafka_topic, kafka_partition, kafka_offset, recording_id)
				FROM STDIN""", (out) -> {
			UUID recording = UUID.randomUUID();
			for (int i = 0; i < this.lines; i++) {
				Expected expected = expected(i);
				if (expected == Expected.ONLY_BANK || expected == Expected.ONLY_TREASURY) {
					continue;
				}
				out.write(String.join("\t", BANK, reference(i), "GNT" + i, "0313829148", "VND",
						Long.toString(amount(i)), Long.toString(amount(i)), this.day.toString(), "DEBITED", "0111", "7111",
						"1054321", "79760", "{}", "bench", this.day + "T03:00:00Z", "bench", "0", Integer.toString(i),
						recording.toString()));
				out.write('\n');
			}
		});
		copy(db, """
				COPY payment.confirmation_line (bank_code, bank_reference, line_number, posting_id, chapter, sub_item,
				    tax_period, amount, amount_vnd) FROM STDIN""", (out) -> {
			for (int i = 0; i < this.lines; i++) {
				Expected expected = expected(i);
				if (expected == Expected.ONLY_BANK || expected == Expected.ONLY_TREASURY) {
					continue;
				}
				out.write(String.join("\t", BANK, reference(i), "1", postingId(i).toString(), "754", "1701",
						"00/Q1/2026", Long.toString(amount(i)), Long.toString(amount(i))));
				out.write('\n');
			}
		});
	}

	/** Writes the bank's reconciliation file (docs/adr/0014-reconciliation.md layout). */
	void writeBankFile(Path file) throws IOException {
		String date = "%02d/%02d/%d".formatted(this.day.getDayOfMonth(), this.day.getMonthValue(), this.day.getYear());
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DOICHIEU_NTDT><HDR><PBAN_TLIEU_XML_DC>1.0"
					+ "</PBAN_TLIEU_XML_DC><MA_GDICH_DC>BENCH-" + this.runId + "</MA_GDICH_DC><NGAY_GDICH_DC>"
					+ LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(GENERATED) + "</NGAY_GDICH_DC><MA_NHANG_DC>" + BANK
					+ "</MA_NHANG_DC><NGAY_DC>" + date + "</NGAY_DC><TU_NGAY_DC>" + date + "</TU_NGAY_DC><DEN_NGAY_DC>"
					+ date + "</DEN_NGAY_DC></HDR>\n<DSACH_GNT>\n");
			for (int i = 0; i < this.lines; i++) {
				Expected expected = expected(i);
				if (expected == Expected.ONLY_TAX || expected == Expected.ONLY_TREASURY) {
					continue;
				}
				String amount = Long.toString(amount(i));
				out.write("<GNT><MA_THAMCHIEU>" + reference(i) + "</MA_THAMCHIEU><SO_CTU>GNT" + i
						+ "</SO_CTU><MST_NNOP>0313829148</MST_NNOP><MA_NGUYENTE>VND</MA_NGUYENTE><MA_HIEU_KBAC>0111"
						+ "</MA_HIEU_KBAC><STK_THU>7111</STK_THU><MA_CQTHU>1054321</MA_CQTHU><MA_DBHC_THU>79760"
						+ "</MA_DBHC_THU><TONG_TIEN>" + amount + "</TONG_TIEN><NGAY_NOP_GNT>" + date + "</NGAY_NOP_GNT>"
						+ "<NGAY_NOP_THUE>" + date + "</NGAY_NOP_THUE><TTHAI_GDICH>"
						+ ((expected == Expected.STATUS_MISMATCH) ? "02" : "01")
						+ "</TTHAI_GDICH><TTHAI_CTU>01</TTHAI_CTU><CHUNGTU_CTIET><ROW_CTIET><MA_CHUONG>754</MA_CHUONG>"
						+ "<MA_NDKT>" + ((expected == Expected.CODING_MISMATCH) ? "1052" : "1701")
						+ "</MA_NDKT><KY_THUE>00/Q1/2026</KY_THUE><TIEN_PNOP>" + amount
						+ "</TIEN_PNOP></ROW_CTIET></CHUNGTU_CTIET></GNT>\n");
			}
			out.write("</DSACH_GNT></DOICHIEU_NTDT>\n");
		}
	}

	/** Writes the treasury's statement (CSV). */
	void writeTreasuryStatement(Path file) throws IOException {
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			out.write("posting_id,treasury_code,account,chapter,sub_item,area,amount,currency,value_date\n");
			for (int i = 0; i < this.lines; i++) {
				Expected expected = expected(i);
				if (expected == Expected.ONLY_TAX || expected == Expected.ONLY_BANK) {
					continue;
				}
				out.write(postingId(i) + ",0111,7111,754,1701,79760," + amount(i) + ",VND," + this.day + "\n");
			}
		}
	}

	private static void copy(Connection db, String sql, RowWriter rows) throws SQLException, IOException {
		try (Writer out = new BufferedWriter(new java.io.OutputStreamWriter(
				new PGCopyOutputStream(db.unwrap(PGConnection.class), sql, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
			rows.write(out);
		}
	}

	@FunctionalInterface
	private interface RowWriter {

		void write(Writer out) throws IOException;

	}

}
