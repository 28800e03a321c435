package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import etax.access.Caller;
import etax.access.Role;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may file and who sees which return, with real tokens through the real verifier: refused tokens,
 * roles that may not file, and the 404 for a return outside the caller's scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class ReturnAccessIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void refusesExpiredForeignUnsignedAndMisaddressedTokens() throws Exception {
		Caller officer = new Caller("national-officer", Role.NATIONAL_OFFICER, null, null, null);
		String expired = TOKENS.sign(TOKENS.claims(officer, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)).build());
		TokenIssuer stranger = TokenIssuer.create("https://id.elsewhere.example");
		String foreign = stranger.token(officer);
		String sameKeyOtherIssuer = TOKENS.sign(TOKENS.claims(officer, Instant.now(), Duration.ofHours(1))
			.issuer("https://id.elsewhere.example")
			.build());
		String otherAudience = TOKENS.sign(TOKENS.claims(officer, Instant.now(), Duration.ofHours(1))
			.audience("another-api")
			.build());
		String unsigned = unsigned(TOKENS.claims(officer, Instant.now(), Duration.ofHours(1)).build());
		String noRole = TOKENS.sign(new JWTClaimsSet.Builder(TOKENS.claims(officer, Instant.now(), Duration.ofHours(1)).build())
			.claim(Caller.ROLE, null)
			.build());
		String neverExpires = TOKENS.sign(
				new JWTClaimsSet.Builder(TOKENS.claims(officer, Instant.now(), Duration.ofHours(1)).build())
					.expirationTime(null)
					.build());

		for (String token : new String[] { expired, foreign, sameKeyOtherIssuer, otherAudience, unsigned, noRole,
				neverExpires, "not-a-token" }) {
			this.mvc.perform(get("/api/v1/returns").with(bearer(token)))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
				.andExpect(jsonPath("$.type").value(PROBLEMS + "unauthenticated"));
		}
		this.mvc.perform(get("/api/v1/returns").with(bearer(TOKENS.token(officer)))).andExpect(status().isOk());
	}

	@Test
	void aTaxpayerSeesOnlyItsOwnReturns() throws Exception {
		String owner = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String neighbour = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode receipt = file(SampleReturns.forTaxpayer(owner), TOKENS.taxpayer(owner)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this.json::readTree);
		String returnPath = "/api/v1/returns/" + receipt.get("returnId").asString();
		String receiptPath = "/api/v1/receipts/" + receipt.get("transactionCode").asString();

		for (String path : new String[] { returnPath, returnPath + "/events", returnPath + "/chain", receiptPath }) {
			this.mvc.perform(get(path).with(bearer(TOKENS.taxpayer(owner)))).andExpect(status().isOk());
			this.mvc.perform(get(path).with(bearer(TOKENS.taxpayer(neighbour))))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value(PROBLEMS + "return-not-found"));
		}
		this.mvc.perform(get("/api/v1/returns").param("mst", owner).with(bearer(TOKENS.taxpayer(neighbour))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(get("/api/v1/returns").param("mst", owner).with(bearer(TOKENS.taxpayer(owner))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1));

		this.mvc.perform(get(returnPath).with(bearer(TOKENS.officer("99999")))).andExpect(status().isOk());
		this.mvc.perform(get(returnPath).with(bearer(TOKENS.officer("70129")))).andExpect(status().isNotFound());
		this.mvc.perform(get(returnPath).with(bearer(TOKENS.nationalOfficer()))).andExpect(status().isOk());
		this.mvc.perform(get(returnPath).with(bearer(TOKENS.tvan("another-tvan")))).andExpect(status().isNotFound());
		this.mvc.perform(get(returnPath).with(bearer(TOKENS.bank("01202001"))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
	}

	@Test
	void theManagingOfficeSeesAReturnThatNamesAnotherOfficeAndTheFilerIsWarned() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode receipt = file(SampleReturns.with(SampleReturns.forTaxpayer(mst), "maCQTNoiNop", "11111"),
				TOKENS.taxpayer(mst))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this.json::readTree);
		String returnPath = "/api/v1/returns/" + receipt.get("returnId").asString();

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		JsonNode office = receipt.get("findings")
			.valueStream()
			.filter((finding) -> finding.get("ruleId").asString().equals("CTX-ID-05"))
			.findFirst()
			.orElseThrow();
		assertThat(office.get("severity").asString()).isEqualTo("WARNING");
		assertThat(office.get("xpath").asString()).endsWith("/TKhaiThue/maCQTNoiNop");
		assertThat(office.at("/message/en").asString()).contains("11111", "99999");
		assertThat(office.at("/remedy/vi").asString()).isNotBlank();
		this.mvc.perform(get(returnPath).with(bearer(TOKENS.officer("99999")))).andExpect(status().isOk());
		this.mvc.perform(get(returnPath).with(bearer(TOKENS.officer("11111")))).andExpect(status().isOk());
		this.mvc.perform(get(returnPath).with(bearer(TOKENS.officer("70129")))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/returns").param("mst", mst).with(bearer(TOKENS.officer("99999"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void aHeadOfficeSeesItsBranchesReturnsAndABranchOnlyItsOwn() throws Exception {
		String head = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String branch = head + "-001";
		this.jdbc.sql("""
				INSERT INTO filing.taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
				VALUES (?, 'CHI NHÁNH THỬ NGHIỆM', 'ACTIVE', true, 'Q', '99999', '754')
				""").param(branch).update();
		file(SampleReturns.forTaxpayer(head), TOKENS.taxpayer(head)).andExpect(status().isCreated());
		file(SampleReturns.forTaxpayer(branch), TOKENS.taxpayer(branch)).andExpect(status().isCreated());

		this.mvc.perform(get("/api/v1/returns").with(bearer(TOKENS.taxpayer(head))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].mst", org.hamcrest.Matchers.containsInAnyOrder(head, branch)));
		this.mvc.perform(get("/api/v1/returns").with(bearer(TOKENS.taxpayer(branch))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].mst", org.hamcrest.Matchers.contains(branch)));
	}

	@Test
	void aTaxpayerFilesOnlyForItselfAndNothingIsStoredOtherwise() throws Exception {
		String filer = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String other = SampleReturns.registeredTaxpayer(this.jdbc, "Q");

		file(SampleReturns.forTaxpayer(other), TOKENS.taxpayer(filer)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "filer-not-authorized"));

		assertThat(returnsOf(other)).isZero();
	}

	@Test
	void banksAndOfficersCannotFile() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");

		file(SampleReturns.forTaxpayer(mst), TOKENS.bank("01202001")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
		file(SampleReturns.forTaxpayer(mst), TOKENS.officer("99999")).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/taxpayers").with(bearer(TOKENS.taxpayer(mst)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());

		assertThat(returnsOf(mst)).isZero();
	}

	@Test
	void anAgentFilesAndReadsForClientsUnderContractOnly() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String client = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String stranger = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		this.jdbc.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
				VALUES (?, ?, 'HD-ACCESS', DATE '2026-01-01')
				""").params(agent, client).update();
		String clientsReturn = file(SampleReturns.withAgent(SampleReturns.forTaxpayer(client), agent), TOKENS.agent(agent))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this.json::readTree)
			.get("returnId")
			.asString();
		JsonNode ownFiling = file(SampleReturns.forTaxpayer(stranger), TOKENS.taxpayer(stranger))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this.json::readTree);

		file(SampleReturns.withAgent(SampleReturns.forTaxpayer(stranger), agent), TOKENS.agent(agent))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "filer-not-authorized"));
		this.mvc.perform(get("/api/v1/returns/" + clientsReturn).with(bearer(TOKENS.agent(agent))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/returns/" + ownFiling.get("returnId").asString()).with(bearer(TOKENS.agent(agent))))
			.andExpect(status().isNotFound());
		assertThat(returnsOf(stranger)).isOne();
	}

	/**
	 * The client ends its agent's contract: the agent files up to the last day, not after; an ending is recorded once,
	 * never back-dated; an agent no longer active files for no one.
	 */
	@Test
	void anAgentFilesNoMoreOnceItsContractEndedOrItIsNoLongerActive() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String client = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		this.jdbc.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
				VALUES (?, ?, 'HD-END', DATE '2026-01-01')
				""").params(agent, client).update();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		String path = "/api/v1/agents/" + agent + "/contracts/HD-END:end";
		RequestPostProcessor officer = bearer(TOKENS.officer("99999"));

		ending(path, officer, today.minusDays(1)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-registration"));
		ending(path, bearer(TOKENS.officer("70131")), today).andExpect(status().isNotFound());
		ending(path, officer, today).andExpect(status().isCreated()).andExpect(jsonPath("$.validTo").value(today.toString()));
		ending(path, officer, today).andExpect(status().isOk());
		ending(path, officer, today.plusDays(3)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "registration-conflict"));
		file(SampleReturns.withAgent(SampleReturns.forTaxpayer(client), agent), TOKENS.agent(agent))
			.andExpect(status().isCreated());
		String clientsOwn = this.json.readTree(file(SampleReturns.quarter(SampleReturns.forTaxpayer(client), 3, 2025),
				TOKENS.taxpayer(client))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("returnId").asString();
		this.mvc.perform(get("/api/v1/returns/" + clientsOwn).with(bearer(TOKENS.agent(agent))))
			.andExpect(status().isOk());

		// a day later
		this.jdbc.sql("UPDATE filing.agent_contract_ending SET ends_on = ends_on - 1 WHERE agent_mst = ?")
			.param(agent)
			.update();
		file(SampleReturns.withAgent(SampleReturns.quarter(SampleReturns.forTaxpayer(client), 4, 2025), agent),
				TOKENS.agent(agent))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "filer-not-authorized"));
		this.mvc.perform(get("/api/v1/returns/" + clientsOwn).with(bearer(TOKENS.agent(agent))))
			.andExpect(status().isNotFound());

		String other = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		this.jdbc.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
				VALUES (?, ?, 'HD-SUSPENDED', DATE '2026-01-01')
				""").params(agent, other).update();
		this.jdbc.sql("UPDATE filing.taxpayer SET status = 'SUSPENDED' WHERE mst = ?").param(agent).update();
		file(SampleReturns.withAgent(SampleReturns.forTaxpayer(other), agent), TOKENS.agent(agent))
			.andExpect(status().isForbidden());
	}

	private ResultActions ending(String path, RequestPostProcessor officer, LocalDate endsOn) throws Exception {
		return this.mvc.perform(post(path).with(officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"endsOn\":\"" + endsOn + "\",\"reason\":\"the client ended it\"}"));
	}

	@Test
	void theLifecycleAndTheOfficerSayWhichCallerFiledAndAuditRefusedAttemptsByCaller() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String client = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String stranger = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		this.jdbc.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
				VALUES (?, ?, 'HD-AUDIT', DATE '2026-01-01')
				""").params(agent, client).update();
		String byAgent = file(SampleReturns.withAgent(SampleReturns.forTaxpayer(client), agent), TOKENS.agent(agent))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this.json::readTree)
			.get("returnId")
			.asString();
		// a T-VAN's transmission that is not accepted (a monthly period for a quarterly filer) is kept too
		String monthly = SampleReturns.with(SampleReturns.with(SampleReturns.with(SampleReturns.with(
				SampleReturns.forTaxpayer(client), "kieuKy", "M"), "kyKKhai", "02/2026"), "kyKKhaiTuNgay", "01/02/2026"),
				"kyKKhaiDenNgay", "28/02/2026");
		String byTvan = file(monthly, TOKENS.tvan("tvan-audit"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("NOT_ACCEPTED"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this.json::readTree)
			.get("returnId")
			.asString();

		for (String token : new String[] { TOKENS.officer("99999"), TOKENS.nationalOfficer(), TOKENS.taxpayer(client) }) {
			this.mvc.perform(get("/api/v1/returns/" + byAgent).with(bearer(token)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.filedBy.subject").value("agent-" + agent))
				.andExpect(jsonPath("$.filedBy.role").value("AGENT"));
		}
		this.mvc.perform(get("/api/v1/returns/" + byAgent + "/events").with(bearer(TOKENS.officer("99999"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].type").value("RECEIVED"))
			.andExpect(jsonPath("$[0].detail.filedBy").value("agent-" + agent))
			.andExpect(jsonPath("$[0].detail.filerRole").value("AGENT"));
		this.mvc.perform(get("/api/v1/returns").param("mst", client).param("status", "NOT_ACCEPTED")
			.with(bearer(TOKENS.officer("99999"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(byTvan))
			.andExpect(jsonPath("$[0].filedBy.subject").value("tvan-audit"))
			.andExpect(jsonPath("$[0].filedBy.role").value("TVAN"));
		this.mvc.perform(get("/api/v1/returns/" + byTvan + "/events").with(bearer(TOKENS.nationalOfficer())))
			.andExpect(jsonPath("$[0].detail.filedBy").value("tvan-audit"))
			.andExpect(jsonPath("$[0].detail.filerRole").value("TVAN"));

		String refused = SampleReturns.withAgent(SampleReturns.forTaxpayer(stranger), agent);
		file(refused, TOKENS.agent(agent)).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("""
				SELECT reason || ' ' || caller_subject || ' ' || caller_role FROM filing.intake_audit
				WHERE content_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')
				""").param(refused).query(String.class).list())
			.containsExactly("NOT_AUTHORIZED agent-" + agent + " AGENT");
	}

	@Test
	void anIndividualFilesUnderItsPersonalIdAndListsItsReturn() throws Exception {
		String personalId = newPersonalId();
		this.jdbc.sql("""
				INSERT INTO filing.taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
				VALUES (?, 'NGUYỄN VĂN THỬ', 'ACTIVE', true, 'Q', '99999', '757')
				""").param(personalId).update();

		String returnId = file(SampleReturns.forTaxpayer(personalId), TOKENS.taxpayer(personalId))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this.json::readTree)
			.get("returnId")
			.asString();

		for (String token : new String[] { TOKENS.taxpayer(personalId), TOKENS.officer("99999") }) {
			this.mvc.perform(get("/api/v1/returns").param("mst", personalId).with(bearer(token)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.contains(returnId)))
				.andExpect(jsonPath("$[0].mst").value(personalId));
		}
		this.mvc.perform(get("/api/v1/taxpayers/" + personalId).with(bearer(TOKENS.officer("99999"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mst").value(personalId));
		this.mvc.perform(get("/api/v1/taxpayers/" + personalId + "/certificates").with(bearer(TOKENS.officer("99999"))))
			.andExpect(status().isOk());
	}

	@Test
	void whatIsNoMstIsRefusedWithOneProblemWhereverAnMstIsTaken() throws Exception {
		String officer = TOKENS.officer("99999");
		// a wrong check digit, a branch of 000, a personal id of province 000 or 097, too short, too long, letters
		for (String mst : new String[] { "0313829140", "0313829148-000", "000123456789", "097123456789", "031382914",
				"0313829148-01", "1234567890123", "03138291a8" }) {
			this.mvc.perform(get("/api/v1/returns").param("mst", mst).with(bearer(officer)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-mst"))
				.andExpect(jsonPath("$.errors[0].name").value("mst"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("12-digit personal id")));
			for (String path : new String[] { "/api/v1/taxpayers/" + mst, "/api/v1/taxpayers/" + mst + "/certificates" }) {
				this.mvc.perform(get(path).with(bearer(officer)))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-mst"));
			}
		}
		this.mvc
			.perform(post("/api/v1/agents/0313829140/contracts").with(bearer(officer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"taxpayerMst\":\"0313829148\",\"contractNumber\":\"HD-X\",\"validFrom\":\"2026-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-mst"));
		String bad = "097123456789";
		this.mvc
			.perform(post("/api/v1/taxpayers").with(bearer(officer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mst\":\"" + bad + "\",\"name\":\"A\",\"status\":\"ACTIVE\",\"eFiling\":true,"
						+ "\"filingFrequency\":\"Q\",\"taxOfficeCode\":\"99999\",\"chapter\":\"757\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-mst"))
			.andExpect(jsonPath("$.errors[0].name").value("mst"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.taxpayer WHERE mst = ?").param(bad).query(Long.class).single())
			.isZero();
	}

	/**
	 * A personal id (VN-ETAX §3.2) of someone born in the 1900s (century digit 0 or 1): a year of birth that has
	 * come.
	 */
	private static String newPersonalId() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return String.format("%03d%d%02d%06d", random.nextInt(1, 97), random.nextInt(0, 2), random.nextInt(100),
				random.nextInt(1_000_000));
	}

	/**
	 * Returns refused without end (anybody may send one under the MST) do not make a chain unbounded: it lists every
	 * accepted return and the latest hundred not accepted, and a refused one asked for by its id.
	 */
	@Test
	void aChainListsItsAcceptedReturnsAndTheLatestHundredRefused() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String original = read(file(SampleReturns.forTaxpayer(mst), TOKENS.taxpayer(mst))).get("returnId").asString();
		List<String> refused = new ArrayList<>();
		for (int i = 0; i < 103; i++) {
			refused.add(this.jdbc.sql("""
					INSERT INTO filing.tax_return (id, transaction_code, mst, form_code, ma_tkhai, form_version, filing_type,
					    submission_number, period_kind, period_value, tax_office_code, status, received_at, content_sha256,
					    indicators, findings, xml, chain_key, filed_by)
					SELECT gen_random_uuid(), left(transaction_code, 7)
					           || lpad((nextval('filing.transaction_code_seq') % 10000000000)::text, 10, '0'),
					    mst, form_code, ma_tkhai, form_version, 'B', 7, period_kind, period_value, tax_office_code,
					    'NOT_ACCEPTED', now(), content_sha256, indicators, '[]'::jsonb, xml, chain_key, filed_by
					FROM filing.tax_return WHERE id = ?::uuid RETURNING id::text
					""").param(original).query(String.class).single());
		}

		JsonNode chain = read(this.mvc.perform(get("/api/v1/returns/" + original + "/chain").with(bearer(TOKENS.taxpayer(mst)))));
		assertThat(chain.size()).as("the original and the latest hundred refused").isEqualTo(101);
		assertThat(chain.at("/0/id").asString()).isEqualTo(original);
		assertThat(chain.at("/0/current").asBoolean()).isTrue();
		assertThat(chain.at("/100/id").asString()).isEqualTo(refused.get(102));
		JsonNode asked = read(this.mvc.perform(get("/api/v1/returns/" + refused.get(0) + "/chain")
			.with(bearer(TOKENS.taxpayer(mst)))));
		assertThat(asked.size()).isEqualTo(102);
		assertThat(asked.at("/1/id").asString()).isEqualTo(refused.get(0));
	}

	/**
	 * A filer who filed only part of a chain (a T-VAN's supplement of the taxpayer's own original) reads its part as
	 * the whole chain judges it: in force, and compared with the original it corrected, named by its id only.
	 */
	@Test
	void aFilerSeesItsPartOfAChainAsTheWholeChainJudgesIt() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String tvan = TOKENS.tvan("tvan-chain-" + UUID.randomUUID());
		JsonNode original = read(file(SampleReturns.forTaxpayer(mst), TOKENS.taxpayer(mst)));
		String corrected = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);
		corrected = SampleReturns.with(corrected, "ct25", "45000000");
		corrected = SampleReturns.with(corrected, "ct36", "37000000");
		corrected = SampleReturns.with(corrected, "ct40a", "25000000");
		corrected = SampleReturns.with(corrected, "ct40", "25000000");
		JsonNode supplement = read(file(SampleReturns.explaining(corrected, "40", 22_000_000, 25_000_000), tvan));
		assertThat(supplement.get("status").asString()).isEqualTo("ACCEPTED");

		JsonNode chain = read(this.mvc.perform(get("/api/v1/returns/" + supplement.get("returnId").asString() + "/chain")
			.with(bearer(tvan))));

		assertThat(chain.size()).as("the original is the taxpayer's, not the T-VAN's").isOne();
		assertThat(chain.at("/0/current").asBoolean()).isTrue();
		assertThat(chain.at("/0/comparedWith").asString()).isEqualTo(original.get("returnId").asString());
		assertThat(chain.at("/0/changes").isEmpty()).as("what changed would quote the taxpayer's original").isTrue();
		assertThat(read(this.mvc.perform(get("/api/v1/returns/" + supplement.get("returnId").asString() + "/chain")
			.with(bearer(TOKENS.taxpayer(mst))))).size()).as("the taxpayer reads the whole chain").isEqualTo(2);

		String stranger = TOKENS.tvan("tvan-probe-" + UUID.randomUUID());
		// a supplement that cannot be accepted (the wrong soLan), as anyone could file one
		JsonNode probe = read(file(SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 7), stranger));
		assertThat(probe.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode probed = read(this.mvc.perform(get("/api/v1/returns/" + probe.get("returnId").asString() + "/chain")
			.with(bearer(stranger))));
		assertThat(probed.at("/0/comparedWith").isNull()).as("a return not accepted learns nothing of the chain")
			.isTrue();
	}

	/**
	 * A T-VAN that transmitted the original reads that the taxpayer superseded it, and by which return (its id, as
	 * the chain names it), but not that return's transaction code: the supplement is the taxpayer's own.
	 */
	@Test
	void aFilerReadsThatItsReturnWasSupersededButNotTheOtherFilersTransactionCode() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String tvan = TOKENS.tvan("tvan-superseded-" + UUID.randomUUID());
		JsonNode original = read(file(SampleReturns.forTaxpayer(mst), tvan));
		String corrected = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);
		corrected = SampleReturns.with(corrected, "ct25", "45000000");
		corrected = SampleReturns.with(corrected, "ct36", "37000000");
		corrected = SampleReturns.with(corrected, "ct40a", "25000000");
		corrected = SampleReturns.with(corrected, "ct40", "25000000");
		JsonNode supplement = read(file(SampleReturns.explaining(corrected, "40", 22_000_000, 25_000_000),
				TOKENS.taxpayer(mst)));
		assertThat(supplement.get("status").asString()).isEqualTo("ACCEPTED");
		String events = "/api/v1/returns/" + original.get("returnId").asString() + "/events";

		this.mvc.perform(get(events).with(bearer(tvan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.type == 'SUPERSEDED')].detail.by").value(supplement.get("returnId").asString()))
			.andExpect(jsonPath("$[?(@.type == 'SUPERSEDED')].detail.transactionCode").isEmpty());
		this.mvc.perform(get(events).with(bearer(TOKENS.taxpayer(mst))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.type == 'SUPERSEDED')].detail.transactionCode")
				.value(supplement.get("transactionCode").asString()));
	}

	private JsonNode read(ResultActions answer) throws Exception {
		return this.json.readTree(answer.andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString());
	}

	private ResultActions file(String xml, String token) throws Exception {
		return this.mvc.perform(post("/api/v1/returns").with(bearer(token))
			.contentType(MediaType.APPLICATION_XML)
			.content(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private long returnsOf(String mst) {
		return this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?").param(mst).query(Long.class).single();
	}

	private static String unsigned(JWTClaimsSet claims) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(claims.toPayload().toString().getBytes(StandardCharsets.UTF_8)) + ".";
	}

}
