package etax.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How findings name an element: by the label the form catalog gives it, in the finding's language. */
class ElementNamesTests {

	private static final String BODY = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh";

	private static final String PLUC = "/HSoThueDTu/HSoKhaiThue/PLuc";

	private final ElementNames gtgt = names("842", "2.8.3");

	@Test
	void anIndicatorIsNamedByItsLabelInEachLanguage() {
		ElementNames.Name name = this.gtgt.at(BODY + "/GiaTriVaThueGTGTHHDVMuaVao/ct23");

		assertThat(name.label()).isEqualTo(new LocalizedText("[23] Giá trị hàng hóa, dịch vụ mua vào", "[23] Purchases, value"));
		assertThat(name.vi()).isEqualTo("chỉ tiêu [23] Giá trị hàng hóa, dịch vụ mua vào (ct23)");
		assertThat(name.viStart()).isEqualTo("Chỉ tiêu [23] Giá trị hàng hóa, dịch vụ mua vào (ct23)");
		assertThat(name.en()).isEqualTo("[23] Purchases, value (ct23)");
	}

	@Test
	void aLabelWithoutAPrintedNumberIsNotCalledAnIndicator() {
		ElementNames.Name name = this.gtgt.at(BODY + "/tieuMucHachToan");

		assertThat(name.vi()).isEqualTo("tiểu mục hạch toán (tieuMucHachToan)");
		assertThat(name.viStart()).isEqualTo("Tiểu mục hạch toán (tieuMucHachToan)");
		assertThat(name.en()).isEqualTo("budget sub-item (tieuMucHachToan)");
		assertThat(name.enStart()).isEqualTo("Budget sub-item (tieuMucHachToan)");
	}

	@Test
	void anElementWithoutALabelIsNamedByItsLocalName() {
		ElementNames.Name name = this.gtgt.at(BODY + "/ten_NganhNghe");

		assertThat(name.label()).isNull();
		assertThat(name.vi()).isEqualTo("phần tử ten_NganhNghe");
		assertThat(name.en()).isEqualTo("element ten_NganhNghe");
		assertThat(this.gtgt.at(BODY + "/ct99").en()).isEqualTo("element ct99");
	}

	@Test
	void aColumnIsNamedWithItsRowWhenTheTableHasSeveral() {
		String rows = PLUC + "/PL01_KHBS/DieuChinhTheoTieuMuc/ChiTiet";

		ElementNames.Name third = this.gtgt.at(rows + "[3]/ct10");
		ElementNames.Name only = this.gtgt.at(rows + "/ct10");

		assertThat(third.row()).isEqualTo(3);
		assertThat(third.vi()).isEqualTo("chỉ tiêu [10] Số thuế phải nộp tăng (+)/giảm (−) (ct10) ở dòng 3");
		assertThat(third.en()).isEqualTo("[10] Tax payable increase (+) / decrease (−) (ct10) in row 3");
		assertThat(only.row()).isZero();
		assertThat(only.vi()).isEqualTo("chỉ tiêu [10] Số thuế phải nộp tăng (+)/giảm (−) (ct10)");
		assertThat(this.gtgt.tableOfRow(rows + "[21]")).extracting(FormSpec.Table::name).isEqualTo("DieuChinhTheoTieuMuc");
		assertThat(this.gtgt.tableOfRow(rows + "[2]/ct10")).isNull();
	}

	@Test
	void anAppendixIsNamedByItsFormAndTitle() {
		assertThat(this.gtgt.at(PLUC + "/PL01_KHBS").vi()).isEqualTo("phụ lục 01/KHBS \"Tờ khai bổ sung\" (PL01_KHBS)");
		assertThat(this.gtgt.at(PLUC + "/PL01_KHBS").enStart())
			.isEqualTo("Appendix 01/KHBS \"Supplementary return summary\" (PL01_KHBS)");
		assertThat(this.gtgt.at(PLUC + "/PLuc_01_2_GTGT").viStart())
			.isEqualTo("Phụ lục \"Bảng phân bổ thuế GTGT của hoạt động thủy điện\" (PLuc_01_2_GTGT)");
	}

	@Test
	void envelopeFieldsHaveLabelsOfTheirOwn() {
		String taxpayer = "/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue/NNT";

		assertThat(this.gtgt.at(taxpayer + "/mst").viStart()).isEqualTo("Mã số thuế (mst)");
		assertThat(this.gtgt.at(taxpayer + "/mst").enStart()).isEqualTo("Tax code (mst)");
		assertThat(ElementNames.of(null).at(taxpayer + "/tenNNT").vi()).isEqualTo("tên người nộp thuế (tenNNT)");
		assertThat(ElementNames.of(null).at(BODY + "/ct40").vi()).isEqualTo("phần tử ct40");
		assertThat(ElementNames.of(null).at(BODY).en()).isEqualTo("the return's body (CTieuTKhaiChinh)");
		assertThat(ElementNames.of(null).at(BODY).vi()).isEqualTo("nội dung tờ khai (CTieuTKhaiChinh)");
	}

	/** The same name is another indicator in another form: labels come from the return's own form version. */
	@Test
	void labelsAreTheFormVersions() {
		ElementNames land = names("1185", "1.0.2");

		assertThat(land.at(BODY + "/ct17").label()).isNotNull();
		assertThat(land.at(BODY + "/ct17").en()).startsWith("[17] Kind of income");
		assertThat(this.gtgt.at(BODY + "/ct17").label()).isNull();
		assertThat(land.at(BODY + "/ChuSoHuu/ChiTiet[2]/soDinhDanh").en()).as("an acronym keeps its capitals")
			.isEqualTo("MST or personal ID (soDinhDanh) in row 2");
	}

	@Test
	void theElementsAroundAndInside() {
		assertThat(this.gtgt.parent(BODY + "/ct41").vi()).isEqualTo("nội dung tờ khai (CTieuTKhaiChinh)");
		assertThat(this.gtgt.child(BODY, "ct40").en()).isEqualTo("[40] VAT still payable (ct40)");
		assertThat(this.gtgt.formVi()).isEqualTo("mẫu 01/GTGT");
		assertThat(this.gtgt.formEn()).isEqualTo("form 01/GTGT");
		assertThat(ElementNames.of(null).formVi()).isEqualTo("mẫu tờ khai");
	}

	private static ElementNames names(String maTKhai, String version) {
		return ElementNames.of(FormCatalog.load().entry(maTKhai, version).orElseThrow().compiled());
	}

}
