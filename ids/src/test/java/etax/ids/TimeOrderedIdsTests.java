package etax.ids;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	@Test
	void anIdIsVersion7WithTheRfcVariantAndItsMillisecondFirst() {
		long millis = Instant.parse("2026-11-29T10:15:30.123Z").toEpochMilli();

		UUID id = TimeOrderedIds.at(millis, new SecureRandom());

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
		assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
	}

	@Test
	void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesThem() {
		SecureRandom random = new SecureRandom();
		long start = Instant.parse("2026-11-29T00:00:00Z").toEpochMilli();
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			made.add(TimeOrderedIds.at(start + i, random).toString());
		}
		// PostgreSQL orders uuid values by their bytes, the order of their text form
		assertThat(made).isSorted();
	}

	@Test
	void idsOfTheSameMillisecondDiffer() {
		SecureRandom random = new SecureRandom();
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(TimeOrderedIds.at(42L, random));
		}
		assertThat(ids).hasSize(100_000);
	}

	@Test
	void aNewIdCarriesTheTimeItWasMade() {
		long before = System.currentTimeMillis();
		UUID id = TimeOrderedIds.next();
		long after = System.currentTimeMillis();

		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
	}

}
