package etax.batch.bulk;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressedOfficeTests {

	private static final String HEADER = "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><HSoKhaiThue>"
			+ "<TTinChung><TTinTKhaiThue><TKhaiThue><maTKhai>842</maTKhai>";

	private static final String END = "</TKhaiThue></TTinTKhaiThue></TTinChung></HSoKhaiThue></HSoThueDTu>";

	@Test
	void readsTheTaxOfficeTheReturnIsAddressedTo() {
		assertThat(AddressedOffice.of(bytes(HEADER + "<maCQTNoiNop> 70129 </maCQTNoiNop>" + END))).contains("70129");
	}

	@Test
	void aReturnWithoutOneOrUnreadableHasNone() {
		assertThat(AddressedOffice.of(bytes(HEADER + END))).isEmpty();
		assertThat(AddressedOffice.of(bytes(HEADER + "<maCQTNoiNop></maCQTNoiNop>" + END))).isEmpty();
		assertThat(AddressedOffice.of(bytes("<HSoThueDTu><maCQTNoiNop>70129</maCQTNoiNop></HSoThueDTu>")))
			.as("not at its place")
			.isEmpty();
		assertThat(AddressedOffice.of(bytes("not even xml"))).isEmpty();
		assertThat(AddressedOffice.of(bytes("<!DOCTYPE HSoThueDTu [<!ENTITY o \"70129\">]>" + HEADER
				+ "<maCQTNoiNop>&o;</maCQTNoiNop>" + END)))
			.as("no DOCTYPE, so no entity")
			.isEmpty();
	}

	private static byte[] bytes(String xml) {
		return xml.getBytes(StandardCharsets.UTF_8);
	}

}
