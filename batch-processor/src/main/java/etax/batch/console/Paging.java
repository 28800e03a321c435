package etax.batch.console;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a list page stands, with the links to the pages around it: the same address with another
 * {@code page} parameter, so filters stay in the bookmarkable URL. Page numbers come from the address bar,
 * so they are bounded ({@link #at}) and counted in {@code long}: a page past the last shows no rows, and
 * links back to the last page, never to a negative one.
 *
 * @param page from 0
 * @param size rows per page
 * @param total rows in all pages
 * @param previous the previous page's link (the last page's, past the end), null on the first
 * @param next the next page's link, null on the last
 */
public record Paging(int page, int size, long total, @Nullable String previous, @Nullable String next) {

	/** The highest page asked for: far past any table the console lists, and its offset still an int. */
	static final int MAX_PAGE = 1_000_000;

	/**
	 * @param requested the {@code page} parameter as sent
	 * @return the page to show, from 0 to {@value #MAX_PAGE}
	 */
	public static int at(int requested) {
		return Math.max(0, Math.min(requested, MAX_PAGE));
	}

	/**
	 * @param request the current request, whose query is kept
	 * @param page from 0
	 * @param size rows per page
	 * @param total rows in all pages
	 * @return the paging
	 */
	public static Paging of(HttpServletRequest request, int page, int size, long total) {
		int at = at(page);
		long last = Math.max(0, (total + size - 1) / size - 1);
		boolean hasNext = ((long) at + 1) * size < total;
		return new Paging(at, size, total, (at > 0) ? link(request, (int) Math.min(at - 1, last)) : null,
				hasNext ? link(request, at + 1) : null);
	}

	/**
	 * A text filter of a query string: absent when blank.
	 * @param value as sent
	 * @return stripped, or null
	 */
	public static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** @return the first row shown, from 1; 0 when none */
	public long from() {
		long from = (long) this.page * this.size + 1;
		return (from > this.total) ? 0 : from;
	}

	/** @return the last row shown; 0 when none */
	public long to() {
		return (from() == 0) ? 0 : Math.min(this.total, ((long) this.page + 1) * this.size);
	}

	/** @return the page's number as shown, from 1 */
	public long number() {
		return (long) this.page + 1;
	}

	/** @return pages in all, at least 1 */
	public long pages() {
		return Math.max(1, (this.total + this.size - 1) / this.size);
	}

	static String link(HttpServletRequest request, int page) {
		return link(request, "page", page);
	}

	/**
	 * @param request the current request, whose query is kept
	 * @param name a parameter of the query
	 * @param value its new value; null removes it
	 * @return the same address with the parameter replaced
	 */
	static String link(HttpServletRequest request, String name, @Nullable Object value) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
		return ((value != null) ? link.replaceQueryParam(name, value) : link.replaceQueryParam(name)).build()
			.toUriString();
	}

}
