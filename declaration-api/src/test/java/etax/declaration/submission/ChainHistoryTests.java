package etax.declaration.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHistoryTests {

	private static final Instant AT = Instant.parse("2026-05-10T03:00:00Z");

	@Test
	void eachReturnIsComparedWithTheAcceptedReturnInForceWhenItArrived() {
		ChainHistory.Member original = member("C", 0, ReturnStatus.ACCEPTED, Map.of("ct40", "22000000", "ct9", "1"));
		ChainHistory.Member refused = member("B", 2, ReturnStatus.NOT_ACCEPTED, Map.of("ct40", "1", "ct9", "1"));
		ChainHistory.Member supplement = member("B", 1, ReturnStatus.ACCEPTED,
				Map.of("ct40", "25000000", "ct10", "5", "ct40a", "3"));

		List<ChainedReturn> history = ChainHistory.of(List.of(original, refused, supplement), (id) -> List.of());

		assertThat(history).extracting(ChainedReturn::current).containsExactly(false, false, true);
		assertThat(history).extracting(ChainedReturn::comparedWith).containsExactly(null, original.id(), original.id());
		assertThat(history.get(1).changes()).containsExactly(new ChainedReturn.IndicatorChange("ct40", "22000000", "1"));
		assertThat(history.get(2).changes()).containsExactly(new ChainedReturn.IndicatorChange("ct9", "1", null),
				new ChainedReturn.IndicatorChange("ct10", null, "5"),
				new ChainedReturn.IndicatorChange("ct40", "22000000", "25000000"),
				new ChainedReturn.IndicatorChange("ct40a", null, "3"));
	}

	@Test
	void aChainWithoutAnAcceptedReturnHasNoneInForce() {
		List<ChainedReturn> history = ChainHistory.of(
				List.of(member("C", 0, ReturnStatus.NOT_ACCEPTED, Map.of("ct40", "1"))), (id) -> List.of());

		assertThat(history).singleElement().satisfies((only) -> {
			assertThat(only.current()).isFalse();
			assertThat(only.changes()).isEmpty();
		});
	}

	private static ChainHistory.Member member(String type, int number, ReturnStatus status, Map<String, String> indicators) {
		return new ChainHistory.Member(UUID.randomUUID(), "TX" + number, type, number, status, AT, indicators);
	}

}
