package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/intake-audit} with real tokens: a filer finds its own refused uploads and no one else's, an
 * officer the lines of its tax office's taxpayers, a national officer all; filters and pages; banks and services
 * are refused. Each test registers its taxpayers in tax offices of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class IntakeAuditIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	private static final Set<String> FIELDS = Set.of("at", "outcome", "reason", "sizeBytes", "contentSha256", "sentBy",
			"mst", "managingOffice");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aFilerSeesItsOwnRefusedUploadsAndNotAnotherFilers() throws Exception {
		String office = newOffice();
		String owner = registered(office);
		String neighbour = registered(office);
		String tvan = "tvan-" + UUID.randomUUID();
		String malformed = malformed();
		String notAReturn = "<ghiChu>" + UUID.randomUUID() + "</ghiChu>";
		String neighbours = malformed();

		upload(malformed, TOKENS.taxpayer(owner)).andExpect(status().isBadRequest());
		upload(notAReturn, TOKENS.tvan(tvan)).andExpect(status().isUnprocessableContent());
		upload(neighbours, TOKENS.taxpayer(neighbour)).andExpect(status().isBadRequest());

		List<JsonNode> own = lines(get("/api/v1/intake-audit"), TOKENS.taxpayer(owner));
		assertThat(own).hasSize(1);
		JsonNode line = own.get(0);
		assertThat(line.propertyNames()).as("never the body").containsExactlyInAnyOrderElementsOf(FIELDS);
		assertThat(line.get("outcome").asString()).isEqualTo("malformed");
		assertThat(line.get("reason").asString()).isEqualTo("NOT_WELL_FORMED");
		assertThat(line.get("sizeBytes").asInt()).isEqualTo(malformed.getBytes(StandardCharsets.UTF_8).length);
		assertThat(line.get("contentSha256").asString()).isEqualTo(sha256(malformed));
		assertThat(line.at("/sentBy/subject").asString()).isEqualTo("taxpayer-" + owner);
		assertThat(line.at("/sentBy/role").asString()).isEqualTo("TAXPAYER");
		assertThat(line.get("mst").isNull()).as("the body could not be read").isTrue();
		assertThat(line.get("managingOffice").isNull()).as("offices are for officers").isTrue();
		assertThat(lines(get("/api/v1/intake-audit"), TOKENS.officer(office)))
			.extracting((officers) -> officers.get("managingOffice").asString())
			.as("the caller's own office, for its officers")
			.containsOnly(office);
		assertThat(lines(get("/api/v1/intake-audit").param("contentSha256", sha256(neighbours)),
				TOKENS.taxpayer(owner))).as("another filer's upload, even by its hash").isEmpty();

		List<JsonNode> tvans = lines(get("/api/v1/intake-audit"), TOKENS.tvan(tvan));
		assertThat(tvans).extracting((node) -> node.get("outcome").asString() + " " + node.get("reason").asString())
			.containsExactly("schema NOT_RECEIVABLE");
		assertThat(tvans.get(0).get("managingOffice").isNull()).isTrue();
		assertThat(lines(get("/api/v1/intake-audit"), TOKENS.tvan("another-" + tvan))).isEmpty();
	}

	@Test
	void anOfficerSeesTheLinesOfItsOfficesTaxpayersAndANationalOfficerAll() throws Exception {
		String office = newOffice();
		String otherOffice = newOffice();
		String filer = registered(office);
		String victim = registered(otherOffice);
		String tvan = "tvan-" + UUID.randomUUID();
		String forAnother = SampleReturns.forTaxpayer(victim);
		String broken = malformed();
		String tvans = malformed();

		upload(forAnother, TOKENS.taxpayer(filer)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "filer-not-authorized"));
		upload(broken, TOKENS.taxpayer(filer)).andExpect(status().isBadRequest());
		upload(tvans, TOKENS.tvan(tvan)).andExpect(status().isBadRequest());

		List<JsonNode> filersOffice = lines(get("/api/v1/intake-audit"), TOKENS.officer(office));
		assertThat(filersOffice).as("its taxpayer's unreadable upload, not the return naming another office's taxpayer")
			.extracting((line) -> line.get("contentSha256").asString())
			.containsExactly(sha256(broken));
		List<JsonNode> victimsOffice = lines(get("/api/v1/intake-audit"), TOKENS.officer(otherOffice));
		assertThat(victimsOffice).hasSize(1);
		JsonNode refused = victimsOffice.get(0);
		assertThat(refused.get("reason").asString()).isEqualTo("NOT_AUTHORIZED");
		assertThat(refused.get("mst").asString()).isEqualTo(victim);
		assertThat(refused.at("/sentBy/subject").asString()).isEqualTo("taxpayer-" + filer);
		assertThat(refused.get("contentSha256").asString()).isEqualTo(sha256(forAnother));
		assertThat(refused.get("managingOffice").asString()).isEqualTo(otherOffice);
		assertThat(lines(get("/api/v1/intake-audit").param("contentSha256", sha256(tvans)), TOKENS.officer(office)))
			.as("a hash is no key to lines outside the office")
			.isEmpty();
		assertThat(lines(get("/api/v1/intake-audit").param("contentSha256", sha256(forAnother)), TOKENS.officer(office)))
			.isEmpty();

		for (String body : new String[] { forAnother, broken, tvans }) {
			assertThat(lines(get("/api/v1/intake-audit").param("contentSha256", sha256(body).toUpperCase()),
					TOKENS.nationalOfficer())).hasSize(1);
		}
		assertThat(lines(get("/api/v1/intake-audit").param("contentSha256", sha256(forAnother)), TOKENS.taxpayer(filer)))
			.as("the filer sees its own attempt, with the MST it named, but not whether nor where it is registered")
			.extracting((line) -> line.get("mst").asString() + " " + line.get("managingOffice").isNull())
			.containsExactly(victim + " true");
		assertThat(lines(get("/api/v1/intake-audit"), TOKENS.taxpayer(victim))).as("not the victim: it sent nothing")
			.isEmpty();
	}

	@Test
	void linesAreFilteredAndPagedNewestFirst() throws Exception {
		String tvan = "tvan-" + UUID.randomUUID();
		String token = TOKENS.tvan(tvan);
		for (int i = 0; i < 5; i++) {
			upload(malformed(), token).andExpect(status().isBadRequest());
		}
		upload("<ghiChu>" + UUID.randomUUID() + "</ghiChu>", token).andExpect(status().isUnprocessableContent());
		upload("<!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>", token).andExpect(status().isBadRequest());

		List<JsonNode> all = lines(get("/api/v1/intake-audit").param("size", "200"), token);
		assertThat(all).hasSize(7);
		assertThat(all).extracting((line) -> line.get("at").asString())
			.as("newest first")
			.isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
		assertThat(all.get(0).get("reason").asString()).isEqualTo("FORBIDDEN_CONSTRUCT");
		assertThat(all.get(1).get("outcome").asString()).isEqualTo("schema");

		assertThat(lines(get("/api/v1/intake-audit").param("outcome", "malformed"), token)).hasSize(6);
		assertThat(lines(get("/api/v1/intake-audit").param("reason", "NOT_WELL_FORMED"), token)).hasSize(5);
		assertThat(lines(get("/api/v1/intake-audit").param("outcome", "schema").param("reason", "NOT_WELL_FORMED"), token))
			.isEmpty();
		List<JsonNode> first = lines(get("/api/v1/intake-audit").param("size", "3"), token);
		List<JsonNode> third = lines(get("/api/v1/intake-audit").param("size", "3").param("page", "2"), token);
		assertThat(first).containsExactlyElementsOf(all.subList(0, 3));
		assertThat(third).containsExactlyElementsOf(all.subList(6, 7));
		String middle = all.get(3).get("at").asString();
		assertThat(lines(get("/api/v1/intake-audit").param("from", middle), token)).as("from: at or after")
			.containsExactlyElementsOf(all.subList(0, 4));
		assertThat(lines(get("/api/v1/intake-audit").param("to", middle), token)).as("to: before")
			.containsExactlyElementsOf(all.subList(4, 7));
		assertThat(lines(get("/api/v1/intake-audit").param("from", all.get(2).get("at").asString()).param("to", middle),
				token)).isEmpty();

		for (String[] invalid : new String[][] { { "outcome", "rejected" }, { "reason", "not authorized" },
				{ "contentSha256", "abc" }, { "from", "yesterday" }, { "size", "201" }, { "page", "-1" }, { "page", "1001" },
				{ "from", "+300000-01-01T00:00:00Z" } }) {
			this.mvc.perform(get("/api/v1/intake-audit").param(invalid[0], invalid[1]).with(bearer(token)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.startsWith(PROBLEMS)));
		}
	}

	@Test
	void banksAndServicesMayNotReadTheAudit() throws Exception {
		for (String token : new String[] { TOKENS.bank("01202001"), TOKENS.service("batch-processor") }) {
			this.mvc.perform(get("/api/v1/intake-audit").with(bearer(token)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
		}
		this.mvc.perform(get("/api/v1/intake-audit")).andExpect(status().isUnauthorized());
	}

	private ResultActions upload(String body, String token) throws Exception {
		return this.mvc.perform(post("/api/v1/returns").with(bearer(token))
			.contentType(MediaType.APPLICATION_XML)
			.content(body.getBytes(StandardCharsets.UTF_8)));
	}

	private List<JsonNode> lines(MockHttpServletRequestBuilder request, String token) throws Exception {
		return this.json.readTree(this.mvc.perform(request.with(bearer(token)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).valueStream().toList();
	}

	/** A fresh active taxpayer of that tax office. */
	private String registered(String office) {
		String mst = SampleReturns.newMst();
		this.jdbc.sql("""
				INSERT INTO filing.taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
				VALUES (?, 'CÔNG TY THỬ NGHIỆM', 'ACTIVE', true, 'Q', ?, '754')
				""").params(mst, office).update();
		return mst;
	}

	/** A tax office code (5 digits) that no taxpayer and no audit line has yet. */
	private String newOffice() {
		while (true) {
			String office = String.format("%05d", ThreadLocalRandom.current().nextInt(1, 99_999));
			if (this.jdbc.sql("""
					SELECT NOT EXISTS (SELECT FROM filing.taxpayer WHERE tax_office_code = :office)
					    AND NOT EXISTS (SELECT FROM filing.intake_audit WHERE managing_office_code = :office)
					""").param("office", office).query(Boolean.class).single()) {
				return office;
			}
		}
	}

	/** A return that is not well-formed XML (an element not closed), of content no other test sends. */
	private static String malformed() {
		return SampleReturns.forTaxpayer(SampleReturns.newMst()).replace("</CTieuTKhaiChinh>", "");
	}

	private static String sha256(String body) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
	}

}
