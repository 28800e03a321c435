package etax.payment.arrears;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a page of taxpayers is cut into transactions by the items their notices list. */
class NoticePagesTests {

	@Test
	void aGroupTakesTheNextTaxpayerWhileItsItemsFitAndOneWithMoreHasAGroupOfItsOwn() {
		List<String> page = List.of("a", "b", "c", "d", "e", "f");
		Map<String, Long> items = Map.of("a", 2L, "b", 3L, "c", 7L, "d", 1L, "e", 4L, "f", 5L);

		assertThat(NoticePages.groups(page, items, 5)).containsExactly(List.of("a", "b"), List.of("c"),
				List.of("d", "e"), List.of("f"));
		assertThat(NoticePages.groups(page, items, 50_000)).as("the usual page: one transaction")
			.containsExactly(page);
		assertThat(NoticePages.groups(List.of("a", "c"), items, 1)).as("each above the limit alone")
			.containsExactly(List.of("a"), List.of("c"));
	}

	@Test
	void aTaxpayerCountedWithNoItemsTakesNoRoom() {
		assertThat(NoticePages.groups(List.of("a", "x", "b"), Map.of("a", 2L, "b", 3L), 5))
			.containsExactly(List.of("a", "x", "b"));
		assertThat(NoticePages.groups(List.of(), Map.of(), 5)).isEmpty();
	}

}
