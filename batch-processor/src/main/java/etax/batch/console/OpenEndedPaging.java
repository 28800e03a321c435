package etax.batch.console;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a list stands whose total is not told (another service's list that answers pages, not
 * counts): there may be a next page when this one came back full, and there is none when it did not. A full
 * last page therefore links to a next page that shows no rows, which links back. Links are the same address
 * with another {@code page} parameter, as {@link Paging}'s.
 *
 * @param page from 0
 * @param size rows asked for per page
 * @param rows rows this page came back with
 * @param previous the previous page's link, null on the first
 * @param next the next page's link, null when this page was not full
 */
public record OpenEndedPaging(int page, int size, int rows, @Nullable String previous, @Nullable String next) {

	/**
	 * @param request the current request, whose query is kept
	 * @param page from 0, as {@link Paging#at} bounds it
	 * @param size rows asked for per page
	 * @param rows rows the page came back with
	 * @return the paging
	 */
	public static OpenEndedPaging of(HttpServletRequest request, int page, int size, int rows) {
		return of(request, page, size, rows, Paging.MAX_PAGE);
	}

	/**
	 * @param request the current request, whose query is kept
	 * @param page from 0, at most {@code lastPage}
	 * @param size rows asked for per page
	 * @param rows rows the page came back with
	 * @param lastPage the last page the list answers: it links to no next page, which would show it again
	 * @return the paging
	 */
	public static OpenEndedPaging of(HttpServletRequest request, int page, int size, int rows, int lastPage) {
		int at = Math.min(Paging.at(page), lastPage);
		boolean full = rows >= size && at < lastPage;
		return new OpenEndedPaging(at, size, rows, (at > 0) ? Paging.link(request, at - 1) : null,
				full ? Paging.link(request, at + 1) : null);
	}

	/** @return the first row shown, from 1; 0 when none */
	public long from() {
		return (this.rows == 0) ? 0 : (long) this.page * this.size + 1;
	}

	/** @return the last row shown; 0 when none */
	public long to() {
		return (this.rows == 0) ? 0 : (long) this.page * this.size + this.rows;
	}

	/** @return the page's number as shown, from 1 */
	public long number() {
		return (long) this.page + 1;
	}

}
