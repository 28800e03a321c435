package etax.batch.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.reconciliation.ReconciledDays;
import etax.batch.reconciliation.TaxSide;
import etax.devstack.TokenIssuer;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.batch.reconciliation.TaxSide.OFFICE;
import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The officers' console on the real database: sign-in with the identity provider's tokens (and the
 * tokens it refuses), CSRF on every action, the office scope, server-side filters, and the audit of
 * actions. Works on business day 2025-03-05, references CN…
 */
@BatchProcessorIntegrationTest
class ConsoleIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 5);

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void reconcileTheDay() {
		ReconciledDays days = new ReconciledDays(this.mvc, this.jdbc);
		if (days.reconciled(DAY)) {
			return;
		}
		TaxSide tax = new TaxSide(this.jdbc);
		UUID first = tax.paid("CN01", DAY, "VND", "1000000", "1701");
		UUID second = tax.paid("CN02", DAY, "VND", "2000000", "1701");
		UUID dollars = tax.paid("CN03", DAY, "USD", "100.55", "1701");
		days.reconcile(DAY,
				bankFile(DAY, voucher("CN01", DAY, "01", "VND", "1000000", "1052"),
						voucher("CN03", DAY, "01", "USD", "100.55", "1701")),
				statement(posted(first, DAY, "VND", "1000000", "1701"), posted(second, DAY, "VND", "2000000", "1701"),
						posted(dollars, DAY, "USD", "100.55", "1701")));
	}

	/** The queue is paged from the last item shown (a page number would skip the items that left it). */
	@Test
	void theQueueLinksToTheItemsAfterTheLastShownAndBackToTheFirst() {
		MockHttpSession session = signIn(TOKENS.officer(OFFICE));
		List<Long> items = this.jdbc
			.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ? ORDER BY work_item_id")
			.param(DAY)
			.query(Long.class)
			.list();
		assertThat(items).as("CN01 and CN02").hasSize(2);
		assertThat(this.mvc.get().uri("/console/exceptions?day=" + DAY).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("2 rows shown of 2")
			.doesNotContain("First page", "Next page");
		long before = items.get(0);
		long after = items.get(1);
		assertThat(this.mvc.get().uri("/console/exceptions?day=" + DAY + "&after=" + DAY + "," + before).session(session)
			.exchange()).hasStatusOk()
			.bodyText()
			.contains("1 rows shown of 2", "/console/exceptions/" + after + "\"", "First page",
					"href=\"/console/exceptions?day=" + DAY + "\"")
			.doesNotContain("/console/exceptions/" + before + "\"");
	}

	@Test
	void anOfficerSignsInWithATokenSeesTheQueueAndSignsOut() {
		MockHttpSession session = signIn(TOKENS.officer(OFFICE));
		assertThat(this.mvc.get().uri("/console/exceptions?day=" + DAY).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("officer-" + OFFICE, "Exceptions queue", "CN01", "CN02", "<caption>");
		assertThat(audit("officer-" + OFFICE, "SIGN_IN")).isPositive();
		assertThat(this.mvc.post().uri("/console/logout").session(session).with(csrf()).exchange())
			.hasRedirectedUrl("/console/login?signedOut");
		assertThat(this.mvc.get().uri("/console/exceptions").session(session).exchange())
			.hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.endsWith("/console/login");
	}

	@Test
	void tokensOfOtherRolesExpiredOrForgedDoNotSignIn() {
		assertRefused(TOKENS.taxpayer("0313829148"), "Only officers and national officers");
		assertRefused(TOKENS.sign(TOKENS.claims(new Caller("officer-late", Role.OFFICER, null, OFFICE, null),
				Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(30)).build()), "not accepted");
		assertRefused(TokenIssuer.create("https://id.elsewhere").officer(OFFICE), "not accepted");
		assertRefused("not a token", "not accepted");
		assertThat(this.mvc.get().uri("/console/batches").exchange()).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.endsWith("/console/login?next=%2Fconsole%2Fbatches");
		assertThat(this.mvc.get().uri("/console/exceptions").with(officer()).exchange())
			.as("a bearer token is no console session")
			.hasStatus(HttpStatus.FOUND);
	}

	@Test
	void actionsNeedTheCsrfTokenAndAreAudited() {
		MockHttpSession session = signIn(TOKENS.approver(OFFICE, "console-an"));
		long id = item("CN01");
		assertThat(this.mvc.post().uri("/console/exceptions/" + id + "/assign").session(session).exchange())
			.hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
			.bodyText()
			.contains("Reload the page");
		assertThat(audit("approver-console-an", "WORK_ITEM_ASSIGN")).isZero();

		assertThat(this.mvc.post().uri("/console/exceptions/" + id + "/assign").session(session).with(csrf()).exchange())
			.hasRedirectedUrl("/console/exceptions/" + id)
			.flash()
			.containsEntry("message", "Assigned to approver-console-an.");
		assertThat(this.mvc.post()
			.uri("/console/exceptions/" + id + "/resolve")
			.session(session)
			.with(csrf())
			.param("kind", "RECODE")
			.param("reason", "x")
			.param("amount", "-5")
			.param("confirmed", "true")
			.exchange()).flash()
			.hasEntrySatisfying("error", (error) -> assertThat(error).asString().contains("must be positive"));
		assertThat(this.mvc.post()
			.uri("/console/exceptions/" + id + "/comments")
			.session(session)
			.with(csrf())
			.param("text", "B".repeat(2001))
			.exchange()).flash()
			.hasEntrySatisfying("error", (error) -> assertThat(error).asString().contains("at most 2000 characters"));
		assertThat(this.mvc.get().uri("/console/exceptions/" + id).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("pattern=\"[0-9]{3}\"", "pattern=\"[0-9]{4}\"", "min=\"1\"", "maxlength=\"2000\"")
			.doesNotContain("BBBBBBBBBB");
		assertThat(this.mvc.post()
			.uri("/console/exceptions/" + id + "/resolve")
			.session(session)
			.with(csrf())
			.param("kind", "RECODE")
			.param("reason", "the bank keyed the wrong sub-item")
			.param("subItem", "1052")
			.param("confirmed", "true")
			.exchange()).flash().containsKey("message");
		assertThat(this.mvc.post()
			.uri("/console/exceptions/" + id + "/approve")
			.param("confirmed", "true")
			.param("correctionId", this.jdbc.sql("""
					SELECT correction_id::text FROM reconciliation.correction_request
					WHERE work_item_id = ? AND status = 'AWAITING_APPROVAL'""").param(id).query(String.class).single())
			.session(session)
			.with(csrf())
			.exchange())
			.as("four eyes: not the officer who resolved it")
			.flash()
			.containsKey("error");
		assertThat(audit("approver-console-an", "WORK_ITEM_ASSIGN")).isOne();
		assertThat(this.jdbc.sql("""
				SELECT outcome FROM batch.console_audit WHERE subject = ? AND action = 'WORK_ITEM_APPROVE'""")
			.param("approver-console-an")
			.query(String.class)
			.single()).isEqualTo("REFUSED");
		String awaited = this.jdbc.sql("""
				SELECT correction_id::text FROM reconciliation.correction_request
				WHERE work_item_id = ? AND status = 'AWAITING_APPROVAL'""").param(id).query(String.class).single();
		assertThat(this.mvc.get().uri("/console/exceptions/" + id).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("AWAITING_APPROVAL", "RESOLUTION_PROPOSED",
					"<input type=\"hidden\" name=\"correctionId\" value=\"" + awaited + "\">");
		MockHttpSession second = signIn(TOKENS.approver(OFFICE, "console-second"));
		assertThat(this.mvc.post()
			.uri("/console/exceptions/" + id + "/reject")
			.param("reason", "written about another proposal")
			.param("correctionId", UUID.randomUUID().toString())
			.session(second)
			.with(csrf())
			.exchange()).as("a form of a proposal since withdrawn sends back nothing")
			.flash()
			.hasEntrySatisfying("error", (error) -> assertThat(error).asString().contains("not the one reviewed"));
		assertThat(this.jdbc.sql("SELECT status FROM reconciliation.correction_request WHERE correction_id = ?::uuid")
			.param(awaited)
			.query(String.class)
			.single()).isEqualTo("AWAITING_APPROVAL");
		assertThat(this.mvc.get().uri("/console/audit?subject=approver-console-an").session(session).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("WORK_ITEM_APPROVE", "REFUSED", "WORK_ITEM_ASSIGN");
	}

	@Test
	void anOfficerOfAnotherOfficeDoesNotSeeTheItems() {
		MockHttpSession elsewhere = signIn(TOKENS.officer("70129"));
		assertThat(this.mvc.get().uri("/console/exceptions/" + item("CN02")).session(elsewhere).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/console/exceptions?day=" + DAY).session(elsewhere).exchange()).hasStatusOk()
			.bodyText()
			.doesNotContain("CN02")
			.contains("No work items match.");
		MockHttpSession national = signIn(TOKENS.nationalOfficer());
		assertThat(this.mvc.get().uri("/console/exceptions/" + item("CN02")).session(national).exchange())
			.hasStatusOk()
			.bodyText()
			.as("the amount as every console page shows money, in the facts and the legs")
			.contains("<dd id=\"item-amount\">2,000,000 VND</dd>", "<td class=\"num\">2,000,000 VND</td>")
			.doesNotContain("2000000", ".00 VND");
	}

	@Test
	void anOfficeOfficerReadsTheAuditOfItsOfficeOnlyANationalOfficerAll() {
		MockHttpSession here = signIn(TOKENS.approver(OFFICE, "console-audit"));
		long id = item("CN02");
		assertThat(this.mvc.post()
			.uri("/console/exceptions/" + id + "/comments")
			.session(here)
			.with(csrf())
			.param("text", "Asked the bank")
			.exchange()).flash().containsKey("message");
		MockHttpSession national = signIn(
				TOKENS.token(new Caller("national-console-audit", Role.NATIONAL_OFFICER, null, null, null)));
		MockHttpSession elsewhere = signIn(
				TOKENS.token(new Caller("officer-console-audit", Role.OFFICER, null, "70131", null)));

		auditPage(elsewhere, "").contains("officer-console-audit", "70131")
			.doesNotContain("approver-console-audit", "national-console-audit", "work-item " + id);
		auditPage(elsewhere, "?subject=approver-console-audit").contains("Nothing recorded.")
			.doesNotContain("WORK_ITEM_COMMENT");
		auditPage(here, "?subject=approver-console-audit").contains("WORK_ITEM_COMMENT", "work-item " + id);
		auditPage(here, "?action=SIGN_IN").contains("approver-console-audit")
			.doesNotContain("national-console-audit", "officer-console-audit");
		auditPage(national, "?subject=approver-console-audit").contains("WORK_ITEM_COMMENT", "work-item " + id,
				OFFICE);
		auditPage(national, "?subject=officer-console-audit").contains("SIGN_IN", "70131");
		auditPage(national, "?action=SIGN_IN").contains("national-console-audit", "officer-console-audit",
				"approver-console-audit");
		assertThat(this.jdbc.sql("""
				SELECT subject || ' ' || coalesce(tax_office, 'none') FROM batch.console_audit
				WHERE action = 'SIGN_IN' AND subject LIKE '%console-audit'""").query(String.class).list())
			.containsExactlyInAnyOrder("approver-console-audit " + OFFICE, "national-console-audit none",
					"officer-console-audit 70131");
	}

	@Test
	void listsAreFilteredAndPagedOnTheServer() {
		MockHttpSession session = signIn(TOKENS.officer(OFFICE));
		assertThat(this.mvc.get()
			.uri("/console/exceptions?day=" + DAY + "&class=ONLY_TAX&status=OPEN")
			.session(session)
			.exchange()).hasStatusOk().bodyText().contains("CN02").doesNotContain("CN01").contains("1 rows shown of 1<");
		assertThat(this.mvc.get().uri("/console/exceptions?day=" + DAY + "&class=MATCHED").session(session).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("No work items match.");
		assertThat(this.mvc.get().uri("/console/exceptions?day=" + DAY + "&after=" + DAY + ",9223372036854775807")
			.session(session)
			.exchange()).hasStatusOk().bodyText().contains("0 rows shown of 2", "First page").doesNotContain("Next page");
		assertThat(this.mvc.get().uri("/console/exceptions?after=" + DAY + ",x").session(session).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theBackOfficePagesShowTheDayTheJobsAndTheBatches() {
		MockHttpSession session = signIn(TOKENS.nationalOfficer());
		assertThat(this.mvc.get().uri("/console/reconciliation").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains(DAY.toString());
		assertThat(this.mvc.get().uri("/console/reconciliation/days/" + DAY + "?class=ONLY_TAX").session(session).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("RECONCILED", "ONLY_TAX", "CODING_MISMATCH", "TREASURY");
		assertThat(this.mvc.get().uri("/console/reconciliation/days/" + DAY).session(session).exchange()).hasStatusOk()
			.bodyText()
			.as("dollars to the cent, đồng whole; the lines with their currency")
			.contains("100.55", "1,000,000", "<td class=\"num\">1,000,000 VND</td>", "<td class=\"num\">100.55 USD</td>")
			.doesNotContain("1,000,000.00", "1000000", ".00 VND");
		long runs = audit("national-officer", "RECONCILIATION_RUN");
		assertThat(this.mvc.post()
			.uri("/console/reconciliation/runs")
			.param("day", DAY.toString())
			.session(session)
			.with(csrf())
			.exchange()).hasStatusOk()
			.bodyText()
			.contains("Run the reconciliation of " + DAY + "?", "Yes, run it");
		assertThat(audit("national-officer", "RECONCILIATION_RUN")).as("a click asks first").isEqualTo(runs);
		assertThat(this.mvc.post()
			.uri("/console/reconciliation/runs")
			.param("day", DAY.toString())
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/console/reconciliation/days/" + DAY).flash().containsKey("message");
		assertThat(audit("national-officer", "RECONCILIATION_RUN")).isPositive();
		assertThat(this.mvc.get().uri("/console/jobs").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("reconciliationJob");
		assertThat(this.mvc.get().uri("/console/batches").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Bulk filings");
		assertThat(this.mvc.get().uri("/console/batches/" + UUID.randomUUID()).session(session).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/console/taxpayers").session(session).exchange()).hasStatusOk();
		assertThat(this.mvc.get().uri("/console/taxpayers?mst=12").session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("An MST has 10 digits");
	}

	@Test
	void aPageFarPastTheLastShowsNoRowsAndLinksBackNeverToANegativePage() {
		MockHttpSession session = signIn(TOKENS.nationalOfficer());
		for (String list : new String[] { "/console/batches", "/console/jobs", "/console/audit",
				"/console/reconciliation" }) {
			assertThat(this.mvc.get().uri(list + "?page=2147483647").session(session).exchange()).as(list)
				.hasStatusOk()
				.bodyText()
				.contains("Previous page")
				.doesNotContain("Next page", "-2147483648", "Rows -", "page -");
		}
		assertThat(this.mvc.get().uri("/console/batches?page=2147483647").session(session).exchange()).bodyText()
			.contains("page 1000001 of");
	}

	@Test
	void aBadAddressShowsAnHtmlPageInTheConsoleWithItsStatus() {
		MockHttpSession session = signIn(TOKENS.officer(OFFICE));
		for (String bad : new String[] { "/console/batches?status=FOO", "/console/batches?page=abc",
				"/console/batches/not-a-uuid" }) {
			MvcTestResult result = this.mvc.get().uri(bad).session(session).exchange();
			assertThat(result).as(bad).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result.getResponse().getContentType()).as(bad).startsWith("text/html");
			assertThat(result).bodyText().contains("Bad Request", "Officers' console", "Back to the console");
		}
		MvcTestResult missing = this.mvc.get().uri("/console/nonexistent").session(session).exchange();
		assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(missing.getResponse().getContentType()).startsWith("text/html");
		assertThat(missing).bodyText().contains("There is no such page in the console.", "Officers' console");
		assertThat(this.mvc.get().uri("/console/console.css").exchange()).as("the console's own files still served")
			.hasStatusOk();
	}

	@Test
	void anOfficerCancelsABatchLeftFailedAndTheActionIsAudited() {
		UUID batchId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO batch.bulk_batch (id, filer_subject, filer_role, filer_mst, format, upload_size, upload_sha256,
					item_count, status, received_at, heartbeat_at)
				VALUES (?, 'agent-0100109106', 'AGENT', '0100109106', 'ZIP', 1, 'none', 1, 'FAILED', now(), now())
				""").param(batchId).update();
		this.jdbc.sql("""
				INSERT INTO batch.bulk_item (batch_id, item_no, name, content, part, status)
				VALUES (?, 1, '01.xml', convert_to('<HSoThueDTu/>', 'UTF8'), 0, 'PENDING')
				""").param(batchId).update();
		MockHttpSession session = signIn(TOKENS.nationalOfficer());
		assertThat(this.mvc.get().uri("/console/batches/" + batchId).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("Cancel the batch");

		assertThat(this.mvc.post().uri("/console/batches/" + batchId + "/cancel").session(session).with(csrf()).exchange())
			.as("a mis-click: the confirmation, nothing cancelled")
			.hasStatusOk()
			.bodyText()
			.contains("Cancel batch " + batchId + "?", "Yes, cancel the batch", "name=\"confirmed\" value=\"true\"");
		assertThat(audit("national-officer", "BATCH_CANCEL")).isZero();
		assertThat(this.mvc.get().uri("/console/batches/" + batchId).session(session).exchange()).bodyText()
			.contains("Cancel the batch");

		assertThat(this.mvc.post()
			.uri("/console/batches/" + batchId + "/cancel")
			.param("confirmed", "true")
			.session(session)
			.with(csrf())
			.exchange())
			.hasRedirectedUrl("/console/batches/" + batchId)
			.flash()
			.containsEntry("message", "Batch cancelled: 1 item(s) not filed yet will not be filed; the batch is CANCELLED.");

		assertThat(audit("national-officer", "BATCH_CANCEL")).isOne();
		assertThat(this.mvc.get().uri("/console/batches/" + batchId).session(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("CANCELLED", "1 cancelled")
			.doesNotContain("Cancel the batch");
	}

	private MockHttpSession signIn(String token) {
		MvcTestResult result = this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

	private AbstractStringAssert<?> auditPage(MockHttpSession session, String query) {
		return assertThat(this.mvc.get().uri("/console/audit" + query).session(session).exchange()).hasStatusOk()
			.bodyText();
	}

	private void assertRefused(String token, String message) {
		assertThat(this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyText()
			.contains(message);
	}

	private long audit(String subject, String action) {
		return this.jdbc.sql("SELECT count(*) FROM batch.console_audit WHERE subject = ? AND action = ? AND outcome = 'OK'")
			.params(subject, action)
			.query(Long.class)
			.single();
	}

	private long item(String reference) {
		return this.jdbc.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ? AND bank_reference = ?")
			.params(DAY, reference)
			.query(Long.class)
			.single();
	}

}
