package etax.declaration;

import java.util.UUID;

import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one error shape for everything a caller can get wrong, and for what goes wrong inside: RFC 9457 problems
 * with a stable type that name the parameter at fault, never a framework's default body, a 403 for a path
 * that does not exist, or a taxpayer's data in the log.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(ApiErrorsIntegrationTests.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	@Autowired
	MockMvc mvc;

	@Value("${etax.access.issuer}")
	String issuer;

	@Test
	void theProtectedResourceMetadataNamesTheIssuerAndPlainBearerTokens() throws Exception {
		this.mvc.perform(get("/.well-known/oauth-protected-resource"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authorization_servers[0]").value(this.issuer))
			.andExpect(jsonPath("$.tls_client_certificate_bound_access_tokens").value(false))
			.andExpect(jsonPath("$.bearer_methods_supported[0]").value("header"));
	}

	@Test
	void aControlCharacterInAParameterIsABadRequestNamingIt() throws Exception {
		for (String parameter : new String[] { "mst", "form", "period" }) {
			this.mvc.perform(get("/api/v1/returns").param(parameter, "\u0000").with(filer()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				// what is no MST, control characters or not, is the one problem every MST parameter answers
				.andExpect(jsonPath("$.type").value(PROBLEMS + (parameter.equals("mst") ? "invalid-mst" : "bad-request")))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(parameter + " must")))
				.andExpect(jsonPath("$.errors[0].name").value(parameter));
		}
		this.mvc.perform(get("/api/v1/receipts").param("idempotencyKey", "a\u0000b").with(filer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("idempotencyKey must be 1 to 255 characters without control characters"));
	}

	@Test
	void anIdempotencyKeyHasAtMost255Characters() throws Exception {
		this.mvc.perform(post("/api/v1/returns").with(filer())
			.header("Idempotency-Key", "k".repeat(3500))
			.contentType(MediaType.APPLICATION_XML)
			.content("<HSoThueDTu/>"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Idempotency-Key must be 1 to 255")));
	}

	@Test
	void aPageOutOfRangeIsNamed() throws Exception {
		this.mvc.perform(get("/api/v1/returns").param("page", "-1").param("size", "500").with(filer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("page must be at least 0")))
			.andExpect(jsonPath("$.detail").value(containsString("size must be at most 200")));
		this.mvc.perform(get("/api/v1/returns").param("page", "2147483647").with(filer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("page must be at most 1000")));
	}

	@Test
	void anUnknownPathIsNotFoundAndAnUnknownMethodNotAllowedYetKnownOperationsStayDeniedByDefault() throws Exception {
		String taxpayer = TokenIssuer.local().taxpayer("0313829148");
		this.mvc.perform(get("/api/v1/limits").with(bearer(taxpayer)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
		this.mvc.perform(delete("/api/v1/returns/" + UUID.randomUUID()).with(bearer(taxpayer)))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "method-not-allowed"));
		this.mvc.perform(put("/api/v1/returns").with(bearer(taxpayer))).andExpect(status().isMethodNotAllowed());
		this.mvc.perform(get("/api/v1/limits")).andExpect(status().isUnauthorized());
		this.mvc.perform(head("/api/v1/returns").with(bearer(taxpayer))).andExpect(status().isForbidden());
	}

	@Test
	void anUnexpectedFailureIsAProblemWithAnIncidentAndNoDataInBodyOrLog(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/internal/failing").with(filer()))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "internal-error"))
			.andExpect(jsonPath("$.incident").isNotEmpty())
			.andExpect(content().string(not(containsString("0313829148"))))
			.andExpect(content().string(not(containsString("DataIntegrity"))));

		assertThat(output).contains("Request failed unexpectedly incident=", DataIntegrityViolationException.class.getName())
			.doesNotContain("0313829148");
	}

	/** Fails as a database would, its message quoting a row. */
	@RestController
	static class Failing {

		@GetMapping("/internal/failing")
		String fail() {
			throw new DataIntegrityViolationException("duplicate key value violates unique constraint: Key (mst)=(0313829148)",
					new IllegalStateException("Detail: Key (mst)=(0313829148) already exists."));
		}

	}

}
