package etax.payment.arrears;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArrearsNoticeTests {

	@Test
	void totalsTaxFinesAndInterestApart() {
		ArrearsNotice notice = ArrearsNotice.of("0313829148", YearMonth.of(2026, 6), Instant.EPOCH,
				List.of(item("TAX", "1701", 22_000_000), item("TAX", "1052", 1_000_000), item("PENALTY", "4254", 5_000_000),
						item("INTEREST", "4931", 99_000)));

		assertThat(notice.totalTax()).isEqualByComparingTo("23000000");
		assertThat(notice.totalPenalty()).isEqualByComparingTo("5000000");
		assertThat(notice.totalInterest()).isEqualByComparingTo("99000");
		assertThat(notice.asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
	}

	private static ArrearsNotice.Item item(String kind, String subItem, long outstanding) {
		return new ArrearsNotice.Item(kind + subItem, kind, "754", subItem, "00/Q1/2026", LocalDate.of(2026, 5, 4),
				BigDecimal.valueOf(outstanding), 57);
	}

}
