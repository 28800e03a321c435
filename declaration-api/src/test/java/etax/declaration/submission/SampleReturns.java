package etax.declaration.submission;

import java.nio.charset.StandardCharsets;

import etax.devstack.DemoTaxpayers;
import etax.schemas.Samples;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The sample 01/GTGT of the catalog, variants of it, and fresh registered taxpayers for tests. */
final class SampleReturns {

	static final String MST = "0313829148";

	private SampleReturns() {
	}

	static String valid() {
		return new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);
	}

	/** The sample filed by another taxpayer. */
	static String forTaxpayer(String mst) {
		return with(valid(), "mst", mst);
	}

	/** The sample with one indicator replaced: {@code <ctNN>old</ctNN>} becomes {@code <ctNN>value</ctNN>}. */
	static String withIndicator(String indicator, String value) {
		return with(valid(), indicator, value);
	}

	/** Replaces the content of the first element of that name. */
	static String with(String xml, String element, String value) {
		String changed = xml.replaceFirst("<" + element + ">[^<]*</" + element + ">|<" + element + "/>",
				"<" + element + ">" + value + "</" + element + ">");
		if (changed.equals(xml) && !xml.contains("<" + element + ">" + value + "</" + element + ">")) {
			throw new IllegalArgumentException("The return has no " + element);
		}
		return changed;
	}

	/** Moves a quarterly return to another quarter. */
	static String quarter(String xml, int quarter, int year) {
		int firstMonth = (quarter - 1) * 3 + 1;
		String from = String.format("01/%02d/%d", firstMonth, year);
		String to = String.format("%02d/%02d/%d", java.time.YearMonth.of(year, firstMonth + 2).lengthOfMonth(),
				firstMonth + 2, year);
		return with(with(with(xml, "kyKKhai", quarter + "/" + year), "kyKKhaiTuNgay", from), "kyKKhaiDenNgay", to);
	}

	/** Turns a return into supplement number {@code n}, with the two supplement appendices. */
	static String supplement(String xml, int n) {
		return with(with(xml, "loaiTKhai", "B"), "soLan", String.valueOf(n)).replace("<PLuc/>",
				"<PLuc><PL01_KHBS/><PL01_1_KHBS/></PLuc>");
	}

	/** Adds a row to a supplement's 01-1/KHBS explanation: indicator {@code code} changed from declared to adjusted. */
	static String explaining(String xml, String code, long declared, long adjusted) {
		String row = "<ChiTiet><tenChiTieu>Chỉ tiêu " + code + "</tenChiTieu><maChiTieu>" + code + "</maChiTieu><soDaKeKhai>"
				+ declared + "</soDaKeKhai><soDieuChinh>" + adjusted + "</soDieuChinh><chenhLech>" + (adjusted - declared)
				+ "</chenhLech><lyDo>Bổ sung hóa đơn bị bỏ sót</lyDo></ChiTiet>";
		return xml.contains("<GiaiTrinh>") ? xml.replace("</GiaiTrinh>", row + "</GiaiTrinh>")
				: xml.replace("<PL01_1_KHBS/>", "<PL01_1_KHBS><GiaiTrinh>" + row + "</GiaiTrinh></PL01_1_KHBS>");
	}

	/** The return prepared and sent by a tax agent. */
	static String withAgent(String xml, String agentMst) {
		return xml.replace("</NNT>", "</NNT><DLyThue><tenDLyThue>CÔNG TY ĐẠI LÝ THUẾ THỬ NGHIỆM</tenDLyThue><mstDLyThue>"
				+ agentMst + "</mstDLyThue><dchiDLyThue/><tenHuyenDLyThue/><tenTinhDLyThue/><dthoaiDLyThue/><faxDLyThue/>"
				+ "<emailDLyThue/><soHDongDLyThue>HD-1</soHDongDLyThue><ngayKyHDDLyThue>2026-01-05</ngayKyHDDLyThue></DLyThue>");
	}

	/** A random MST with a valid check digit that no other test uses. */
	static String newMst() {
		return DemoTaxpayers.newMst();
	}

	/** Registers a fresh active, e-filing taxpayer and returns its MST. */
	static String registeredTaxpayer(JdbcClient jdbc, String frequency) {
		String mst = newMst();
		jdbc.sql("""
				INSERT INTO filing.taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
				VALUES (?, 'CÔNG TY THỬ NGHIỆM', 'ACTIVE', true, ?, '99999', '754')
				""").params(mst, frequency).update();
		return mst;
	}

}
