package etax.declaration.submission;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.filer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Files and dry-runs returns as the tests' T-VAN, and reads the acceptance notice of one: the requests of many tests. */
final class FilingCalls {

	private final MockMvc mvc;

	private final JsonMapper json;

	FilingCalls(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** @return the receipt of the return, filed (201) */
	JsonNode file(String xml) throws Exception {
		return call(post("/api/v1/returns"), xml, 201);
	}

	/** @return the answer of the dry run (200) */
	JsonNode validate(String xml) throws Exception {
		return call(post("/api/v1/returns:validate"), xml, 200);
	}

	/** @return the acceptance notice of a receipt, as XML */
	String notice(JsonNode receipt) throws Exception {
		return new String(this.mvc
			.perform(get("/api/v1/receipts/" + receipt.get("transactionCode").asString()).with(filer())
				.accept(MediaType.APPLICATION_XML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private JsonNode call(MockHttpServletRequestBuilder request, String xml, int expectedStatus) throws Exception {
		return this.json.readTree(this.mvc
			.perform(request.with(filer()).contentType(MediaType.APPLICATION_XML).content(xml.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().is(expectedStatus))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
