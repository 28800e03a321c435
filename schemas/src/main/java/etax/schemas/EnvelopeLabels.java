package etax.schemas;

import java.util.HashMap;
import java.util.Map;

/**
 * The labels of the envelope's fields, by XPath ({@link ElementNames}): the same for every form, not in any form
 * spec. A label is written as a sentence starts with it; {@link ElementNames.Name} lowers it inside one.
 */
final class EnvelopeLabels {

	private static final String ROOT = "/HSoThueDTu";

	private static final String RETURN = ROOT + "/HSoKhaiThue";

	private static final String TTIN = RETURN + "/TTinChung/TTinTKhaiThue";

	/** Every envelope label, by XPath without positional predicates. */
	static final Map<String, LocalizedText> ALL = labels();

	private EnvelopeLabels() {
	}

	private static Map<String, LocalizedText> labels() {
		Map<String, LocalizedText> labels = new HashMap<>();
		labels.put(ROOT, new LocalizedText("Hồ sơ thuế điện tử", "Electronic tax file"));
		labels.put(RETURN, new LocalizedText("Hồ sơ khai thuế", "Tax return"));
		labels.put(ROOT + "/CKyDTu", new LocalizedText("Chữ ký số", "Digital signature"));
		labels.put(RETURN + "/TTinChung", new LocalizedText("Thông tin chung", "General information"));
		labels.put(RETURN + "/CTieuTKhaiChinh", new LocalizedText("Nội dung tờ khai", "The return's body"));
		labels.put(RETURN + "/PLuc", new LocalizedText("Phụ lục", "Appendices"));
		String software = RETURN + "/TTinChung/TTinDVu";
		labels.put(software, new LocalizedText("Thông tin phần mềm kê khai", "Filing software"));
		labels.put(software + "/maDVu", new LocalizedText("Mã phần mềm kê khai", "Filing software code"));
		labels.put(software + "/tenDVu", new LocalizedText("Tên phần mềm kê khai", "Filing software name"));
		labels.put(software + "/pbanDVu", new LocalizedText("Phiên bản phần mềm kê khai", "Filing software version"));
		labels.put(software + "/ttinNhaCCapDVu", new LocalizedText("Thông tin nhà cung cấp phần mềm", "Software provider"));
		labels.put(TTIN, new LocalizedText("Thông tin tờ khai và người nộp thuế", "Return and taxpayer"));
		String header = TTIN + "/TKhaiThue";
		labels.put(header, new LocalizedText("Thông tin tờ khai", "Return information"));
		labels.put(header + "/maTKhai", new LocalizedText("Mã mẫu tờ khai", "Form id"));
		labels.put(header + "/tenTKhai", new LocalizedText("Tên tờ khai", "Form name"));
		labels.put(header + "/moTaBMau", new LocalizedText("Mô tả biểu mẫu", "Form description"));
		labels.put(header + "/pbanTKhaiXML", new LocalizedText("Phiên bản XML của mẫu tờ khai", "XML version of the form"));
		labels.put(header + "/loaiTKhai", new LocalizedText("Loại tờ khai", "Filing type"));
		labels.put(header + "/soLan", new LocalizedText("Số lần bổ sung", "Supplement number"));
		labels.put(header + "/KyKKhaiThue", new LocalizedText("Kỳ tính thuế", "Tax period"));
		labels.put(header + "/KyKKhaiThue/kieuKy", new LocalizedText("Loại kỳ tính thuế", "Period kind"));
		labels.put(header + "/KyKKhaiThue/kyKKhai", new LocalizedText("Kỳ tính thuế", "Tax period"));
		labels.put(header + "/KyKKhaiThue/kyKKhaiTuNgay", new LocalizedText("Kỳ tính thuế từ ngày", "First day of the period"));
		labels.put(header + "/KyKKhaiThue/kyKKhaiDenNgay", new LocalizedText("Kỳ tính thuế đến ngày", "Last day of the period"));
		labels.put(header + "/KyKKhaiThue/kyKKhaiTuThang", new LocalizedText("Kỳ tính thuế từ tháng", "First month of the period"));
		labels.put(header + "/KyKKhaiThue/kyKKhaiDenThang", new LocalizedText("Kỳ tính thuế đến tháng", "Last month of the period"));
		labels.put(header + "/maCQTNoiNop", new LocalizedText("Mã cơ quan thuế nơi nộp", "Tax office code"));
		labels.put(header + "/tenCQTNoiNop", new LocalizedText("Tên cơ quan thuế nơi nộp", "Tax office name"));
		labels.put(header + "/ngayLapTKhai", new LocalizedText("Ngày lập tờ khai", "Date the return was made"));
		labels.put(header + "/GiaHan", new LocalizedText("Gia hạn nộp", "Extension"));
		labels.put(header + "/GiaHan/maLyDoGiaHan", new LocalizedText("Mã lý do gia hạn", "Extension reason code"));
		labels.put(header + "/GiaHan/lyDoGiaHan", new LocalizedText("Lý do gia hạn", "Extension reason"));
		labels.put(header + "/nguoiKy", new LocalizedText("Người ký", "Signatory"));
		labels.put(header + "/ngayKy", new LocalizedText("Ngày ký", "Signing date"));
		labels.put(header + "/nganhNgheKD", new LocalizedText("Ngành nghề kinh doanh", "Business activity"));
		String taxpayer = TTIN + "/NNT";
		labels.put(taxpayer, new LocalizedText("Người nộp thuế", "Taxpayer"));
		labels.put(taxpayer + "/mst", new LocalizedText("Mã số thuế", "Tax code"));
		labels.put(taxpayer + "/tenNNT", new LocalizedText("Tên người nộp thuế", "Taxpayer's name"));
		labels.put(taxpayer + "/dchiNNT", new LocalizedText("Địa chỉ người nộp thuế", "Taxpayer's address"));
		labels.put(taxpayer + "/phuongXa", new LocalizedText("Phường/xã", "Ward or commune"));
		labels.put(taxpayer + "/maHuyenNNT", new LocalizedText("Mã quận/huyện", "District code"));
		labels.put(taxpayer + "/tenHuyenNNT", new LocalizedText("Quận/huyện", "District"));
		labels.put(taxpayer + "/maTinhNNT", new LocalizedText("Mã tỉnh/thành phố", "Province code"));
		labels.put(taxpayer + "/tenTinhNNT", new LocalizedText("Tỉnh/thành phố", "Province"));
		labels.put(taxpayer + "/dthoaiNNT", new LocalizedText("Điện thoại", "Telephone"));
		labels.put(taxpayer + "/faxNNT", new LocalizedText("Fax", "Fax"));
		labels.put(taxpayer + "/emailNNT", new LocalizedText("Email", "Email"));
		String agent = TTIN + "/DLyThue";
		labels.put(agent, new LocalizedText("Đại lý thuế", "Tax agent"));
		labels.put(agent + "/tenDLyThue", new LocalizedText("Tên đại lý thuế", "Tax agent's name"));
		labels.put(agent + "/mstDLyThue", new LocalizedText("Mã số thuế của đại lý thuế", "Tax agent's tax code"));
		labels.put(agent + "/dchiDLyThue", new LocalizedText("Địa chỉ đại lý thuế", "Tax agent's address"));
		labels.put(agent + "/tenHuyenDLyThue", new LocalizedText("Quận/huyện của đại lý thuế", "Tax agent's district"));
		labels.put(agent + "/tenTinhDLyThue", new LocalizedText("Tỉnh/thành phố của đại lý thuế", "Tax agent's province"));
		labels.put(agent + "/dthoaiDLyThue", new LocalizedText("Điện thoại của đại lý thuế", "Tax agent's telephone"));
		labels.put(agent + "/faxDLyThue", new LocalizedText("Fax của đại lý thuế", "Tax agent's fax"));
		labels.put(agent + "/emailDLyThue", new LocalizedText("Email của đại lý thuế", "Tax agent's email"));
		labels.put(agent + "/soHDongDLyThue", new LocalizedText("Số hợp đồng đại lý thuế", "Tax agent contract number"));
		labels.put(agent + "/ngayKyHDDLyThue", new LocalizedText("Ngày ký hợp đồng đại lý thuế", "Tax agent contract date"));
		return Map.copyOf(labels);
	}

}
