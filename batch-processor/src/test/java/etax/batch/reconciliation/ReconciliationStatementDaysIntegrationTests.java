package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import etax.batch.BatchProcessorIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The treasury's statement of a day replaces only the statements of that day: a row it back-values to an
 * earlier day is added to that day beside the day's own statement, and a corrected statement of the day
 * replaces the first whole, its back-valued rows with it. A row the treasury values after its payment's date,
 * within {@code value-date-window-days} (10), is the treasury leg of the payment's line on the payment's day. Works
 * on business days 2025-01-23 to 2025-01-28, and on 2025-01-04 (a Saturday), 2025-01-06 and 2025-01-15 with
 * references VD…, and on 2025-07-04 to 2025-07-08.
 */
@BatchProcessorIntegrationTest
class ReconciliationStatementDaysIntegrationTests {

	private static final LocalDate EARLIER = LocalDate.of(2025, 1, 27);

	private static final LocalDate LATER = LocalDate.of(2025, 1, 28);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aBackValuedRowIsAddedToItsDayAndAStatementReplacesOnlyTheStatementsOfItsOwnDay() {
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID later = UUID.randomUUID();
		UUID backValued = UUID.randomUUID();
		calls.importTreasury(statement(posted(first, EARLIER, "VND", "1000000", "1701"),
				posted(second, EARLIER, "VND", "2000000", "1701")));

		calls.importTreasury(statement(posted(later, LATER, "VND", "3000000", "1701"),
				posted(backValued, EARLIER, "VND", "4000000", "1701")));

		assertThat(postings(EARLIER)).as("the earlier day's statement kept, the back-valued row added")
			.containsExactlyInAnyOrder(first, second, backValued);
		assertThat(postings(LATER)).containsExactly(later);

		calls.importTreasury(statement(posted(later, LATER, "VND", "3000000", "1701")));

		assertThat(postings(EARLIER)).as("the later day's first statement replaced, with its back-valued row")
			.containsExactlyInAnyOrder(first, second);
		assertThat(postings(LATER)).containsExactly(later);
	}

	/**
	 * A day has its treasury statement once a statement of its own came (its last value date is the day), not when
	 * another day's statement back-values a row to it: it is run only then, rather than without its own statement, every
	 * line short of its treasury leg. A weekend day has it with a statement of a day after it. Works on 2025-07-04 (a
	 * Friday) to 2025-07-08.
	 */
	@Test
	void aDayHasItsStatementOnlyFromAStatementOfItsOwn() throws Exception {
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		LocalDate friday = LocalDate.of(2025, 7, 4);
		LocalDate monday = LocalDate.of(2025, 7, 7);
		LocalDate tuesday = LocalDate.of(2025, 7, 8);
		calls.importTreasury(statement(posted(UUID.randomUUID(), tuesday, "VND", "1000000", "1701"),
				posted(UUID.randomUUID(), monday, "VND", "2000000", "1701")));
		assertThat(treasuryStatement(tuesday)).isTrue();
		assertThat(treasuryStatement(monday)).as("a row back-valued to it is not its statement").isFalse();
		assertThat(treasuryStatement(monday.minusDays(2))).as("a Saturday waits for Monday's").isFalse();

		calls.importTreasury(statement(posted(UUID.randomUUID(), monday, "VND", "3000000", "1701")));
		assertThat(treasuryStatement(monday)).isTrue();
		assertThat(treasuryStatement(monday.minusDays(1))).as("a Sunday, by Monday's").isTrue();
		assertThat(treasuryStatement(monday.minusDays(2))).as("a Saturday, by Monday's").isTrue();
		assertThat(treasuryStatement(friday)).isFalse();
	}

	private boolean treasuryStatement(LocalDate day) throws Exception {
		return Boolean.TRUE.equals(JsonPath.read(this.mvc.get()
			.uri("/api/v1/reconciliation/days/" + day)
			.with(officer())
			.exchange()
			.getResponse()
			.getContentAsString(), "$.treasuryStatement"));
	}

	/**
	 * A later statement that back-values a posting the earlier day's statement listed sets that row aside; when a
	 * correction of the later statement drops the back-valued row, the earlier day's own row stands again (until
	 * 2027-01 it was deleted, and the day lost the posting). Works on 2025-01-23 and 2025-01-24.
	 */
	@Test
	void aRowSetAsideByABackValuedOneStandsAgainWhenACorrectionDropsIt() {
		LocalDate earlier = LocalDate.of(2025, 1, 23);
		LocalDate later = LocalDate.of(2025, 1, 24);
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		UUID restated = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		UUID late = UUID.randomUUID();
		calls.importTreasury(statement(posted(restated, earlier, "VND", "1000000", "1701"),
				posted(other, earlier, "VND", "2000000", "1701")));

		calls.importTreasury(statement(posted(late, later, "VND", "3000000", "1701"),
				posted(restated, earlier, "VND", "1500000", "1701")));

		assertThat(amounts(earlier)).as("the back-valued row stands in for the day's own row of the posting")
			.containsExactlyInAnyOrder("2000000.00 " + other, "1500000.00 " + restated);

		calls.importTreasury(statement(posted(late, later, "VND", "3000000", "1701"),
				posted(restated, earlier, "VND", "1200000", "1701")));

		assertThat(amounts(earlier)).as("a correction that back-values it again stands in for it in turn")
			.containsExactlyInAnyOrder("2000000.00 " + other, "1200000.00 " + restated);

		calls.importTreasury(statement(posted(late, later, "VND", "3000000", "1701")));

		assertThat(amounts(earlier)).as("the correction dropped the back-valued row: the day's own row stands again")
			.containsExactlyInAnyOrder("1000000.00 " + restated, "2000000.00 " + other);
		assertThat(postings(later)).containsExactly(late);
	}

