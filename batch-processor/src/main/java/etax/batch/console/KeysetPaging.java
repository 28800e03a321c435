package etax.batch.console;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a list stands that another service pages from the last row shown (its {@code next}), not by
 * number: a work queue whose rows leave as officers act on them, where a page number would skip the rows after
 * those that left. It links to the first page and to the next one: the same address with the {@code after}
 * parameter removed or replaced.
 *
 * @param rows rows this page shows
 * @param total rows in all pages, as the service counted them
 * @param first the first page's link, null on the first page
 * @param next the next page's link, null on the last
 */
public record KeysetPaging(int rows, long total, @Nullable String first, @Nullable String next) {

	/**
	 * @param request the current request, whose query is kept
	 * @param after the {@code after} this page was asked for, null on the first page
	 * @param rows rows the page came back with
	 * @param total rows in all pages
	 * @param next the service's {@code next}, null on the last page
	 * @return the paging
	 */
	public static KeysetPaging of(HttpServletRequest request, @Nullable String after, int rows, long total,
			@Nullable String next) {
		return new KeysetPaging(rows, total, (after != null) ? Paging.link(request, "after", null) : null,
				(next != null) ? Paging.link(request, "after", next) : null);
	}

}
