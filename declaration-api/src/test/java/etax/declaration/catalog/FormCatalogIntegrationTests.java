package etax.declaration.catalog;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class FormCatalogIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsEveryFormVersion() throws Exception {
		this.mvc.perform(get("/api/v1/forms").with(filer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].version.maTKhai", hasItem("842")))
			.andExpect(jsonPath("$[*].version.maTKhai", hasItem("01")))
			.andExpect(jsonPath("$[?(@.version.maTKhai == '842')].version.formCode", hasItem("01/GTGT")));
	}

	@Test
	void publishesTheIntakesOwnRulesSoThatEveryFindingsRuleIdCanBeLookedUp() throws Exception {
		this.mvc.perform(get("/api/v1/rules").with(filer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("ENV-1"))
			.andExpect(jsonPath("$[?(@.id == 'SIG-3')].stage", hasItem("SIGNATURE")))
			.andExpect(jsonPath("$[?(@.id == 'CTX-DUP-01')].severity", hasItem("REJECT")))
			.andExpect(jsonPath("$[?(@.id == 'CTX-DL-01')].description.vi", hasItem(containsString("đúng hạn"))));
		this.mvc.perform(get("/api/v1/rules")).andExpect(status().isUnauthorized());
	}

	@Test
	void describesOneFormVersion() throws Exception {
		this.mvc.perform(get("/api/v1/forms/842/versions/2.8.3").with(filer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version.formCode").value("01/GTGT"))
			.andExpect(jsonPath("$.version.taxType").value("GTGT"))
			.andExpect(jsonPath("$.version.effectiveFrom").value("2022-01-01"))
			.andExpect(jsonPath("$.version.payableIndicators.ct40").value("1701"))
			.andExpect(jsonPath("$.circular").value("80/2021/TT-BTC"))
			.andExpect(jsonPath("$.periodDeadlines.Q").value("DLQ"))
			.andExpect(jsonPath("$.appendices[0].id").value("PL01_KHBS"))
			.andExpect(jsonPath("$.appendices[0].form").value("01/KHBS"))
			.andExpect(jsonPath("$.constructed").value(false));
	}

	/** The envelope the XSD redefines is where its reference, resolved against the XSD's address, points. */
	@Test
	void servesTheXsdAndTheEnvelopeItRedefinesWhereItsReferenceResolves() throws Exception {
		URI address = URI.create("https://etax.example/api/v1/forms/842/versions/2.8.3/schema");
		String xsd = this.mvc.perform(get(address.getPath()).with(filer()))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher redefine = Pattern.compile("<xs:redefine schemaLocation=\"([^\"]+)\">").matcher(xsd);
		assertThat(redefine.find()).isTrue();

		URI envelope = address.resolve(redefine.group(1));

		assertThat(envelope.getPath()).isEqualTo("/api/v1/forms/envelope");
		this.mvc.perform(get(envelope.getPath()).with(filer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"CTieuTKhaiChinhType\"")));
	}

	@Test
	void publishesTheRuleCatalogue() throws Exception {
		this.mvc.perform(get("/api/v1/forms/842/versions/2.8.3/rules").with(filer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("GTGT842-R001"))
			.andExpect(jsonPath("$[0].category").value("MATH_ERROR"))
			.andExpect(jsonPath("$[0].severity").value("REJECT"))
			.andExpect(jsonPath("$[0].subject").value("ct27"))
			.andExpect(jsonPath("$[0].assertion").value("ct27 == ct29 + ct30 + ct32 + ct32a"))
			.andExpect(jsonPath("$[0].message.vi").isNotEmpty())
			.andExpect(jsonPath("$[0].message.en").isNotEmpty())
			.andExpect(jsonPath("$[0].remedy.en").isNotEmpty())
			.andExpect(jsonPath("$[0].source").value("VN-ETAX.md §1.8"))
			.andExpect(jsonPath("$[?(@.id == 'KHBS011-R001')].appendix", hasItem("PL01_1_KHBS")));
	}

	@Test
	void answers404ProblemForAnUnknownFormVersion() throws Exception {
		for (String path : new String[] { "", "/schema", "/rules" }) {
			this.mvc.perform(get("/api/v1/forms/842/versions/9.9.9" + path).with(filer()))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value(FormCatalogController.NOT_FOUND_TYPE))
				.andExpect(jsonPath("$.detail", containsString("9.9.9")));
		}
	}

	@Test
	void requiresAuthentication() throws Exception {
		this.mvc.perform(get("/api/v1/forms")).andExpect(status().isUnauthorized());
	}

}
