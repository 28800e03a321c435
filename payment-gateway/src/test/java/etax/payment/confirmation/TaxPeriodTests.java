package etax.payment.confirmation;

import etax.payment.confirmation.TaxPeriod.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaxPeriodTests {

	@ParameterizedTest
	@CsvSource({ "00/10/2025, MONTH", "00/01/2026, MONTH", "00/12/2026, MONTH", "00/Q1/2026, QUARTER",
			"00/Q4/2025, QUARTER", "00/CN/2024, YEAR", "20/04/2026, OCCURRENCE", "29/02/2024, OCCURRENCE" })
	void readsTheFourFormats(String value, Kind kind) {
		assertThat(new TaxPeriod(value).kind()).isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "10/2025", "00/13/2025", "00/00/2025", "00/Q5/2026", "00/Q0/2026", "00/cn/2024",
			"00/CN/24", "2026-04-20", "31/04/2026", "29/02/2025", "00/1/2026", " 00/10/2025", "00/10/2025 " })
	void rejectsEverythingElse(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> new TaxPeriod(value));
	}

}
