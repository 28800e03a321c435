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

	@Test
	void isAnnouncedInPartsOfAtMostTwoThousandItemsEachWithTheTotals() {
		List<ArrearsNotice.Item> items = java.util.stream.IntStream.range(0, 4_500)
			.mapToObj((day) -> item("INTEREST", "4931", 3_000))
			.toList();
		ArrearsNotice notice = ArrearsNotice.of("0313829148", YearMonth.of(2026, 6), Instant.EPOCH, items);

		List<ArrearsNotified> parts = ArrearsNotified.parts(notice);

		assertThat(parts).extracting((part) -> part.items().size()).containsExactly(2_000, 2_000, 500);
		assertThat(parts).extracting(ArrearsNotified::part).containsExactly(1, 2, 3);
		assertThat(parts).allSatisfy((part) -> {
			assertThat(part.parts()).isEqualTo(3);
			assertThat(part.noticeId()).isEqualTo(notice.noticeId());
			assertThat(part.totalInterest()).isEqualByComparingTo("13500000");
		});
		assertThat(parts.get(0).eventId()).isEqualTo(notice.noticeId());
		assertThat(parts).extracting(ArrearsNotified::eventId).doesNotHaveDuplicates();
		assertThat(ArrearsNotified.parts(notice)).as("announced again: the same events")
			.extracting(ArrearsNotified::eventId)
			.containsExactlyElementsOf(parts.stream().map(ArrearsNotified::eventId).toList());
		assertThat(ArrearsNotified.parts(ArrearsNotice.of("0313829148", YearMonth.of(2026, 6), Instant.EPOCH,
				List.of(item("TAX", "1701", 1)))))
			.singleElement()
			.satisfies((only) -> assertThat(only.parts()).isOne());
	}

	private static ArrearsNotice.Item item(String kind, String subItem, long outstanding) {
		return new ArrearsNotice.Item(kind + subItem, kind, "754", subItem, "00/Q1/2026", LocalDate.of(2026, 5, 4),
				BigDecimal.valueOf(outstanding), 57);
	}

}
