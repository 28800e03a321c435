package etax.declaration.taxpayer;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import etax.access.Caller;
import etax.access.Role;
import etax.devstack.DemoTaxpayers;
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
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registry keeps consistent data: what contradicts it is refused, and nothing moves silently. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class RegistryIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaxpayerRegistry registry;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void aCertificateSerialNamesOneCertificateForGood() throws Exception {
		String owner = registered();
		String other = registered();
		String serial = Long.toHexString(System.nanoTime());
		String certificate = certificate(serial, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");

		certificate(owner, certificate).andExpect(status().isCreated());
		certificate(owner, certificate).andExpect(status().isOk()).andExpect(jsonPath("$.mst").value(owner));
		certificate(other, certificate).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "registration-conflict"));
		certificate(other, certificate("000" + serial.toUpperCase(java.util.Locale.ROOT), "2026-01-01T00:00:00Z",
				"2027-01-01T00:00:00Z"))
			.andExpect(status().isConflict()); // the same serial written otherwise

		assertThat(this.jdbc.sql("SELECT mst FROM filing.certificate WHERE serial_number = ?")
			.param(serial.toUpperCase(java.util.Locale.ROOT))
			.query(String.class)
			.list()).containsExactly(owner);
	}

	/**
	 * A serial is unique only within its issuer: another CA's certificate of the same serial is another certificate,
	 * and one issuer written two ways is one issuer.
	 */
	@Test
	void aCertificateIsNamedByItsIssuerAndSerial() throws Exception {
		String owner = registered();
		String other = registered();
		String serial = Long.toHexString(System.nanoTime());

		certificate(owner, certificate("CN=CA MỘT, O=ETAX", serial, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.issuer").value("CN=CA MỘT,O=ETAX"));
		certificate(other, certificate("CN=CA HAI, O=ETAX", serial, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
			.andExpect(status().isCreated());
		certificate(owner, certificate("cn=CA MỘT,o=ETAX", serial, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.issuer").value("CN=CA MỘT,O=ETAX"));
		certificate(other, certificate("CN=ca một,O=etax", serial, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "registration-conflict"));
		certificate(owner, certificate("not a name", serial, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-registration"));

		assertThat(this.jdbc.sql("SELECT mst || ' ' || issuer FROM filing.certificate WHERE serial_number = ?")
			.param(serial.toUpperCase(java.util.Locale.ROOT))
			.query(String.class)
			.list()).containsExactlyInAnyOrder(owner + " CN=CA MỘT,O=ETAX", other + " CN=CA HAI,O=ETAX");
	}

	/** A certificate whose subject names another taxpayer's MST is not this taxpayer's. */
	@Test
	void refusesACertificateWhoseSubjectNamesAnotherMst() throws Exception {
		String mst = registered();
		String serial = Long.toHexString(System.nanoTime());

		certificate(mst, subjectCertificate(serial, "UID=MST:" + DemoTaxpayers.newMst() + ",CN=KHÁC"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-registration"));
		// in a multi-valued RDN, and beside its own
		certificate(mst, subjectCertificate(serial, "CN=KHÁC+UID=MST:" + DemoTaxpayers.newMst()))
			.andExpect(status().isBadRequest());
		certificate(mst, subjectCertificate(serial, "UID=MST:" + mst + ",UID=MST:" + DemoTaxpayers.newMst() + ",CN=HAI"))
			.andExpect(status().isBadRequest());
		certificate(mst, subjectCertificate(serial, "UID=MST:" + mst + ",CN=CHÍNH NÓ")).andExpect(status().isCreated());
	}

	/**
	 * Contracts are numbered with slashes (15/2025/HĐDV-ĐLT), which no path segment carries: the ending names the
	 * contract in its body. A retry of the contract's registration is answered as the contract now ends.
	 */
	@Test
	void aContractNumberedWithSlashesIsEndedByItsNumberInTheBody() throws Exception {
		String agent = registered();
		String client = registered();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		contract(agent, client, "15/2025/HĐDV-ĐLT", "2026-01-01", null).andExpect(status().isCreated());
		String ending = "{\"contractNumber\":\"15/2025/HĐDV-ĐLT\",\"endsOn\":\"" + today
				+ "\",\"reason\":\"the client ended it\"}";

		this.mvc.perform(post("/api/v1/agents/" + agent + "/contract-endings").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ending))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contractNumber").value("15/2025/HĐDV-ĐLT"))
			.andExpect(jsonPath("$.validTo").value(today.toString()));
		this.mvc.perform(post("/api/v1/agents/" + agent + "/contract-endings").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ending.replace("15/2025", "16/2025")))
			.andExpect(status().isNotFound());
		contract(agent, client, "15/2025/HĐDV-ĐLT", "2026-01-01", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.validTo").value(today.toString()));
	}

	/**
	 * A branch's certificate may name the branch or its head office, written either way (0313829148001 is
	 * 0313829148-001), by UID's name or its object identifier.
	 */
	@Test
	void aBranchsCertificateNamesTheBranchOrItsHeadOffice() throws Exception {
		String head = registered();
		String branch = head + "-001";
		taxpayer("{\"mst\":\"" + branch + "\",\"name\":\"CHI NHÁNH THỬ NGHIỆM\"," + REST + "}")
			.andExpect(status().isCreated());

		certificate(branch, subjectCertificate(Long.toHexString(System.nanoTime()), "UID=MST:" + head + ",CN=CÔNG TY"))
			.andExpect(status().isCreated());
		certificate(branch, subjectCertificate(Long.toHexString(System.nanoTime()), "UID=MST:" + head + "001,CN=CN"))
			.andExpect(status().isCreated());
		certificate(branch, subjectCertificate(Long.toHexString(System.nanoTime()),
				"0.9.2342.19200300.100.1.1=MST:" + DemoTaxpayers.newMst() + ",CN=KHÁC"))
			.andExpect(status().isBadRequest());
	}

	/**
	 * A certificate registered before issuers were is the same certificate when registered again with its issuer and
	 * the same details: it learns its issuer, and is not listed twice.
	 */
	@Test
	void aCertificateRegisteredBeforeIssuersLearnsItsIssuer() throws Exception {
		String mst = registered();
		String serial = Long.toHexString(System.nanoTime()).toUpperCase(java.util.Locale.ROOT);
		this.jdbc.sql("""
				INSERT INTO filing.certificate (issuer, issuer_key, serial_number, mst, subject, not_before, not_after)
				VALUES ('', '', ?, ?, 'CN=THỬ NGHIỆM', TIMESTAMPTZ '2026-01-01 00:00:00Z', TIMESTAMPTZ '2027-01-01 00:00:00Z')
				""").params(serial, mst).update();

		// another taxpayer's
		certificate(registered(), certificate(serial, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
			.andExpect(status().isConflict());
		certificate(mst, certificate(serial, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
			.andExpect(status().isOk());

		assertThat(this.jdbc.sql("SELECT issuer FROM filing.certificate WHERE serial_number = ?")
			.param(serial)
			.query(String.class)
			.list()).containsExactly("CN=CA THỬ NGHIỆM,O=ETAX");
	}

	@Test
	void refusesCertificatesOfNoTaxpayerOrEndingBeforeTheyStart() throws Exception {
		String mst = registered();

		certificate(DemoTaxpayers.newMst(), certificate("ab01", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "taxpayer-not-found"));
		certificate(mst, certificate("ab02", "2027-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-registration"));
		certificate(mst, certificate("ab03", "2026-01-01T00:00:00Z", "+300000-01-01T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.endsWith("notAfter must be a date from the year 1900 to the year 9999")));
		this.mvc.perform(get("/api/v1/intake-audit").param("from", "+300000-01-01T00:00:00Z").with(officer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("from must be a date from the year")));
		this.mvc.perform(get("/api/v1/taxpayers/abc/certificates").with(officer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-mst"));
		this.mvc.perform(get("/api/v1/taxpayers/" + DemoTaxpayers.newMst() + "/certificates").with(officer()))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesContractsThatContradictTheRegistry() throws Exception {
		String agent = registered();
		String client = registered();
		String otherClient = registered();

		contract(agent, client, "HD-1", "2026-06-01", "2026-05-01").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("validTo must not be before validFrom"));
		contract(agent, agent, "HD-1", "2026-01-01", null).andExpect(status().isBadRequest());
		contract(DemoTaxpayers.newMst(), client, "HD-1", "2026-01-01", null).andExpect(status().isBadRequest());
		contract(agent, DemoTaxpayers.newMst(), "HD-1", "2026-01-01", null).andExpect(status().isBadRequest());
		contract(agent, client, "HD-1", "2026-01-01", null).andExpect(status().isCreated());
		contract(agent, client, "HD-1", "2026-01-01", null).andExpect(status().isOk());
		contract(agent, otherClient, "HD-1", "2026-01-01", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "registration-conflict"));

		assertThat(this.jdbc.sql("SELECT taxpayer_mst FROM filing.agent_contract WHERE agent_mst = ?")
			.param(agent)
			.query(String.class)
			.list()).containsExactly(client);
	}

	@Test
	void boundsAndNamesTheTextsItStores() throws Exception {
		String mst = DemoTaxpayers.newMst();

		taxpayer("{\"mst\":\"" + mst + "\",\"name\":\"" + "N".repeat(2_000_000) + "\"," + REST + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("name size must be")));
		taxpayer("{\"mst\":\"" + mst + "\",\"name\":\"A\\u0000B\"," + REST + "}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("name must not contain control characters"));
		taxpayer("{\"mst\":\"" + mst + "\",\"name\":\"A\"," + REST + ",\"filingFrequencyFrom\":\"+6000000-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("filingFrequencyFrom must be a date from the year 1900 to the year 9999"));
		taxpayer("{\"mst\":\"" + mst + "\",\"name\":\"A\",\"status\":\"ACTIVE\",\"filingFrequency\":\"Q\","
				+ "\"taxOfficeCode\":\"99999\",\"chapter\":\"754\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("eFiling")));

		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.taxpayer WHERE mst = ?").param(mst).query(Long.class).single())
			.isZero();
	}

	/**
	 * An office's officer registers and updates the taxpayers it manages, and their certificates and contracts; another
	 * office's taxpayer it neither reads nor rewrites, nor gives an agent.
	 */
	@Test
	void anOfficesOfficerKeepsTheRecordsOfItsOwnTaxpayersOnly() throws Exception {
		RequestPostProcessor ours = bearer(TokenIssuer.local().officer("70129"));
		RequestPostProcessor theirs = bearer(TokenIssuer.local().officer("70131"));
		String mst = DemoTaxpayers.newMst();
		String agent = registered();
		String details = "{\"mst\":\"" + mst + "\",\"name\":\"CÔNG TY THỬ NGHIỆM\",\"status\":\"ACTIVE\","
				+ "\"eFiling\":true,\"filingFrequency\":\"Q\",\"taxOfficeCode\":\"70129\",\"chapter\":\"754\"}";

		taxpayer(theirs, details).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-registration"));
		taxpayer(ours, details).andExpect(status().isCreated());
		taxpayer(theirs, details.replace("ACTIVE", "SUSPENDED")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "registration-conflict"));
		this.mvc.perform(get("/api/v1/taxpayers/" + mst).with(theirs)).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/certificates").with(theirs)
			.contentType(MediaType.APPLICATION_JSON)
			.content(certificate(Long.toHexString(System.nanoTime()), "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/certificates").with(theirs)).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/agents/" + agent + "/contracts").with(theirs)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"taxpayerMst\":\"" + mst + "\",\"contractNumber\":\"HD-1\",\"validFrom\":\"2026-01-01\"}"))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT status FROM filing.taxpayer WHERE mst = ?").param(mst).query(String.class).single())
			.isEqualTo("ACTIVE");

		this.mvc.perform(get("/api/v1/taxpayers/" + mst).with(ours)).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/agents/" + agent + "/contracts").with(ours)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"taxpayerMst\":\"" + mst + "\",\"contractNumber\":\"HD-1\",\"validFrom\":\"2026-01-01\"}"))
			.andExpect(status().isCreated());
		taxpayer(ours, details.replace("\"70129\"", "\"70131\"")).andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/taxpayers/" + mst).with(theirs))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.taxOfficeCode").value("70131"));
		this.mvc.perform(get("/api/v1/taxpayers/" + mst).with(ours)).andExpect(status().isNotFound());
	}

	private ResultActions taxpayer(RequestPostProcessor officer, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/taxpayers").with(officer).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static final String REST = "\"status\":\"ACTIVE\",\"eFiling\":true,\"filingFrequency\":\"Q\","
			+ "\"taxOfficeCode\":\"99999\",\"chapter\":\"754\"";

	/**
	 * An officer's record about a taxpayer (an extension, an inspection, a certificate) share-locks its row until it
	 * commits: a handover to another office, from another connection, waits for it rather than leaving the record
	 * made by the office the taxpayer has left.
	 */
	@Test
	void aHandoverWaitsForWhatAnOfficerOfTheOfficeItLeavesIsRecording() throws Exception {
		String mst = registered();
		Caller officer = new Caller("officer-99999", Role.OFFICER, null, "99999", null);
		String handover = "UPDATE filing.taxpayer SET tax_office_code = '10107' WHERE mst = '" + mst + "'";
		CountDownLatch recording = new CountDownLatch(1);
		CountDownLatch recorded = new CountDownLatch(1);
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<?> officerRecords = thread.submit(() -> new TransactionTemplate(this.transactions)
				.executeWithoutResult((status) -> {
					this.registry.managedByWhileRecording(officer, mst);
					recording.countDown();
					await(recorded);
				}));
			assertThat(recording.await(30, TimeUnit.SECONDS)).isTrue();
			try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("SET lock_timeout = '300ms'");
				assertThatThrownBy(() -> statement.executeUpdate(handover)).hasMessageContaining("lock timeout");
			}
			recorded.countDown();
			officerRecords.get(30, TimeUnit.SECONDS);
			assertThat(this.jdbc.sql(handover).update()).isEqualTo(1);
		}
		finally {
			recorded.countDown();
			thread.shutdownNow();
		}
		assertThatThrownBy(() -> this.registry.managedByWhileRecording(officer, mst))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String registered() throws Exception {
		String mst = DemoTaxpayers.newMst();
		taxpayer("{\"mst\":\"" + mst + "\",\"name\":\"CÔNG TY THỬ NGHIỆM\"," + REST + "}").andExpect(status().isCreated());
		return mst;
	}

	/**
	 * Two first registrations of one taxpayer at once (two officers, or a client's retry), each with the date its
	 * frequency applies from, in separate transactions of the real database: each is answered (the second is judged
	 * on what the first stored), never a 500, and the taxpayer has one row and one change of frequency.
	 */
	@Test
	void twoFirstRegistrationsAtOnceAreJudgedOneAfterTheOther() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				String mst = DemoTaxpayers.newMst();
				String json = "{\"mst\":\"" + mst + "\",\"name\":\"A\"," + REST + ",\"filingFrequencyFrom\":\"2026-01-01\"}";
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> answers = new ArrayList<>();
				for (int officer = 0; officer < 2; officer++) {
					answers.add(threads.submit(() -> {
						start.await();
						return taxpayer(json).andReturn().getResponse().getStatus();
					}));
				}
				start.countDown();
				for (Future<Integer> answer : answers) {
					assertThat(answer.get(30, TimeUnit.SECONDS)).as("round " + round).isEqualTo(201);
				}
				assertThat(this.jdbc.sql("SELECT count(*) FROM filing.filing_frequency_change WHERE mst = ?")
					.param(mst)
					.query(Long.class)
					.single()).isOne();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private ResultActions taxpayer(String json) throws Exception {
		return this.mvc.perform(post("/api/v1/taxpayers").with(officer()).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static String certificate(String serial, String notBefore, String notAfter) {
		return certificate("CN=CA THỬ NGHIỆM, O=ETAX", serial, notBefore, notAfter);
	}

	private static String certificate(String issuer, String serial, String notBefore, String notAfter) {
		return certificate(issuer, serial, "CN=THỬ NGHIỆM", notBefore, notAfter);
	}

	private static String subjectCertificate(String serial, String subject) {
		return certificate("CN=CA THỬ NGHIỆM, O=ETAX", serial, subject, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
	}

	private static String certificate(String issuer, String serial, String subject, String notBefore, String notAfter) {
		return "{\"issuer\":\"" + issuer + "\",\"serialNumber\":\"" + serial + "\",\"subject\":\"" + subject
				+ "\",\"notBefore\":\"" + notBefore + "\",\"notAfter\":\"" + notAfter + "\"}";
	}

	private ResultActions certificate(String mst, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/certificates").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private ResultActions contract(String agent, String client, String number, String from, String to) throws Exception {
		String json = "{\"taxpayerMst\":\"" + client + "\",\"contractNumber\":\"" + number + "\",\"validFrom\":\"" + from
				+ "\"" + ((to != null) ? ",\"validTo\":\"" + to + "\"" : "") + "}";
		return this.mvc.perform(post("/api/v1/agents/" + agent + "/contracts").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

}
