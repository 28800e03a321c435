package etax.schemas;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnTaxpayerTests {

	private static final String SAMPLE = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"),
			StandardCharsets.UTF_8);

	@Test
	void readsTheMstTheReturnNames() {
		assertThat(ReturnTaxpayer.mst(bytes(SAMPLE))).hasValue("0313829148");
		assertThat(ReturnTaxpayer.mst(bytes(SAMPLE.replace("<mst>0313829148</mst>", "<mst>\n 0100109106-001 </mst>"))))
			.hasValue("0100109106-001");
	}

	@Test
	void hasNoneForWhatItCannotRead() {
		assertThat(ReturnTaxpayer.mst(bytes("not xml"))).isEmpty();
		assertThat(ReturnTaxpayer.mst(bytes(SAMPLE.replace("<mst>0313829148</mst>", "<mst/>")))).isEmpty();
		assertThat(ReturnTaxpayer.mst(bytes(SAMPLE.replace("TTinChung>", "TTinKhac>")))).as("not where a return has it")
			.isEmpty();
		assertThat(ReturnTaxpayer.mst(bytes(SAMPLE.replace("xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"",
				"xmlns=\"urn:other\"")))).as("another namespace").isEmpty();
		String entity = "<?xml version=\"1.0\"?><!DOCTYPE HSoThueDTu [<!ENTITY m \"0313829148\">]>"
				+ "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><HSoKhaiThue><TTinChung><TTinTKhaiThue>"
				+ "<NNT><mst>&m;</mst></NNT></TTinTKhaiThue></TTinChung></HSoKhaiThue></HSoThueDTu>";
		assertThat(ReturnTaxpayer.mst(bytes(entity))).as("a DOCTYPE is never read").isEmpty();
		assertThat(ReturnTaxpayer.mst(bytes("<a>".repeat(500) + "</a>".repeat(500)))).as("past the depth limit")
			.isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
