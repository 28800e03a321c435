package etax.batch.console.payments;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import etax.batch.console.KeysetPaging;
import etax.batch.console.OfficerClients;
import etax.batch.console.Paging;
import etax.batch.console.ServiceProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.ui.Model;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * A page of one of payment-gateway's officer lists, read with the officer's token (so the gateway applies
 * its own rules to what it answers) and paged by the gateway in SQL: the console asks for the page it
 * shows. A gateway that refuses or does not answer leaves the list empty with its problem in words.
 */
final class GatewayLists {

	/** The most rows the gateway's lists answer in one page. */
	static final int MAX_SIZE = 500;

	private GatewayLists() {
	}

	/**
	 * @param clients the officer's clients
	 * @param path the list's path, e.g. {@code /api/v1/credits/held}
	 * @param type the page's type
	 * @param page from 0
	 * @param size rows per page
	 * @param request the current request, for the paging links
	 * @param model where the rows ({@code rows}), the paging and an error go
	 */
	static <T> void show(OfficerClients clients, String path, ParameterizedTypeReference<GatewayPage<T>> type,
			int page, int size, HttpServletRequest request, Model model) {
		GatewayPage<T> answer = read(clients, type, model,
				(uri) -> uri.path(path).queryParam("page", page).queryParam("size", size).build());
		model.addAttribute("rows", answer.items());
		model.addAttribute("paging", Paging.of(request, page, size, answer.totalElements()));
	}

	/**
	 * A page of a list the gateway pages from the last row shown: the first, or the one after {@code after}.
	 * @param after the gateway's {@code next} of the page before, null for the first
	 * @see #show
	 */
	static <T> void showFrom(OfficerClients clients, String path, ParameterizedTypeReference<GatewayPage<T>> type,
			@Nullable String after, int size, HttpServletRequest request, Model model) {
		// the officer's after as a variable of the template, encoded: written into it, a { was a variable to fill,
		// and the page a 500
		GatewayPage<T> answer = read(clients, type, model, (uri) -> (after == null)
				? uri.path(path).queryParam("size", size).build()
				: uri.path(path).queryParam("after", "{after}").queryParam("size", size).build(after));
		model.addAttribute("rows", answer.items());
		model.addAttribute("paging",
				KeysetPaging.of(request, after, answer.items().size(), answer.totalElements(), answer.next()));
	}

	/** The page the gateway answers; none, and its problem in words in the model, when it refuses or does not answer. */
	private static <T> GatewayPage<T> read(OfficerClients clients, ParameterizedTypeReference<GatewayPage<T>> type,
			Model model, Function<UriBuilder, URI> uri) {
		try {
			GatewayPage<T> answer = clients.gateway().get().uri(uri).retrieve().body(type);
			return (answer != null) ? answer : new GatewayPage<>(List.of(), 0, null);
		}
		catch (RestClientException ex) {
			model.addAttribute("error", ServiceProblem.of("payment-gateway", ex).words());
			return new GatewayPage<>(List.of(), 0, null);
		}
	}

	/**
	 * A page as the gateway answers it.
	 * @param items the rows
	 * @param totalElements rows in all pages
	 * @param next where the next page starts, for a list paged from the last row shown; null on the last
	 */
	record GatewayPage<T>(@Nullable List<T> items, long totalElements, @Nullable String next) {

		@Override
		public List<T> items() {
			return (this.items != null) ? this.items : List.of();
		}

	}

}
