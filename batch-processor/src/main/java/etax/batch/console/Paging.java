package etax.batch.console;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a list page stands, with the links to the pages around it: the same address with another
 * {@code page} parameter, so filters stay in the bookmarkable URL.
 *
 * @param page from 0
 * @param size rows per page
 * @param total rows in all pages
 * @param previous the previous page's link, null on the first
 * @param next the next page's link, null on the last
 */
public record Paging(int page, int size, long total, @Nullable String previous, @Nullable String next) {

	/**
	 * @param request the current request, whose query is kept
	 * @param page from 0
	 * @param size rows per page
	 * @param total rows in all pages
	 * @return the paging
	 */
	public static Paging of(HttpServletRequest request, int page, int size, long total) {
		boolean hasNext = (long) (page + 1) * size < total;
		return new Paging(page, size, total, (page > 0) ? link(request, page - 1) : null,
				hasNext ? link(request, page + 1) : null);
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
		return (this.total == 0) ? 0 : (long) this.page * this.size + 1;
	}

	/** @return the last row shown */
	public long to() {
		return Math.min(this.total, (long) (this.page + 1) * this.size);
	}

	/** @return pages in all, at least 1 */
	public long pages() {
		return Math.max(1, (this.total + this.size - 1) / this.size);
	}

	private static String link(HttpServletRequest request, int page) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("page", page)
			.build()
			.toUriString();
	}

}
