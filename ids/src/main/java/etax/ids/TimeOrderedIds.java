package etax.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562, section 5.7): the first 48 bits are the Unix time in milliseconds, the
 * remaining 74 bits after the version and variant are random. Ids made later sort after ids made earlier
 * (within a millisecond, in any order), so a table keyed by them grows at the right edge of its B-tree:
 * an insert touches the pages the previous inserts touched, where a random key (version 4) lands on any
 * page of an index that, at millions of returns or ledger lines, no longer fits in memory, and dirties a
 * page per row for the next checkpoint to write in full. The random part comes from the same kind of
 * source as {@link UUID#randomUUID()}, so ids made by several processes in the same millisecond do not
 * collide. The time in an id is when it was made, nothing more: never read it back as a business date.
 */
public final class TimeOrderedIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeOrderedIds() {
	}

	/** @return a new id, ordered after the ids made in earlier milliseconds */
	public static UUID next() {
		return at(System.currentTimeMillis(), RANDOM);
	}

	static UUID at(long unixMillis, SecureRandom random) {
		byte[] bits = new byte[10];
		random.nextBytes(bits);
		long mostSignificant = (unixMillis << 16) | 0x7000L | ((bits[0] & 0x0FL) << 8) | (bits[1] & 0xFFL);
		long leastSignificant = 0L;
		for (int i = 2; i < 10; i++) {
			leastSignificant = (leastSignificant << 8) | (bits[i] & 0xFFL);
		}
		leastSignificant = (leastSignificant & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
