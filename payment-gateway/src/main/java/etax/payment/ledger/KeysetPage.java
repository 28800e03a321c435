package etax.payment.ledger;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of a listing read one row past its size: the rows it shows, and the last of them when more follow, after
 * which the next page starts.
 *
 * @param rows the rows shown
 * @param last the last row shown when more follow, null on the last page
 */
record KeysetPage<T>(List<T> rows, @Nullable T last) {

	/**
	 * @param read at most {@code size + 1} rows, in the listing's order
	 * @param size the rows a page shows
	 * @return the page
	 */
	static <T> KeysetPage<T> of(List<T> read, int size) {
		List<T> rows = List.copyOf(read.subList(0, Math.min(size, read.size())));
		return new KeysetPage<>(rows, (read.size() > size) ? rows.get(size - 1) : null);
	}

}
