package etax.batch.console;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console page that fails shows the console's error page, not the API's problem+json: a database that could not
 * answer as 503, a defect as 500 with an incident to quote; the API's addresses keep their problems.
 */
class ConsoleErrorPagesTests {

	@Test
	void aDatabaseThatCouldNotAnswerIsAPageOf503() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ModelAndView page = new ConsoleErrorPages().resolveException(new MockHttpServletRequest("GET", "/console/exceptions"),
				response, null, new QueryTimeoutException("SELECT ... 0313829148"));

		assertThat(page).isNotNull();
		assertThat(page.getViewName()).isEqualTo("console/error");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(String.valueOf(page.getModel().get("what"))).contains("try again").doesNotContain("0313829148");
		assertThat(new ConsoleErrorPages().resolveException(new MockHttpServletRequest("GET", "/api/v1/batches"),
				new MockHttpServletResponse(), null, new QueryTimeoutException("x"))).as("the API's stays a problem")
			.isNull();
	}

	@Test
	void aDefectIsAPageOf500WithAnIncident() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ModelAndView page = new ConsoleErrorPages.Unexpected().resolveException(
				new MockHttpServletRequest("GET", "/console/taxpayers"), response, null,
				new IllegalStateException("a bug with 0313829148"));

		assertThat(page).isNotNull();
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(String.valueOf(page.getModel().get("what"))).contains("quote incident").doesNotContain("0313829148");
		assertThat(new ConsoleErrorPages.Unexpected().resolveException(new MockHttpServletRequest("GET", "/api/v1/jobs"),
				new MockHttpServletResponse(), null, new IllegalStateException("x"))).isNull();
	}

}
