package etax.batch.bulk;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A taxpayer's returns share a partition however their MST is written, so that an original is filed before its
 * supplement.
 */
class ItemPartitionsTests {

	private static final ItemPartitions PARTITIONS = new ItemPartitions(1_000);

	@Test
	void oneTaxpayerWrittenTwoWaysIsInOnePartition() {
		assertThat(PARTITIONS.of(1, of("0313829148001"))).isEqualTo(PARTITIONS.of(2, of("0313829148-001")));
		assertThat(PARTITIONS.of(1, of("0313829148000"))).isEqualTo(PARTITIONS.of(2, of("0313829148")))
			.isEqualTo(PARTITIONS.of(3, of(" 0313829148-000 ")));
	}

	@Test
	void aReturnWithoutATaxpayerGoesByItsNumber() {
		assertThat(PARTITIONS.of(7, "<HSoThueDTu/>".getBytes(StandardCharsets.UTF_8))).isEqualTo(6);
	}

	private static byte[] of(String mst) {
		return ("<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><HSoKhaiThue><TTinChung><TTinTKhaiThue>"
				+ "<NNT><mst>" + mst + "</mst></NNT></TTinTKhaiThue></TTinChung></HSoKhaiThue></HSoThueDTu>")
			.getBytes(StandardCharsets.UTF_8);
	}

}
