package etax.devstack;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Daily reconciliation inputs of one payment, in the layouts of docs/adr/0014-reconciliation.md: the
 * bank's file and the treasury's statement (the demo's last step; the console's browser test).
 */
public final class DemoReconciliation {

	private DemoReconciliation() {
	}

	/**
	 * @param bank the bank
	 * @param reference the payment's bank reference
	 * @param day the payment day
	 * @param mst the payer
	 * @param collectingAgency the tax office collecting it
	 * @param amount in VND
	 * @return the bank's file for the day, with the one voucher
	 */
	public static String bankFile(String bank, String reference, LocalDate day, String mst, String collectingAgency,
			long amount) {
		String date = day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		String voucher = """
				<GNT><MA_THAMCHIEU>%s</MA_THAMCHIEU><SO_CTU>GNT-%s</SO_CTU><MST_NNOP>%s</MST_NNOP>\
				<MA_NGUYENTE>VND</MA_NGUYENTE><MA_HIEU_KBAC>0111</MA_HIEU_KBAC><STK_THU>7111</STK_THU>\
				<MA_CQTHU>%s</MA_CQTHU><MA_DBHC_THU>79760</MA_DBHC_THU><TONG_TIEN>%d</TONG_TIEN>\
				<NGAY_NOP_GNT>%s</NGAY_NOP_GNT><NGAY_NOP_THUE>%s</NGAY_NOP_THUE><TTHAI_GDICH>01</TTHAI_GDICH>\
				<TTHAI_CTU>01</TTHAI_CTU><CHUNGTU_CTIET><ROW_CTIET><MA_CHUONG>754</MA_CHUONG><MA_NDKT>1701</MA_NDKT>\
				<KY_THUE>00/Q1/2026</KY_THUE><TIEN_PNOP>%d</TIEN_PNOP></ROW_CTIET></CHUNGTU_CTIET></GNT>"""
			.formatted(reference, reference, mst, collectingAgency, amount, date, date, amount);
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<DOICHIEU_NTDT>
				  <HDR><PBAN_TLIEU_XML_DC>1.0</PBAN_TLIEU_XML_DC><MA_GDICH_DC>DC-%s-%s</MA_GDICH_DC>
				    <NGAY_GDICH_DC>%s 06:00:00</NGAY_GDICH_DC><MA_NHANG_DC>%s</MA_NHANG_DC><NGAY_DC>%s</NGAY_DC>
				    <TU_NGAY_DC>%s</TU_NGAY_DC><DEN_NGAY_DC>%s</DEN_NGAY_DC></HDR>
				  <DSACH_GNT>%s</DSACH_GNT>
				</DOICHIEU_NTDT>
				""".formatted(bank, reference, date, bank, date, date, date, voucher);
	}

	/**
	 * @param postingId the treasury posting of the payment's line
	 * @param day the value date
	 * @param amount in VND
	 * @return the treasury's statement for the day, with the one posting
	 */
	public static String treasuryStatement(String postingId, LocalDate day, long amount) {
		return "posting_id,treasury_code,account,chapter,sub_item,area,amount,currency,value_date\n"
				+ String.join(",", postingId, "0111", "7111", "754", "1701", "79760", Long.toString(amount), "VND",
						day.toString())
				+ "\n";
	}

}
