package etax.batch.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.access.Caller;
import etax.access.Role;
import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.FakeGateway;
import etax.batch.reconciliation.ReconciledDays;
import etax.batch.reconciliation.TaxSide;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.batch.reconciliation.TaxSide.OFFICE;
import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The console's safeguards on the real database: a refusal by another service shown as its problem's
 * words and audited as REFUSED with its type (a failure as FAILED); a confirmation before anything that
 * destroys or moves money, so that a mis-click does nothing; the approver shown the coding a RECODE
 * changes; refused sign-ins audited without their token; and deep links that survive sign-in, but only
 * to the console's own pages. Works on business day 2025-03-04, references CS…
 */
@BatchProcessorIntegrationTest
class ConsoleSafeguardsIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	private static final String ALREADY_REDRIVEN = "https://etax.example/problems/already-redriven";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void reconcileTheDay() {
		FakeGateway.get().answerWith(201);
		ReconciledDays days = new ReconciledDays(this.mvc, this.jdbc);
		if (days.reconciled(DAY)) {
			return;
		}
		TaxSide tax = new TaxSide(this.jdbc);
		UUID recoded = tax.paid("CS01", DAY, "VND", "2500000", "1701");
		UUID refused = tax.paid("CS02", DAY, "VND", "800000", "1701");
		days.reconcile(DAY,
				bankFile(DAY, voucher("CS01", DAY, "01", "VND", "2500000", "1052"),
						voucher("CS02", DAY, "01", "VND", "800000", "1052")),
				statement(posted(recoded, DAY, "VND", "2500000", "1701"), posted(refused, DAY, "VND", "800000", "1701")));
	}

	@AfterEach
	void forget() {
		FakeGateway.get().forgetAnswers();
		FakeGateway.get().answerWith(201);
	}

	@Test
	void aRefusedRedriveShowsTheProblemsWordsAndIsAuditedAsRefusedWithItsType() {
		FakeGateway.get().answer("POST", "/api/v1/payments/rejected/7:redrive", 409, """
				{"type":"%s","title":"Already re-driven","status":409,
				"detail":"Rejected message 7 was re-driven at 2025-03-04T02:00:00Z."}""".formatted(ALREADY_REDRIVEN));
		MockHttpSession session = signIn(TOKENS.officer("70131"));
		MvcTestResult refused = this.mvc.post()
			.uri("/console/payments/rejected/7/redrive")
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange();
		assertThat(refused).hasRedirectedUrl("/console/payments/rejected")
			.flash()
			.containsEntry("error",
					"payment-gateway refused it: Already re-driven. Rejected message 7 was re-driven at 2025-03-04T02:00:00Z.");
		assertThat(lastAudit("officer-70131", "DLQ_REDRIVE")).isEqualTo("REFUSED " + ALREADY_REDRIVEN);

		FakeGateway.get().answer("POST", "/api/v1/payments/rejected/8:redrive", 503, """
				{"type":"https://etax.example/problems/unavailable","title":"Service unavailable","status":503}""");
		assertThat(this.mvc.post()
			.uri("/console/payments/rejected/8/redrive")
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange()).flash().containsEntry("error", "payment-gateway failed: Service unavailable.");
		assertThat(lastAudit("officer-70131", "DLQ_REDRIVE")).as("the gateway failed: not a refusal")
			.isEqualTo("FAILED https://etax.example/problems/unavailable");
		assertThat(this.mvc.get().uri("/console/audit?subject=officer-70131").session(session).exchange()).bodyText()
			.contains("REFUSED", ALREADY_REDRIVEN, "Already re-driven.");
	}

	@Test
	void aRedriveIsConfirmedFirstAndAMisClickSendsNothing() {
		MockHttpSession session = signIn(TOKENS.officer("70131"));
		int before = FakeGateway.get().requests().size();
		assertThat(this.mvc.post()
			.uri("/console/payments/rejected/9/redrive")
			.param("corrected", "{\"treasuryAccount\":\"7111\"}")
			.session(session)
			.with(csrf())
			.exchange()).hasStatusOk()
			.bodyText()
			.contains("Re-drive rejected message 9?", "the corrected message below", "readonly",
					"{&quot;treasuryAccount&quot;:&quot;7111&quot;}", "Yes, re-drive it", "name=\"confirmed\"");
		assertThat(FakeGateway.get().requests()).as("nothing sent to the gateway").hasSize(before);
		assertThat(count("officer-70131", "DLQ_REDRIVE", "rejected-message 9")).isZero();
	}

	@Test
	void theApproverSeesTheCodingARecodeChangesAndConfirmsBeforeItIsRecorded() throws Exception {
		long id = item("CS01");
		MockHttpSession proposer = signIn(TOKENS.approver(OFFICE, "safeguard-an"));
		post(proposer, "/console/exceptions/" + id + "/assign");
		MvcTestResult asked = this.mvc.post()
			.uri("/console/exceptions/" + id + "/resolve")
			.param("kind", "RECODE")
			.param("reason", "the tax side recorded 1701 for the bank's 1052")
			.param("subItem", "1052")
			.session(proposer)
			.with(csrf())
			.exchange();
		assertThat(asked).as("resolving is confirmed first, with the coding it changes")
			.hasStatusOk()
			.bodyText()
			.contains("Resolve work item #" + id + " as RECODE?", "coding-diff", "<tr class=\"changed\">",
					"name=\"subItem\" value=\"1052\"", "name=\"kind\" value=\"RECODE\"");
		assertThat(status(id)).isEqualTo("ASSIGNED");
		// one digit, written out a billion long on the confirmation: refused before it is shown
		assertThat(post(proposer, "/console/exceptions/" + id + "/resolve", "kind", "RECODE", "reason", "x", "amount",
				"1e999999999")).flash().containsEntry("error", "The corrected amount has at most 18 digits on either "
						+ "side of the decimal point.");
		assertThat(status(id)).isEqualTo("ASSIGNED");
		post(proposer, "/console/exceptions/" + id + "/resolve", "kind", "RECODE", "reason",
				"the tax side recorded 1701 for the bank's 1052", "subItem", "1052", "confirmed", "true");
		assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");

		MockHttpSession approver = signIn(TOKENS.approver(OFFICE, "safeguard-binh"));
		String page = this.mvc.get().uri("/console/exceptions/" + id).session(approver).exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Proposed correction", "<caption>The line's coding as recorded");
		assertThat(row(page, "Sub-item")).as("recorded 1701, proposed 1052, marked")
			.contains("class=\"changed\"", "<td>1701</td>", "<td>1052</td>");
		assertThat(row(page, "Chapter")).doesNotContain("changed").contains("754");
		assertThat(row(page, "Tax period")).contains("00/Q1/2025").doesNotContain("class=\"changed\"");
		assertThat(row(page, "Amount")).contains("2,500,000 VND");

		int before = FakeGateway.get().requests().size();
		MvcTestResult confirm = this.mvc.post()
			.uri("/console/exceptions/" + id + "/approve")
			.session(approver)
			.with(csrf())
			.exchange();
		String reviewed = awaiting(id);
		assertThat(confirm).hasStatusOk().bodyText().contains("Approve correction request", "Yes, approve and record it",
				"safeguard-an", "moves money", "<tr class=\"changed\">",
				"name=\"correctionId\" value=\"" + reviewed + "\"");
		assertThat(FakeGateway.get().requests()).as("a mis-click records nothing at the gateway").hasSize(before);
		assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");

		FakeGateway.get().answer("POST", "/api/v1/corrections", 409, """
				{"type":"https://etax.example/problems/correction-conflict","title":"Correction conflict","status":409,
				"detail":"The posting was corrected by another request."}""");
		assertThat(post(approver, "/console/exceptions/" + id + "/approve", "confirmed", "true", "correctionId", reviewed)).flash()
			.hasEntrySatisfying("error", (error) -> assertThat(error).asString()
				.contains("refused", "The posting was corrected by another request.")
				.doesNotContain("{"));
		assertThat(lastAudit("approver-safeguard-binh", "WORK_ITEM_APPROVE"))
			.isEqualTo("REFUSED https://etax.example/problems/correction-conflict");
		assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");

		FakeGateway.get().forgetAnswers();
		assertThat(post(approver, "/console/exceptions/" + id + "/approve", "confirmed", "true", "correctionId", reviewed)).flash()
			.containsKey("message");
		assertThat(status(id)).isEqualTo("RESOLVED");
	}

	@Test
	void refusedSignInsAreAuditedWithWhoTriedAndWhyButNoToken() {
		String expired = TOKENS.sign(TOKENS.claims(new Caller("officer-safeguard-late", Role.OFFICER, null, OFFICE, null),
				Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(30)).build());
		assertThat(this.mvc.post().uri("/console/login").param("token", expired).with(csrf()).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		String row = this.jdbc.sql("""
				SELECT role || ' ' || outcome || ' ' || detail FROM batch.console_audit
				WHERE subject = 'officer-safeguard-late' AND action = 'SIGN_IN' ORDER BY id DESC LIMIT 1""")
			.query(String.class)
			.single();
		assertThat(row).startsWith("UNVERIFIED REFUSED token not accepted (")
			.containsIgnoringCase("expired")
			.contains("subject as the token claims it", "from ")
			.doesNotContain(expired, expired.substring(expired.lastIndexOf('.') + 1));

		assertThat(this.mvc.post().uri("/console/login").param("token", "garbage-token-42").with(csrf()).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM batch.console_audit WHERE subject = '(unknown)' AND action = 'SIGN_IN'
				AND outcome = 'REFUSED' AND detail NOT LIKE '%garbage-token-42%'""").query(Long.class).single())
			.isPositive();

		String taxpayer = TOKENS.taxpayer("0313829148");
		assertThat(this.mvc.post().uri("/console/login").param("token", taxpayer).with(csrf()).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM batch.console_audit WHERE role = 'TAXPAYER' AND action = 'SIGN_IN'
				AND outcome = 'REFUSED' AND detail LIKE 'role TAXPAYER may not use the console; from %'""")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aDeepLinkFollowedWhileSignedOutLandsOnItsPageAfterSignIn() {
		MvcTestResult away = this.mvc.get().uri("/console/exceptions/" + item("CS02") + "?x=1").exchange();
		assertThat(away).hasStatus(HttpStatus.FOUND);
		String login = away.getResponse().getRedirectedUrl();
		assertThat(login).endsWith("/console/login?next=%2Fconsole%2Fexceptions%2F" + item("CS02") + "%3Fx%3D1");
		assertThat(this.mvc.get().uri(URI.create(login)).exchange()).hasStatusOk()
			.bodyText()
			.contains("name=\"next\" value=\"/console/exceptions/" + item("CS02") + "?x=1\"");
		assertThat(this.mvc.post()
			.uri("/console/login")
			.param("token", TOKENS.officer(OFFICE))
			.param("next", "/console/exceptions/" + item("CS02") + "?x=1")
			.with(csrf())
			.exchange()).hasRedirectedUrl("/console/exceptions/" + item("CS02") + "?x=1");
	}

	@Test
	void aSignInNeverRedirectsOffTheConsole() {
		for (String next : new String[] { "https://evil.example/console/", "//evil.example/console", "/\\evil.example",
				"/console/../actuator/env", "/console/%2e%2e/actuator", "/consolex", "/console//evil.example",
				"javascript:alert(1)", "/console/login", "/console/a\r\nLocation: https://evil.example", "/api/v1/batches" }) {
			assertThat(this.mvc.post()
				.uri("/console/login")
				.param("token", TOKENS.officer(OFFICE))
				.param("next", next)
				.with(csrf())
				.exchange()).as(next).hasRedirectedUrl("/console/exceptions");
			assertThat(this.mvc.get().uri("/console/login").param("next", next).exchange()).as(next)
				.bodyText()
				.doesNotContain("name=\"next\"");
		}
	}

	private MvcTestResult post(MockHttpSession session, String uri, String... params) {
		var request = this.mvc.post().uri(uri).session(session).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).as(uri).hasStatus(HttpStatus.FOUND);
		return result;
	}

	/** The row of the coding diff for one field, as HTML. */
	private static String row(String page, String field) {
		int table = page.indexOf("id=\"coding-diff\"");
		int at = page.indexOf("<th scope=\"row\">" + field + "</th>", table);
		assertThat(at).as(field).isPositive();
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}

	/** The correction request an item waits for, as the approval page names it. */
	private String awaiting(long id) {
		return this.jdbc.sql("""
				SELECT correction_id::text FROM reconciliation.correction_request
				WHERE work_item_id = ? AND status = 'AWAITING_APPROVAL'""").param(id).query(String.class).single();
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM reconciliation.work_item WHERE work_item_id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private String lastAudit(String subject, String action) {
		return this.jdbc.sql("""
				SELECT outcome || ' ' || coalesce(problem_type, '-') FROM batch.console_audit
				WHERE subject = ? AND action = ? ORDER BY id DESC LIMIT 1""")
			.params(subject, action)
			.query(String.class)
			.single();
	}

	private long count(String subject, String action, String target) {
		return this.jdbc.sql("SELECT count(*) FROM batch.console_audit WHERE subject = ? AND action = ? AND target = ?")
			.params(subject, action, target)
			.query(Long.class)
			.single();
	}

	private long item(String reference) {
		return this.jdbc.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ? AND bank_reference = ?")
			.params(DAY, reference)
			.query(Long.class)
			.single();
	}

	/**
	 * A CSRF token handed out before sign-in (say, on a sign-in page another person opened on the same machine) is
	 * no good after it: the sign-in gives the session a new one.
	 */
	@Test
	void theCsrfTokenOfTheSignedOutPageIsNoGoodOnceSignedIn() throws Exception {
		MvcTestResult form = this.mvc.get().uri("/console/login").exchange();
		MockHttpSession session = (MockHttpSession) form.getMvcResult().getRequest().getSession();
		String before = csrfField(form);
		assertThat(this.mvc.post()
			.uri("/console/login")
			.param("token", TokenIssuer.local().officer("99999"))
			.param("_csrf", before)
			.session(session)
			.exchange()).hasRedirectedUrl("/console/exceptions");

		assertThat(this.mvc.post().uri("/console/logout").param("_csrf", before).session(session).exchange())
			.as("the old token refused").hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult page = this.mvc.get().uri("/console/exceptions").session(session).exchange();
		assertThat(page).hasStatusOk();
		assertThat(this.mvc.post().uri("/console/logout").param("_csrf", csrfField(page)).session(session).exchange())
			.as("the new one taken").hasRedirectedUrl("/console/login?signedOut");
	}

	private static String csrfField(MvcTestResult page) throws Exception {
		Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(field.find()).as("a form with its CSRF token").isTrue();
		return field.group(1);
	}

	private MockHttpSession signIn(String token) {
		MvcTestResult result = this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

}
