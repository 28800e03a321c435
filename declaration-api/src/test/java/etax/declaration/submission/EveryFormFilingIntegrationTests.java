package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import etax.devstack.LocalInfrastructureInitializer;
import etax.schemas.FormCatalog;
import etax.schemas.FormRule;
import etax.schemas.FormVersion;
import etax.schemas.ReturnGenerator;
import etax.schemas.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every form version of the catalog through the API: a valid return of it is filed and accepted, and a
 * return that breaks one of its reject rules is filed, not accepted, and explained by that rule with the
 * offending node and both messages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class EveryFormFilingIntegrationTests {

	private static final FormCatalog CATALOG = FormCatalog.load();

	private static final Pattern NNT_MST = Pattern.compile("(<NNT>\\s*<mst>)[^<]*(</mst>)");

	private static final Pattern KIND = Pattern.compile("<kieuKy>([A-Z])</kieuKy>");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	static Stream<String> formVersions() {
		return CATALOG.versions().stream().map((form) -> form.maTKhai() + "/" + form.version());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formVersions")
	void filesAValidReturnAndExplainsARuleBreakingOne(String formVersion) throws Exception {
		FormVersion form = CATALOG.versions()
			.stream()
			.filter((version) -> formVersion.equals(version.maTKhai() + "/" + version.version()))
			.findFirst()
			.orElseThrow();
		ReturnGenerator generator = new ReturnGenerator(CATALOG)
			.withFilingType(form.filingTypes().contains("C") ? "C" : form.filingTypes().iterator().next());

		String valid = withoutAgent((seed) -> generator.generate(form.maTKhai(), form.version(), seed));
		JsonNode accepted = file(forNewTaxpayer(valid));
		assertThat(accepted.get("status").asString()).as("findings %s", accepted.get("findings")).isEqualTo("ACCEPTED");

		FormRule rule = CATALOG.rules(form.maTKhai(), form.version())
			.stream()
			.filter((candidate) -> candidate.severity() != Severity.WARNING && !candidate.id().startsWith("KHBS"))
			.findFirst()
			.orElseThrow();
		String breaking = withoutAgent((seed) -> generator.breaking(form.maTKhai(), form.version(), rule.id(), seed));
		JsonNode refused = file(forNewTaxpayer(breaking));
		assertThat(refused.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode finding = refused.get("findings")
			.valueStream()
			.filter((candidate) -> candidate.get("ruleId").asString().equals(rule.id()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(rule.id() + " not among " + refused.get("findings")));
		assertThat(finding.get("xpath").asString()).startsWith("/HSoThueDTu/HSoKhaiThue/");
		assertThat(finding.at("/message/vi").asString()).isNotBlank();
		assertThat(finding.at("/message/en").asString()).isNotBlank();
	}

	/** A generated return without a tax agent (an agent without a contract is a finding of its own). */
	private static String withoutAgent(Generation generation) {
		for (long seed = 1; seed < 100; seed++) {
			String xml = new String(generation.generate(seed), StandardCharsets.UTF_8);
			if (!xml.contains("<DLyThue>")) {
				return xml;
			}
		}
		throw new AssertionError("every generated return had an agent");
	}

	/** The return as filed by a newly registered taxpayer whose filing frequency matches its period. */
	private String forNewTaxpayer(String xml) {
		Matcher kind = KIND.matcher(xml);
		String frequency = (kind.find() && kind.group(1).equals("M")) ? "M" : "Q";
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, frequency);
		return NNT_MST.matcher(xml).replaceFirst("$1" + mst + "$2");
	}

	private JsonNode file(String xml) throws Exception {
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/returns").with(filer())
				.contentType(MediaType.APPLICATION_XML)
				.content(xml.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@FunctionalInterface
	private interface Generation {

		byte[] generate(long seed);

	}

}
