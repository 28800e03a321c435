package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for the gateway's published views {@code payment.reconciliation_confirmation_lines_v1} and
 * {@code payment.treasury_ledger_postings_v1} in this service's tests: tables with the views' columns and types, in
 * order, as docs/adr/0014-reconciliation.md and the gateway's migrations document them (the gateway's {@code ReconciliationContractIntegrationTests} holds the view to the same
 * list). Rows are what the gateway would show for the confirmations it recorded.
 */
public final class TaxSide {

	public static final String BANK = "01202001";

	/** The collecting agency of the tax side's lines and of the bank files' vouchers here. */
	public static final String AGENCY = "1054321";

	/** The tax office the tests map {@link #AGENCY} to (BatchProcessorIntegrationTest): its officers work its lines. */
	public static final String OFFICE = "79101";

	private static final String STAND_IN = """
			CREATE SCHEMA IF NOT EXISTS payment;
			CREATE TABLE IF NOT EXISTS payment.reconciliation_confirmation_lines_v1 (
				bank_code text NOT NULL, bank_reference text NOT NULL, line_number integer, posting_id uuid,
				voucher_number text, payer_mst text NOT NULL, currency character(3) NOT NULL, amount numeric NOT NULL,
				amount_vnd numeric, chapter text, sub_item text, tax_period text, area_code text,
				collecting_agency_code text, treasury_code text, treasury_account text, payment_date date NOT NULL,
				status text NOT NULL, reversal_of text, reversed_by text, payable_item_id text, applied_vnd numeric,
				recorded_at timestamp with time zone NOT NULL
			);
			CREATE TABLE IF NOT EXISTS payment.treasury_ledger_postings_v1 (
				posting_id uuid NOT NULL, direction text NOT NULL, paid_with uuid NOT NULL, treasury_code text NOT NULL,
				from_sub_item text, sub_item text NOT NULL, amount_vnd numeric NOT NULL, payment_date date NOT NULL,
				requested_at timestamp with time zone NOT NULL, status text NOT NULL
			)""";

	private final JdbcClient jdbc;

	public TaxSide(JdbcClient jdbc) {
		this.jdbc = jdbc;
		jdbc.sql(STAND_IN).update();
	}

