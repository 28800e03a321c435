package etax.payment.overpayment;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Where a page of a taxpayer's overpayment requests goes on from, written as the previous page's {@code next}: the
 * last request it listed, by the order of the list (the latest recorded first, then by id). Officers record requests
 * while others page through them: an offset would show a request twice as new ones push the others down.
 *
 * @param requestedAt when the last request listed was recorded
 * @param requestId that request
 */
public record OverpaymentRequestCursor(Instant requestedAt, UUID requestId) {

	/**
	 * The times a request may have: years 1 to 9999. Java reads far wider ones, PostgreSQL wider ones too, and one it
	 * cannot hold would fail the query rather than name a page.
	 */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	/**
	 * @param text a page's {@code next}
	 * @return the cursor
	 * @throws IllegalArgumentException if the text is no {@code next} of a page of requests
	 */
	public static OverpaymentRequestCursor parse(String text) {
		int at = text.indexOf('_');
		Instant requestedAt;
		UUID requestId;
		try {
			requestedAt = Instant.parse(text.substring(0, Math.max(at, 0)));
			requestId = UUID.fromString(text.substring(at + 1));
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("before is the next of a previous page of the requests", ex);
		}
		if (requestedAt.isBefore(EARLIEST) || requestedAt.isAfter(LATEST)) {
			throw new IllegalArgumentException("before is the next of a previous page of the requests: its time is of "
					+ "a year from 1 to 9999");
		}
		return new OverpaymentRequestCursor(requestedAt, requestId);
	}

	@Override
	public String toString() {
		return this.requestedAt + "_" + this.requestId;
	}

}
