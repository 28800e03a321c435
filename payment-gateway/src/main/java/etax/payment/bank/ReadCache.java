package etax.payment.bank;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the registry read from the database, by id, for a while: absent ids too, so that a flood of unknown
 * ones costs one query per id and period. Bounded, the least recently used id dropped first: the ids come
 * from the records, so whoever can produce to the topic chooses them, and an unbounded map would let random
 * ids grow the heap without end. A dropped id is simply read again.
 */
final class ReadCache<T> {

	private final int capacity;

	private final Map<String, Entry<T>> entries;

	ReadCache(int capacity) {
		this.capacity = capacity;
		this.entries = new LinkedHashMap<>(16, 0.75f, true);
	}

	/**
	 * The value of an id, read again once older than the ttl. The database is read outside the lock: two
	 * threads may read the same id at once, which costs a query, never a wrong answer.
	 */
	T get(String id, Instant now, Duration ttl, Function<String, T> load) {
		Entry<T> entry;
		synchronized (this) {
			entry = this.entries.get(id);
		}
		if (entry != null && !entry.loadedAt().plus(ttl).isBefore(now)) {
			return entry.value();
		}
		T value = load.apply(id);
		synchronized (this) {
			this.entries.put(id, new Entry<>(value, now));
			if (this.entries.size() > this.capacity) {
				this.entries.remove(this.entries.keySet().iterator().next());
			}
		}
		return value;
	}

	synchronized int size() {
		return this.entries.size();
	}

	private record Entry<T>(T value, Instant loadedAt) {

	}

}
