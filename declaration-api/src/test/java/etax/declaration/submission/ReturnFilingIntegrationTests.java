package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TestCallers;
import etax.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.filer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class ReturnFilingIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void storesAValidReturnAnswersWithAReceiptAndAnnouncesIt() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		MvcResult result = this.mvc.perform(file(xml))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("/api/v1/returns/[0-9a-f-]{36}")))
			.andExpect(jsonPath("$.transactionCode", matchesPattern("108\\d{14}")))
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.receivedAt").isNotEmpty())
			.andExpect(jsonPath("$.payableItems.length()").value(1))
			.andExpect(jsonPath("$.payableItems[0].subItem").value("1701"))
			.andExpect(jsonPath("$.payableItems[0].indicator").value("ct40"))
			.andExpect(jsonPath("$.payableItems[0].amount").value(22000000))
			.andExpect(jsonPath("$.payableItems[0].taxPeriod").value("00/Q1/2026"))
			.andExpect(jsonPath("$.payableItems[0].dueDate").value("2026-05-04"))
			.andReturn();
		JsonNode receipt = this.json.readTree(result.getResponse().getContentAsString());
		String returnId = receipt.get("returnId").asString();

		this.mvc.perform(get("/api/v1/returns/" + returnId).with(filer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.transactionCode").value(receipt.get("transactionCode").asString()))
			.andExpect(jsonPath("$.mst").value(mst))
			.andExpect(jsonPath("$.formCode").value("01/GTGT"))
			.andExpect(jsonPath("$.formVersion").value("2.8.3"))
			.andExpect(jsonPath("$.filingType").value("C"))
			.andExpect(jsonPath("$.submissionNumber").value(0))
			.andExpect(jsonPath("$.period.kind").value("Q"))
			.andExpect(jsonPath("$.period.value").value("1/2026"))
			.andExpect(jsonPath("$.period.from").value("2026-01-01"))
			.andExpect(jsonPath("$.period.to").value("2026-03-31"))
			.andExpect(jsonPath("$.payableItems[0].id").value(receipt.at("/payableItems/0/id").asString()));
		byte[] stored = this.jdbc.sql("SELECT xml FROM filing.tax_return WHERE id = ?::uuid")
			.param(returnId)
			.query(byte[].class)
			.single();
		assertThat(stored).isEqualTo(xml.getBytes(StandardCharsets.UTF_8));

		List<ConsumerRecord<String, String>> events = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.declarations.v1", (record) -> record.value().contains(returnId), 1, Duration.ofSeconds(20));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.key()).isEqualTo(mst);
			JsonNode body = this.json.readTree(event.value());
			assertThat(body.get("type").asString()).isEqualTo("ReturnAccepted");
			assertThat(body.get("version").asInt()).isEqualTo(1);
			assertThat(body.get("transactionCode").asString()).isEqualTo(receipt.get("transactionCode").asString());
			assertThat(body.get("formCode").asString()).isEqualTo("01/GTGT");
			assertThat(body.get("eventId").asString()).hasSize(36);
		});

		String payableItemId = receipt.at("/payableItems/0/id").asString();
		List<ConsumerRecord<String, String>> items = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.payable-items.v1", (record) -> record.value().contains(payableItemId), 1, Duration.ofSeconds(20));
		assertThat(items).singleElement().satisfies((event) -> {
			assertThat(event.key()).isEqualTo(mst);
			JsonNode body = this.json.readTree(event.value());
			assertThat(body.get("type").asString()).isEqualTo("PayableItemCreated");
			assertThat(body.get("returnId").asString()).isEqualTo(returnId);
			assertThat(body.get("subItem").asString()).isEqualTo("1701");
			assertThat(body.get("taxPeriod").asString()).isEqualTo("00/Q1/2026");
			assertThat(body.get("amount").asLong()).isEqualTo(22000000L);
			assertThat(body.get("dueDate").asString()).isEqualTo("2026-05-04");
			assertThat(body.get("paymentReference").asString()).startsWith(receipt.get("transactionCode").asString());
			assertThat(body.get("taxOfficeCode").asString()).as("the office the return was filed with, maCQTNoiNop")
				.isEqualTo("99999");
		});
	}

	@Test
	void rejectsASchemaInvalidReturnWithEveryFindingAndStoresNothing() throws Exception {
		String xml = SampleReturns.withIndicator("ct40", "-5").replace("<ct22>12000000</ct22>", "<ct22>abc</ct22>");

		this.mvc.perform(file(xml))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "schema-violation"))
			.andExpect(jsonPath("$.findings.length()").value(2))
			.andExpect(jsonPath("$.findings[0].ruleId").isNotEmpty())
			.andExpect(jsonPath("$.findings[0].category").value("XML_ERROR"))
			.andExpect(jsonPath("$.findings[0].xpath", matchesPattern(".*/ct22")))
			.andExpect(jsonPath("$.findings[0].value").value("abc"))
			.andExpect(jsonPath("$.findings[0].line").isNumber())
			.andExpect(jsonPath("$.findings[0].message.vi").isNotEmpty())
			.andExpect(jsonPath("$.findings[0].message.en").isNotEmpty())
			.andExpect(jsonPath("$.findings[0].remedy.en").isNotEmpty())
			.andExpect(jsonPath("$.findings[1].xpath", matchesPattern(".*/ct40")));

		assertNothingStored(xml, "schema");
	}

	@Test
	void rejectsAnUnknownFormVersionWithAFinding() throws Exception {
		String xml = SampleReturns.valid().replace("<pbanTKhaiXML>2.8.3</pbanTKhaiXML>", "<pbanTKhaiXML>9.9.9</pbanTKhaiXML>");

		this.mvc.perform(file(xml))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.findings[0].ruleId").value("ENV-2"))
			.andExpect(jsonPath("$.findings[0].message.en", matchesPattern(".*2\\.8\\.3.*")));

		assertNothingStored(xml, "schema");
	}

	@Test
	void rejectsMalformedXmlWith400AndStoresNothing() throws Exception {
		String xml = SampleReturns.valid().replace("</CTieuTKhaiChinh>", "");

		this.mvc.perform(file(xml))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-xml"))
			.andExpect(jsonPath("$.reason").value("NOT_WELL_FORMED"));

		assertNothingStored(xml, "malformed");
	}

	@Test
	void rejectsAnExternalEntityWithoutReadingIt() throws Exception {
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE HSoThueDTu [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<HSoThueDTu xmlns="http://kekhaithue.gdt.gov.vn/TKhaiThue">&secret;</HSoThueDTu>
				""";

		this.mvc.perform(file(xml))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-xml"))
			.andExpect(jsonPath("$.reason").value("FORBIDDEN_CONSTRUCT"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("root:"))));

		assertNothingStored(xml, "malformed");
	}

	@Test
	void rejectsEntityExpansion() throws Exception {
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
				<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
				<HSoThueDTu xmlns="http://kekhaithue.gdt.gov.vn/TKhaiThue">&lol4;</HSoThueDTu>
				""";

		this.mvc.perform(file(xml))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("FORBIDDEN_CONSTRUCT"));

		assertNothingStored(xml, "malformed");
	}

	@Test
	void refusesABodyOverTheSizeLimitWith413() throws Exception {
		String xml = SampleReturns.valid().replace("<emailNNT/>", "<emailNNT>" + "x".repeat(6 * 1024 * 1024) + "</emailNNT>");

		this.mvc.perform(file(xml))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "return-too-large"));
	}

	@Test
	void refusesAnotherContentTypeWith415() throws Exception {
		this.mvc
			.perform(post("/api/v1/returns").with(filer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "unsupported-media-type"));
	}

	@Test
	void answers404ForAnUnknownReturn() throws Exception {
		this.mvc.perform(get("/api/v1/returns/00000000-0000-0000-0000-000000000000").with(filer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "return-not-found"));
	}

	@Test
	void requiresAuthenticationExceptForHealth() throws Exception {
		this.mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_XML).content(SampleReturns.valid()))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/returns/00000000-0000-0000-0000-000000000000").with(TestCallers.bearer("not-a-token")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void countsReturnsInPrometheusFormat() throws Exception {
		this.mvc.perform(file(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q"))))
			.andExpect(status().isCreated());

		this.mvc.perform(get("/actuator/prometheus").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("etax_declaration_received_total{form_type=\"01/GTGT\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("etax_declaration_accepted_total")));
	}

	private static MockHttpServletRequestBuilder file(String xml) {
		return post("/api/v1/returns").with(filer())
			.contentType(MediaType.APPLICATION_XML)
			.content(xml.getBytes(StandardCharsets.UTF_8));
	}

	private void assertNothingStored(String xml, String outcome) throws Exception {
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE content_sha256 = ?")
			.param(sha256)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT outcome FROM filing.intake_audit WHERE content_sha256 = ?")
			.param(sha256)
			.query(String.class)
			.list()).containsOnly(outcome).isNotEmpty();
	}

}
