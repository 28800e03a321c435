package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.batch.BatchProcessorIntegrationTest;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A day's reconciliation sees a payment as it stood on that day: a reversal dated after the day leaves the
 * day's matched line matched when the day is run again, and is reconciled on its own day; a reversal of
 * the same day still makes the payment REVERSED. Works on business days 2025-03-19 (the payments) and
 * 2025-03-21 (the later reversal), references RV…
 */
@BatchProcessorIntegrationTest
class ReconciliationReversalIntegrationTests {

	private static final LocalDate PAID = LocalDate.of(2025, 3, 19);

	private static final LocalDate REVERSED = LocalDate.of(2025, 3, 21);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aReversalDatedAfterThePaymentsDayLeavesThatDayAsItWasAndBelongsToItsOwnDay() {
		TaxSide tax = new TaxSide(this.jdbc);
		UUID payment = tax.paid("RV01", PAID, "VND", "3000000", "1701");
		UUID reversedSameDay = tax.paid("RV02", PAID, "VND", "4000000", "1701");
		UUID sameDayReversal = tax.reversed("RV02", "RV02R", PAID);
		calls().importBank(bankFile(PAID, voucher("RV01", PAID, "01", "VND", "3000000", "1701"),
				cancelled(voucher("RV02", PAID, "01", "VND", "4000000", "1701")),
				cancelled(voucher("RV02R", PAID, "01", "VND", "4000000", "1701"))));
		calls().importTreasury(statement(posted(payment, PAID, "VND", "3000000", "1701"),
				posted(reversedSameDay, PAID, "VND", "4000000", "1701"),
				posted(sameDayReversal, PAID, "VND", "4000000", "1701")));
		calls().reconcile(PAID);
		Map<String, String> matched = Map.of("RV01", "MATCHED", "RV02", "MATCHED", "RV02R", "MATCHED");
		assertThat(classes(PAID)).containsExactlyInAnyOrderEntriesOf(matched);
		assertThat(status(PAID, "RV01")).containsExactly("DEBITED", "DEBITED", "POSTED");
		assertThat(status(PAID, "RV02")).as("reversed the same day").containsExactly("REVERSED", "REVERSED", "POSTED");

		UUID laterReversal = tax.reversed("RV01", "RV01R", REVERSED);
		calls().reconcile(PAID);

		assertThat(classes(PAID)).as("the day as it was").containsExactlyInAnyOrderEntriesOf(matched);
		assertThat(status(PAID, "RV01")).containsExactly("DEBITED", "DEBITED", "POSTED");
		assertThat(status(PAID, "RV02")).containsExactly("REVERSED", "REVERSED", "POSTED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM reconciliation.work_item WHERE business_day = ?")
			.param(PAID)
			.query(Long.class)
			.single()).isZero();

		calls().importBank(bankFile(REVERSED, cancelled(voucher("RV01R", REVERSED, "01", "VND", "3000000", "1701"))));
		calls().importTreasury(statement(posted(laterReversal, REVERSED, "VND", "3000000", "1701")));
		calls().reconcile(REVERSED);
		assertThat(classes(REVERSED)).containsExactlyInAnyOrderEntriesOf(Map.of("RV01R", "MATCHED"));
		assertThat(status(REVERSED, "RV01R")).containsExactly("REVERSAL", "REVERSED", "POSTED");
	}

	/**
	 * The bank's reversal is undone by the bank: a reversal line the treasury has not posted is an exception whose
	 * money no REVERSE or RECODE may move (undoing it would pay the taxpayer back a second time).
	 */
	@Test
	void aReversalIsNeitherReversedNorRecodedByAResolution() {
		LocalDate day = LocalDate.of(2025, 2, 21);
		TaxSide tax = new TaxSide(this.jdbc);
		UUID payment = tax.paid("RV03", day, "VND", "5000000", "1701");
		tax.reversed("RV03", "RV03R", day);
		calls().importBank(bankFile(day, cancelled(voucher("RV03", day, "01", "VND", "5000000", "1701")),
				cancelled(voucher("RV03R", day, "01", "VND", "5000000", "1701"))));
		calls().importTreasury(statement(posted(payment, day, "VND", "5000000", "1701")));
		calls().reconcile(day);
		long item = this.jdbc.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ? "
				+ "AND bank_reference = 'RV03R'").param(day).query(Long.class).single();
		String resolver = TokenIssuer.local().approver(TaxSide.OFFICE, "an");
		assertThat(action(item, "assign", "{}", resolver)).hasStatusOk();

		for (String kind : List.of("REVERSE", "RECODE")) {
			assertThat(action(item, "resolve", "{\"kind\":\"" + kind + "\",\"reason\":\"x\",\"corrected\":"
					+ "{\"chapter\":\"754\",\"subItem\":\"1052\",\"amount\":5000000}}", resolver))
				.as(kind)
				.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
				.bodyText()
				.contains("which the bank's own reversal settles");
		}
	}

	private MvcTestResult action(long id, String action, String body, String token) {
		return this.mvc.post()
			.uri("/api/v1/reconciliation/work-items/" + id + ":" + action)
			.with(bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	/** A voucher the bank debited and then cancelled (TTHAI_CTU 02): REVERSED in its file. */
	private static String cancelled(String voucher) {
		return voucher.replace("<TTHAI_CTU>01</TTHAI_CTU>", "<TTHAI_CTU>02</TTHAI_CTU>");
	}

	/** Class by bank reference. */
	private Map<String, String> classes(LocalDate day) {
		return this.jdbc.sql("SELECT bank_reference, class FROM reconciliation.line WHERE business_day = ?")
			.param(day)
			.query((row, n) -> entry(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private List<String> status(LocalDate day, String reference) {
		return this.jdbc.sql("""
				SELECT tax_status, bank_status, treasury_status FROM reconciliation.line
				WHERE business_day = ? AND bank_reference = ?""")
			.params(day, reference)
			.query((row, n) -> Arrays.asList(row.getString(1), row.getString(2), row.getString(3)))
			.single();
	}

	private ReconciliationCalls calls() {
		return new ReconciliationCalls(this.mvc, this.jdbc);
	}

}
