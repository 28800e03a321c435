package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.batch.BatchProcessorIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treasury's statement of a day replaces only the statements of that day: a row it back-values to an
 * earlier day is added to that day beside the day's own statement, and a corrected statement of the day
 * replaces the first whole, its back-valued rows with it. Works on business days 2025-01-23 to 2025-01-28.
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