	/**
	 * A booked payment line, chapter 754, area 79760, treasury 0111, collected by {@link #AGENCY}.
	 * @return its posting id
	 */
	public UUID paid(String reference, LocalDate day, String currency, String amount, String subItem) {
		UUID postingId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO payment.reconciliation_confirmation_lines_v1 VALUES (?, ?, 1, ?, ?, '0313829148', ?,
				    ?::numeric, ?::numeric, '754', ?, '00/Q1/2025', '79760', ?, '0111', '7111', ?, 'DEBITED', NULL, NULL,
				    NULL, 0, now())""")
			.params(BANK, reference, postingId, "GNT-" + reference, currency, amount, amount, subItem, AGENCY, day)
			.update();
		return postingId;
	}

	/**
	 * The reversal of a booked payment of one line, booked on the given day: as the gateway shows it, the
	 * payment names its reversal ({@code reversed_by}, whatever the reversal's date) and the reversal entry
	 * is a line of its own day (status REVERSED, {@code reversal_of} the payment).
	 * @return the reversal's posting id
	 */
	public UUID reversed(String reference, String reversal, LocalDate day) {
		UUID postingId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO payment.reconciliation_confirmation_lines_v1
				SELECT bank_code, ?, line_number, ?, ?, payer_mst, currency, amount, amount_vnd, chapter, sub_item,
				    tax_period, area_code, collecting_agency_code, treasury_code, treasury_account, ?, 'REVERSED',
				    bank_reference, NULL, payable_item_id, 0, now()
				FROM payment.reconciliation_confirmation_lines_v1 WHERE bank_code = ? AND bank_reference = ?""")
			.params(reversal, postingId, "GNT-" + reversal, day, BANK, reference)
			.update();
		this.jdbc.sql("""
				UPDATE payment.reconciliation_confirmation_lines_v1 SET reversed_by = ?, applied_vnd = 0
				WHERE bank_code = ? AND bank_reference = ?""")
			.params(reversal, BANK, reference)
			.update();
		return postingId;
	}

	/**
	 * A re-coding the gateway asked the treasury for: money of a booked payment line moved from its sub-item to
	 * another by an offset (the gateway's view {@code payment.treasury_ledger_postings_v1}), treasury 0111.
	 * @return its posting id
	 */
	public UUID recoded(UUID paidWith, LocalDate day, String fromSubItem, String subItem, String amount) {
		return ledgerPosting("RECODING", paidWith, day, fromSubItem, subItem, amount);
	}

	/**
	 * A refund order the gateway asked the treasury for: money of a booked payment line paid back to the taxpayer
	 * on its request (the gateway's view {@code payment.treasury_ledger_postings_v1}), treasury 0111.
	 * @return its posting id
	 */
	public UUID refunded(UUID paidWith, LocalDate day, String subItem, String amount) {
		return ledgerPosting("REFUND", paidWith, day, null, subItem, amount);
	}

	private UUID ledgerPosting(String direction, UUID paidWith, LocalDate day, @Nullable String fromSubItem,
			String subItem, String amount) {
		UUID postingId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO payment.treasury_ledger_postings_v1
				VALUES (?, ?, ?, '0111', ?, ?, ?::numeric, ?, now(), 'REQUESTED')""")
			.params(postingId, direction, paidWith, fromSubItem, subItem, amount, day)
			.update();
		return postingId;
	}

	/** Moves a booked payment to another collecting agency than {@link #AGENCY}. */
	public void collectedBy(String reference, String agency) {
		this.jdbc.sql("""
				UPDATE payment.reconciliation_confirmation_lines_v1 SET collecting_agency_code = ?
				WHERE bank_code = ? AND bank_reference = ?""")
			.params(agency, BANK, reference)
			.update();
	}

	/** A voucher the bank reported only as pending (or failed). */
	void unbooked(String reference, LocalDate day, String status, String amount) {
		this.jdbc.sql("""
				INSERT INTO payment.reconciliation_confirmation_lines_v1 (bank_code, bank_reference, payer_mst, currency,
				    amount, payment_date, status, recorded_at) VALUES (?, ?, '0313829148', 'VND', ?::numeric, ?, ?, now())""")
			.params(BANK, reference, amount, day, status)
			.update();
	}

	/**
	 * A bank's daily reconciliation file for one day, in the layout of docs/adr/0014-reconciliation.md.
	 * @param day the day
	 * @param vouchers {@code <GNT>} elements from {@link #voucher}
	 * @return the XML
	 */
	public static String bankFile(LocalDate day, String... vouchers) {
		String date = dayMonthYear(day);
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<DOICHIEU_NTDT>
				  <HDR><PBAN_TLIEU_XML_DC>1.0</PBAN_TLIEU_XML_DC><MA_GDICH_DC>DC-%s-%s</MA_GDICH_DC>
				    <NGAY_GDICH_DC>%s 06:00:00</NGAY_GDICH_DC><MA_NHANG_DC>%s</MA_NHANG_DC><NGAY_DC>%s</NGAY_DC>
				    <TU_NGAY_DC>%s</TU_NGAY_DC><DEN_NGAY_DC>%s</DEN_NGAY_DC></HDR>
				  <DSACH_GNT>%s</DSACH_GNT>
				</DOICHIEU_NTDT>
				""".formatted(BANK, day, date, BANK, date, date, date, String.join("\n", vouchers));
	}

	/** One voucher of one line, chapter 754, area 79760, collected by {@link #AGENCY}. */
	public static String voucher(String reference, LocalDate day, String transactionStatus, String currency, String amount,
			String subItem) {
		String date = dayMonthYear(day);
		return """
				<GNT><MA_THAMCHIEU>%s</MA_THAMCHIEU><SO_CTU>GNT-%s</SO_CTU><MST_NNOP>0313829148</MST_NNOP>\
				<MA_NGUYENTE>%s</MA_NGUYENTE><MA_HIEU_KBAC>0111</MA_HIEU_KBAC><STK_THU>7111</STK_THU>\
				<MA_CQTHU>%s</MA_CQTHU><MA_DBHC_THU>79760</MA_DBHC_THU><TONG_TIEN>%s</TONG_TIEN>\
				<NGAY_NOP_GNT>%s</NGAY_NOP_GNT><NGAY_NOP_THUE>%s</NGAY_NOP_THUE><TTHAI_GDICH>%s</TTHAI_GDICH>\
				<TTHAI_CTU>01</TTHAI_CTU><CHUNGTU_CTIET><ROW_CTIET><MA_CHUONG>754</MA_CHUONG><MA_NDKT>%s</MA_NDKT>\
				<KY_THUE>00/Q1/2025</KY_THUE><TIEN_PNOP>%s</TIEN_PNOP></ROW_CTIET></CHUNGTU_CTIET></GNT>"""
			.formatted(reference, reference, currency, AGENCY, amount, date, date, transactionStatus, subItem, amount);
	}

	/** The treasury's statement of the given lines (from {@link #posted}). */
	public static String statement(String... lines) {
		return "posting_id,treasury_code,account,chapter,sub_item,area,amount,currency,value_date\n"
				+ String.join("\n", lines) + "\n";
	}

	/** One posting on the treasury's statement, chapter 754, area 79760. */
	public static String posted(UUID postingId, LocalDate day, String currency, String amount, String subItem) {
		return String.join(",", postingId.toString(), "0111", "7111", "754", subItem, "79760", amount, currency,
				day.toString());
	}

	private static String dayMonthYear(LocalDate day) {
		return "%02d/%02d/%d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
	}

}
