package etax.declaration.payable;

import java.time.LocalDate;

import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VoucherPeriodsTests {

	@Test
	void writesPeriodsAsThePaymentVoucherDoes() {
		assertThat(VoucherPeriods.of(new TaxPeriod("M", "10/2025", null, null))).isEqualTo("00/10/2025");
		assertThat(VoucherPeriods.of(new TaxPeriod("Q", "2/2026", null, null))).isEqualTo("00/Q2/2026");
		assertThat(VoucherPeriods.of(new TaxPeriod("Y", "2024", null, null))).isEqualTo("00/CN/2024");
		assertThat(VoucherPeriods.of(new TaxPeriod("D", "15/04/2026", null, null))).isEqualTo("15/04/2026");
		assertThat(VoucherPeriods.of(new TaxPeriod("K", "", LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"))))
			.isEqualTo("31/03/2026");
	}

}