	/**
	 * A Saturday's payments the treasury values on Monday are its lines' treasury leg on Saturday: compared, coding
	 * and all, once Monday's statement comes (which reopens Saturday), and no ONLY_TREASURY on Monday. A row valued
	 * beyond the window stays on its own day.
	 */
	@Test
	void aRowValuedWithinTheWindowAfterThePaymentIsItsLinesTreasuryLegOnThePaymentDay() {
		LocalDate saturday = LocalDate.of(2025, 1, 4);
		LocalDate monday = LocalDate.of(2025, 1, 6);
		LocalDate beyond = LocalDate.of(2025, 1, 15);
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		TaxSide tax = new TaxSide(this.jdbc);
		UUID matched = tax.paid("VD01", saturday, "VND", "1000000", "1701");
		UUID recoded = tax.paid("VD02", saturday, "VND", "2000000", "1701");
		UUID late = tax.paid("VD03", saturday, "VND", "3000000", "1701");
		UUID mondays = tax.paid("VD04", monday, "VND", "4000000", "1701");
		calls.importBank(bankFile(saturday, voucher("VD01", saturday, "01", "VND", "1000000", "1701"),
				voucher("VD02", saturday, "01", "VND", "2000000", "1701"),
				voucher("VD03", saturday, "01", "VND", "3000000", "1701")));
		calls.importBank(bankFile(monday, voucher("VD04", monday, "01", "VND", "4000000", "1701")));
		calls.reconcile(saturday);
		assertThat(classes(saturday)).as("no statement row yet")
			.containsOnly(entry("VD01", "STATUS_MISMATCH"), entry("VD02", "STATUS_MISMATCH"),
					entry("VD03", "STATUS_MISMATCH"));

		assertThat(calls.postTreasuryStatement(statement(posted(matched, monday, "VND", "1000000", "1701"),
				posted(recoded, monday, "VND", "2000000", "1052"), posted(mondays, monday, "VND", "4000000", "1701"))))
			.hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.reopenedDays")
			.asArray()
			.as("Saturday's lines have their treasury leg on Monday's statement")
			.containsExactly(saturday.toString());
		calls.reconcile(saturday);
		calls.reconcile(monday);

		assertThat(classes(saturday)).containsOnly(entry("VD01", "MATCHED"), entry("VD02", "CODING_MISMATCH"),
				entry("VD03", "STATUS_MISMATCH"));
		assertThat(line(saturday, "VD02")).containsExactly("{subItem}", "POSTED", monday.toString());
		assertThat(line(saturday, "VD01")).containsExactly(null, "POSTED", monday.toString());
		assertThat(classes(monday)).as("no ONLY_TREASURY for Saturday's postings")
			.containsOnly(entry("VD04", "MATCHED"));
		assertThat(line(monday, "VD04")).containsExactly(null, "POSTED", null);
		assertThat(this.mvc.get()
			.uri("/api/v1/reconciliation/days/" + saturday + "/lines?class=CODING_MISMATCH")
			.with(officer())
			.exchange()).hasStatusOk().bodyJson().satisfies((json) -> {
				assertThat(json).extractingPath("$.items[0].treasury.subItem").isEqualTo("1052");
				assertThat(json).extractingPath("$.items[0].treasuryValueDate").isEqualTo(monday.toString());
			});

		calls.importTreasury(statement(posted(late, beyond, "VND", "3000000", "1701")));
		calls.reconcile(beyond);
		calls.reconcile(saturday);
		assertThat(classes(beyond)).as("valued eleven days after the payment: beyond the window")
			.containsOnly(entry("posting/" + late, "ONLY_TREASURY"));
		assertThat(classes(saturday)).containsEntry("VD03", "STATUS_MISMATCH");
		assertThat(line(saturday, "VD03")).containsExactly("{}", null, null);
	}

	/** Class by bank reference (or posting key) of a day's lines. */
	private Map<String, String> classes(LocalDate day) {
		return this.jdbc
			.sql("SELECT coalesce(bank_reference, line_key), class FROM reconciliation.line WHERE business_day = ?")
			.param(day)
			.query((row, n) -> entry(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** A line's differing fields, treasury status and treasury value date. */
	private List<String> line(LocalDate day, String reference) {
		return this.jdbc.sql("""
				SELECT CAST(mismatched AS text), treasury_status, CAST(treasury_value_date AS text)
				FROM reconciliation.line WHERE business_day = ? AND bank_reference = ?""")
			.params(day, reference)
			.query((row, n) -> Arrays.asList(row.getString(1), row.getString(2), row.getString(3)))
			.single();
	}

	private List<UUID> postings(LocalDate day) {
		return inForce(day, "posting_id", UUID.class);
	}

	private List<String> amounts(LocalDate day) {
		return inForce(day, "amount || ' ' || posting_id", String.class);
	}

	/** A column of the day's statement rows in force (not set aside by a back-valued row). */
	private <T> List<T> inForce(LocalDate day, String column, Class<T> type) {
		return this.jdbc.sql("SELECT " + column + " FROM reconciliation.treasury_statement_line"
				+ " WHERE business_day = ? AND replaced_by IS NULL")
			.param(day)
			.query(type)
			.list();
	}

}
