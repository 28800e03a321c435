package etax.batch.console;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a page of a list without a total stands. */
class OpenEndedPagingTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/taxpayers");

	@Test
	void aFullPageLinksToTheNextButTheLastPageTheListAnswers() {
		this.request.setQueryString("mst=0313829148&page=999");

		OpenEndedPaging full = OpenEndedPaging.of(this.request, 999, 50, 50, 1_000);
		OpenEndedPaging last = OpenEndedPaging.of(this.request, 1_000, 50, 50, 1_000);
		OpenEndedPaging beyond = OpenEndedPaging.of(this.request, 1_001, 50, 50, 1_000);

		assertThat(full.next()).contains("page=1000");
		assertThat(last.next()).as("page 1,001 would show page 1,000 again").isNull();
		assertThat(beyond.page()).isEqualTo(1_000);
		assertThat(OpenEndedPaging.of(this.request, 3, 50, 49, 1_000).next()).as("not full").isNull();
	}

}
