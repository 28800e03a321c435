package etax.schemas;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a filer calls an element of a return: the printed label the form catalog gives it ({@code [40] Thuế GTGT
 * còn phải nộp trong kỳ} for {@code ct40} of 01/GTGT), the name of an appendix, the label of an envelope field,
 * else its local name; and, inside a table, the row it is in. Built from the form version's layout only for a
 * return that failed its XSD, when its findings are written: a valid return never pays for it.
 */
final class ElementNames {

	private static final String ROOT = "/HSoThueDTu";

	private static final String RETURN = ROOT + "/HSoKhaiThue";

	private static final String TTIN = RETURN + "/TTinChung/TTinTKhaiThue";

	/** The envelope's fields, by XPath: the same for every form, not in any form spec. */
	private static final Map<String, LocalizedText> ENVELOPE = envelope();

	private final Map<String, LocalizedText> labels;

	private final Map<String, FormSpec.Table> rows;

	private final @Nullable String formCode;

	private ElementNames(Map<String, LocalizedText> labels, Map<String, FormSpec.Table> rows, @Nullable String formCode) {
		this.labels = labels;
		this.rows = rows;
		this.formCode = formCode;
	}

	/**
	 * The names of a form version's elements.
	 * @param form the version the return claims, or {@code null} when it is not known (envelope names only)
	 * @return the names
	 */
	static ElementNames of(@Nullable CompiledForm form) {
		Map<String, LocalizedText> labels = new HashMap<>(ENVELOPE);
		Map<String, FormSpec.Table> rows = new HashMap<>();
		if (form == null) {
			return new ElementNames(labels, rows, null);
		}
		for (Layout.FieldSlot slot : form.layout.fields()) {
			if (slot.field().label() != null) {
				labels.put(slot.xpath(), slot.field().label());
			}
		}
		for (Layout.TableSlot slot : form.layout.tables()) {
			String row = slot.xpath() + "/" + slot.table().row();
			rows.put(row, slot.table());
			for (FormSpec.Field column : slot.table().columns()) {
				if (column.label() != null) {
					labels.put(row + "/" + column.name(), column.label());
				}
			}
		}
		for (Layout.AppendixSlot slot : form.layout.appendices()) {
			LocalizedText name = slot.appendix().name();
			if (name != null) {
				String code = (slot.appendix().form() != null) ? slot.appendix().form() + " " : "";
				labels.put(slot.xpath(), new LocalizedText("Phụ lục " + code + "\"" + name.vi() + "\"",
						"Appendix " + code + "\"" + name.en() + "\""));
			}
		}
		return new ElementNames(labels, rows, form.version.formCode());
	}

	/**
	 * The element a finding is about.
	 * @param xpath the finding's XPath, positional predicates included
	 * @return its name
	 */
	Name at(String xpath) {
		StringBuilder path = new StringBuilder(xpath.length());
		int row = 0;
		String localName = "";
		for (String step : xpath.split("/")) {
			if (step.isEmpty()) {
				continue;
			}
			int predicate = step.indexOf('[');
			localName = (predicate < 0) ? step : step.substring(0, predicate);
			path.append('/').append(localName);
			if (predicate > 0 && this.rows.containsKey(path.toString())) {
				row = position(step.substring(predicate + 1, step.length() - 1));
			}
		}
		return new Name(localName, this.labels.get(path.toString()), row);
	}

	/**
	 * An element the validator expected inside another, e.g. the indicator missing where another one stands.
	 * @param xpath the XPath of the element it belongs in
	 * @param localName its name
	 * @return its name, as {@link #at(String)} gives it
	 */
	Name child(String xpath, String localName) {
		return at(xpath + "/" + localName);
	}

	/**
	 * The element around another.
	 * @param xpath the XPath of the inner element
	 * @return the outer element's name
	 */
	Name parent(String xpath) {
		int slash = xpath.lastIndexOf('/');
		return at((slash > 0) ? xpath.substring(0, slash) : xpath);
	}

	/**
	 * The table whose rows an element is, if it is one.
	 * @param xpath the element's XPath, positional predicates included
	 * @return the table, or {@code null}
	 */
	FormSpec.@Nullable Table tableOfRow(String xpath) {
		return this.rows.get(xpath.replaceAll("\\[[0-9]+\\]", ""));
	}

	/** The form, as a message names it: {@code mẫu 01/GTGT}. */
	String formVi() {
		return (this.formCode != null) ? "mẫu " + this.formCode : "mẫu tờ khai";
	}

	/** The form, as a message names it: {@code form 01/GTGT}. */
	String formEn() {
		return (this.formCode != null) ? "form " + this.formCode : "the form";
	}

	private static int position(String number) {
		try {
			return Integer.parseInt(number);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * What a message calls an element: its label with its local name in brackets, else the local name alone;
	 * an indicator's label (printed number first) is called {@code chỉ tiêu} in Vietnamese.
	 * @param localName the element's local name
	 * @param label the catalog's label, or {@code null}
	 * @param row the row of a table it is in (1 for the first), 0 when it is in none or in the only one
	 */
	record Name(String localName, @Nullable LocalizedText label, int row) {

		/** As a Vietnamese sentence names it inside: {@code chỉ tiêu [40] Thuế GTGT còn phải nộp trong kỳ (ct40)}. */
		String vi() {
			String name;
			if (this.label == null) {
				name = "phần tử " + this.localName;
			}
			else {
				name = (indicator(this.label.vi()) ? "chỉ tiêu " : "") + inside(this.label.vi()) + " (" + this.localName
						+ ")";
			}
			return (this.row > 0) ? name + " ở dòng " + this.row : name;
		}

		/** As an English sentence names it inside: {@code [40] VAT still payable (ct40)}. */
		String en() {
			String name = (this.label != null) ? inside(this.label.en()) + " (" + this.localName + ")"
					: "element " + this.localName;
			return (this.row > 0) ? name + " in row " + this.row : name;
		}

		/** As a Vietnamese sentence starts with it. */
		String viStart() {
			return NoticeText.capitalized(vi());
		}

		/** As an English sentence starts with it. */
		String enStart() {
			return NoticeText.capitalized(en());
		}

		private static boolean indicator(String label) {
			return label.length() > 1 && (label.charAt(0) == '[' || label.charAt(0) == '(')
					&& Character.isDigit(label.charAt(1));
		}

		/** A label inside a sentence: {@code Mã số thuế} as {@code mã số thuế}, but {@code MST or personal ID} as is. */
		private static String inside(String label) {
			return (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1)))
					? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
		}

	}

	private static Map<String, LocalizedText> envelope() {
		Map<String, LocalizedText> labels = new HashMap<>();
		labels.put(ROOT, new LocalizedText("Hồ sơ thuế điện tử", "Electronic tax file"));
		labels.put(RETURN, new LocalizedText("Hồ sơ khai thuế", "Tax return"));
		labels.put(ROOT + "/CKyDTu", new LocalizedText("Chữ ký số", "Digital signature"));
		labels.put(RETURN + "/TTinChung", new LocalizedText("Thông tin chung", "General information"));
		labels.put(RETURN + "/CTieuTKhaiChinh", new LocalizedText("Nội dung tờ khai", "Body of the return"));
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
