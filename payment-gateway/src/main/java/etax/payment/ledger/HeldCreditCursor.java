package etax.payment.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a page of held credits goes on from, written as the previous page's {@code next}: the last credit it
 * listed, by the order of its list. Officers resolve credits while others page through them, and a credit leaves
 * the list of unresolved ones as it is resolved: an offset would skip the credits after it.
 *
 * @param createdSeq the last unresolved credit's sequence number (oldest first)
 * @param resolvedAt the last resolved credit's resolution time (latest first), or null for unresolved credits
 * @param creditId the last resolved credit, or null for unresolved credits
 */
public record HeldCreditCursor(long createdSeq, @Nullable Instant resolvedAt, @Nullable UUID creditId) {

	/**
	 * The times a resolution may have: years 1 to 9999. Java reads far wider ones, PostgreSQL wider ones too, and
	 * one it cannot hold would fail the query rather than name a page.
	 */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	static HeldCreditCursor unresolved(long createdSeq) {
		return new HeldCreditCursor(createdSeq, null, null);
	}

	static HeldCreditCursor resolved(Instant resolvedAt, UUID creditId) {
		return new HeldCreditCursor(0, resolvedAt, creditId);
	}

	/**
	 * @param text a page's {@code next}
	 * @param resolved whether it is of the list of resolved credits
	 * @return the cursor
	 * @throws IllegalArgumentException if the text is no {@code next} of such a list
	 */
	public static HeldCreditCursor parse(String text, boolean resolved) {
		try {
			if (!resolved) {
				return unresolved(Long.parseLong(text));
			}
			int at = text.indexOf('_');
			if (at < 0) {
				throw new IllegalArgumentException("after is the next of a page of resolved credits");
			}
			Instant resolvedAt = Instant.parse(text.substring(0, at));
			if (resolvedAt.isBefore(EARLIEST) || resolvedAt.isAfter(LATEST)) {
				throw new IllegalArgumentException("after is the next of a previous page of the same list: its time "
						+ "is of a year from 1 to 9999");
			}
			return resolved(resolvedAt, UUID.fromString(text.substring(at + 1)));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException("after is the next of a previous page of the same list", ex);
		}
	}

	@Override
	public String toString() {
		return (this.resolvedAt == null) ? Long.toString(this.createdSeq) : this.resolvedAt + "_" + this.creditId;
	}

}
