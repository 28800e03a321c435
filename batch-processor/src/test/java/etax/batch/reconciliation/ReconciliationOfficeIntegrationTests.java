package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.batch.BatchProcessorIntegrationTest;
import etax.devstack.TokenIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.batch.BatchProcessorIntegrationTest.MAPPED_AGENCY;
import static etax.batch.BatchProcessorIntegrationTest.MAPPED_OFFICE;
import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Lines and work items belong to the tax office their collecting agency maps to (the office of officers'
 * tokens), by the tax side's agency or, for a line only the bank has, the bank's; an agency with no mapping
 * keeps its code as the office and is counted; an item follows its line when its office changes. A day's
 * totals, in the API, the calendar and the console, add up the lines of the caller's office. Works on
 * business day 2025-03-24, references RO…
 */
@BatchProcessorIntegrationTest
class ReconciliationOfficeIntegrationTests {

	/** A collecting agency the mapping does not list, whose code is an office's (70129's). */
	private static final String UNMAPPED_AGENCY = "70129";

	private static final LocalDate DAY = LocalDate.of(2025, 3, 24);

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ReconciliationCalendar calendar;

	@Test
	void anOfficeOfficerWorksTheLinesOfItsAgenciesAndSeesTheirTotalsOnly() {
		TaxSide tax = new TaxSide(this.jdbc);
		tax.paid("RO01", DAY, "VND", "1000000", "1701");
		tax.collectedBy("RO01", MAPPED_AGENCY);
		UUID matched = tax.paid("RO02", DAY, "VND", "2000000", "1701");
		tax.collectedBy("RO02", MAPPED_AGENCY);
		UUID unmapped = tax.paid("RO03", DAY, "VND", "3000000", "1701");
		// an agency the mapping does not list, whose code is an office's
		tax.collectedBy("RO03", UNMAPPED_AGENCY);
		String office = "<MA_CQTHU>" + TaxSide.AGENCY + "<";
		String mapped = "<MA_CQTHU>" + MAPPED_AGENCY + "<";
		String bank = bankFile(DAY, voucher("RO02", DAY, "01", "VND", "2000000", "1701").replace(office, mapped),
				voucher("RO04", DAY, "01", "VND", "4000000", "1701").replace(office, mapped));
		double unmappedBefore = unmappedLines(UNMAPPED_AGENCY);

		new ReconciledDays(this.mvc, this.jdbc).reconcile(DAY, bank,
				statement(posted(matched, DAY, "VND", "2000000", "1701"), posted(unmapped, DAY, "VND", "3000000", "1701")));

		assertThat(lineOffices()).containsExactlyInAnyOrderEntriesOf(Map.of("RO01", MAPPED_OFFICE, "RO02",
				MAPPED_OFFICE, "RO03", "agency " + UNMAPPED_AGENCY, "RO04", MAPPED_OFFICE));
		assertThat(itemOffices()).containsExactlyInAnyOrderEntriesOf(
				Map.of("RO01", MAPPED_OFFICE, "RO03", "agency " + UNMAPPED_AGENCY, "RO04", MAPPED_OFFICE));
		assertThat(unmappedLines(UNMAPPED_AGENCY) - unmappedBefore).as("lines of an agency with no office")
			.isEqualTo(1.0);
		assertThat(get("/api/v1/reconciliation/work-items?day=" + DAY, TOKENS.officer(UNMAPPED_AGENCY))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.totalItems")
			.as("the office whose code the unmapped agency's is sees none of its lines")
			.isEqualTo(0);

		String officeOfficer = TOKENS.officer(MAPPED_OFFICE);
		assertThat(get("/api/v1/reconciliation/work-items?day=" + DAY, officeOfficer)).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.totalItems").isEqualTo(2);
				assertThat(json).extractingPath("$.items[*].bankReference").asArray().containsExactlyInAnyOrder("RO01",
						"RO04");
			});
		assertThat(get("/api/v1/reconciliation/days/" + DAY + "/lines", officeOfficer)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].bankReference")
			.asArray()
			.containsExactlyInAnyOrder("RO01", "RO02", "RO04");
		assertThat(get("/api/v1/reconciliation/days/" + DAY, officeOfficer)).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.totals.length()").isEqualTo(3);
				assertThat(json).extractingPath("$.totals[?(@.lineClass=='MATCHED')].lines").asArray().containsExactly(1);
				assertThat(json).extractingPath("$.totals[?(@.lineClass=='ONLY_TAX')].lines").asArray().containsExactly(1);
				assertThat(json).extractingPath("$.totals[?(@.lineClass=='ONLY_TAX')].amount")
					.asArray()
					.containsExactly(1000000.0);
				assertThat(json).extractingPath("$.totals[?(@.lineClass=='ONLY_BANK')].lines").asArray().containsExactly(1);
			});
		assertThat(get("/api/v1/reconciliation/work-items?day=" + DAY, TOKENS.officer(MAPPED_AGENCY))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.totalItems")
			.as("a token naming the agency, not the office, sees nothing")
			.isEqualTo(0);
		assertThat(get("/api/v1/reconciliation/days/" + DAY, TOKENS.nationalOfficer())).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.totals[?(@.lineClass=='ONLY_TAX')].lines").asArray().containsExactly(2);
				assertThat(json).extractingPath("$.totals[?(@.lineClass=='ONLY_TAX')].amount")
					.asArray()
					.containsExactly(4000000.0);
			});
		assertThat(get("/api/v1/reconciliation/days/" + DAY, TOKENS.officer("70129"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.totals")
			.asArray()
			.as("another office has no line that day")
			.isEmpty();

		assertThat(calendarEntry(new OfficeScope(MAPPED_OFFICE))).extracting(ReconciliationCalendar.Entry::matched,
				ReconciliationCalendar.Entry::exceptions)
			.containsExactly(1L, 2L);
		assertThat(calendarEntry(OfficeScope.NATIONAL)).extracting(ReconciliationCalendar.Entry::matched,
				ReconciliationCalendar.Entry::exceptions)
			.containsExactly(1L, 3L);

		MockHttpSession console = signIn(officeOfficer);
		assertThat(this.mvc.get().uri("/console/reconciliation/days/" + DAY).session(console).exchange()).hasStatusOk()
			.bodyText()
			.contains("office " + MAPPED_OFFICE, "RO01", "RO02", "RO04")
			.doesNotContain("RO03");
		assertThat(this.mvc.get().uri("/console/exceptions?day=" + DAY).session(console).exchange()).hasStatusOk()
			.bodyText()
			.contains("RO01", "RO04")
			.doesNotContain("RO03");
	}

	@Test
	void anItemFollowsItsLineToTheOfficeItsAgencyNowMapsTo() {
		LocalDate day = DAY.plusDays(1);
		TaxSide tax = new TaxSide(this.jdbc);
		tax.paid("RO11", day, "VND", "1100000", "1701");
		tax.collectedBy("RO11", MAPPED_AGENCY);
		ReconciledDays days = new ReconciledDays(this.mvc, this.jdbc);
		days.reconcile(day, bankFile(day), statement());
		// as an item raised before the agency was mapped has it
		this.jdbc.sql("UPDATE reconciliation.work_item SET tax_office = ? WHERE business_day = ?")
			.params(MAPPED_AGENCY, day)
			.update();

		assertThat(run(day)).hasStatus(HttpStatus.CREATED);

		assertThat(this.jdbc.sql("SELECT tax_office FROM reconciliation.work_item WHERE business_day = ?")
			.param(day)
			.query(String.class)
			.single()).isEqualTo(MAPPED_OFFICE);
		assertThat(this.jdbc.sql("""
				SELECT e.detail FROM reconciliation.work_item_event e
				JOIN reconciliation.work_item w ON w.work_item_id = e.work_item_id
				WHERE w.business_day = ? AND e.action = 'MOVED'""")
			.param(day)
			.query(String.class)
			.list()).containsExactly(MAPPED_AGENCY + " -> " + MAPPED_OFFICE);
	}

	private MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(uri).with(bearer(token)).exchange();
	}

	private MvcTestResult run(LocalDate day) {
		return this.mvc.post()
			.uri("/api/v1/jobs/reconciliation/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + day + "\"}")
			.exchange();
	}

	private MockHttpSession signIn(String token) {
		MvcTestResult result = this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

	private ReconciliationCalendar.Entry calendarEntry(OfficeScope scope) {
		return this.calendar.page(scope, 0, 10_000)
			.stream()
			.filter((entry) -> entry.businessDay().equals(DAY))
			.findFirst()
			.orElseThrow();
	}

	private double unmappedLines(String agency) {
		Counter counter = this.meters.find("etax.batch.reconciliation.unmapped.lines")
			.tag("collecting.agency", agency)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Map<String, String> lineOffices() {
		return offices("SELECT bank_reference, tax_office FROM reconciliation.line WHERE business_day = ?");
	}

	private Map<String, String> itemOffices() {
		return offices("SELECT bank_reference, tax_office FROM reconciliation.work_item WHERE business_day = ?");
	}

	private Map<String, String> offices(String sql) {
		return this.jdbc.sql(sql)
			.param(DAY)
			.query((row, n) -> entry(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
