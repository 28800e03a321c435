package etax.console;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import etax.devstack.DemoReconciliation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The officers' console end to end in headless chromium against the real services: follow a link while
 * signed out and land on its page after signing in, open a bulk batch and its rejected item, re-drive a
 * dead-lettered bank message (confirmed first), read the gateway's held credits and treasury postings and
 * the interest runs, resolve a reconciliation exception as one officer and approve it as another (never as
 * the same one; each confirmed first), and see the day and the audit. Screenshots of the main pages go to
 * {@code target/screenshots}.
 */
class ConsoleBrowserIntegrationTests {

	private static final String BANK = "01202001";

	private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(2);

	private static ConsoleStack stack;

	private static ConsoleBrowser browser;

	private static String batchId;

	@BeforeAll
	static void startTheSystemAndItsData() throws Exception {
		// the browser first: without it the test fails at once, before the services start
		ConsoleBrowser checked = new ConsoleBrowser("http://localhost");
		checked.close();
		stack = new ConsoleStack();
		browser = new ConsoleBrowser(stack.batch.url());
		batchId = stack.uploadBatchWithARejectedItem();
		await().atMost(Duration.ofMinutes(2)).until(() -> stack.batchStatus(batchId).contains("\"COMPLETED\""));
		String officer = ConsoleStack.TOKENS.officer(ConsoleStack.OFFICE);
		stack.importBankFile(bankFile(), ConsoleStack.TOKENS.nationalOfficer());
		stack.reconcile(DAY.toString(), officer);
		stack.sendConfirmation(BANK, confirmation("711"));
		await().atMost(Duration.ofMinutes(1)).until(() -> !stack.rejectedMessages().contains("\"items\":[]"));
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void officersWorkTheirDayInTheConsole() {
		browser.open("/console/batches?page=0");
		assertThat(browser.waitFor(By.id("token")).isDisplayed()).as("signed out: the sign-in page").isTrue();
		assertThat(browser.page()).contains("./etax token officer", "After signing in you go to /console/batches?page=0");
		browser.screenshot("01-sign-in");

		browser.signInHere(ConsoleStack.TOKENS.nationalOfficer());
		assertThat(browser.driver().getCurrentUrl()).as("the deep link survives sign-in").endsWith("/console/batches?page=0");
		assertThat(browser.page()).contains(batchId, "COMPLETED");
		browser.screenshot("02-batches");
		browser.click(By.linkText(batchId));
		assertThat(browser.text(By.id("items"))).contains("01-not-a-return.xml", "NOT_RECEIVED");
		browser.screenshot("03-batch");

		browser.open("/console/payments/rejected");
		assertThat(browser.text(By.id("rejected"))).contains("bank.payment-confirmations.v1");
		browser.screenshot("04-payments-dlq");
		browser.driver().findElement(By.cssSelector("#rejected tbody tr:first-child textarea")).sendKeys(confirmation("7111"));
		browser.click(By.cssSelector("#rejected tbody tr:first-child button"));
		assertThat(browser.text(By.id("consequence"))).as("confirmed first").contains("corrected message");
		browser.screenshot("04b-confirm-redrive");
		browser.click(By.id("confirm"));
		assertThat(browser.text(By.id("messages"))).contains("re-driven");
		browser.click(By.linkText("Held credits"));
		assertThat(browser.text(By.id("held-credits"))).contains("Credited");
		assertThat(browser.page()).doesNotContain("did not answer", "refused it", "failed:");
		browser.click(By.linkText("Refused postings"));
		assertThat(browser.text(By.id("refused-postings"))).contains("Refused");
		browser.click(By.linkText("Overdue postings"));
		assertThat(browser.text(By.id("overdue-postings"))).contains("Requested");
		assertThat(browser.page()).doesNotContain("did not answer", "refused it", "failed:");
		browser.click(By.linkText("Interest runs"));
		assertThat(browser.text(By.id("interest-runs"))).contains("Total interest");
		browser.open("/console/jobs");
		assertThat(browser.page()).contains("reconciliationJob", "bulkFilingJob");
		browser.screenshot("05-jobs");
		browser.signOut();

		browser.signIn(ConsoleStack.TOKENS.approver(ConsoleStack.OFFICE, "an"));
		browser.open("/console/exceptions?day=" + DAY);
		assertThat(browser.page()).contains("ONLY_BANK", "BRW01");
		browser.screenshot("06-exceptions");
		browser.click(By.cssSelector("main table tbody tr:first-child th a"));
		browser.click(By.id("assign"));
		assertThat(browser.text(By.id("item-status"))).isEqualTo("ASSIGNED");
		new Select(browser.driver().findElement(By.id("kind"))).selectByValue("RECORD");
		browser.driver().findElement(By.id("reason")).sendKeys("the bank has the payment; record it");
		browser.click(By.id("resolve"));
		browser.click(By.id("confirm"));
		assertThat(browser.text(By.id("item-status"))).as(browser.text(By.id("messages"))).isEqualTo("AWAITING_APPROVAL");
		browser.click(By.id("approve"));
		browser.click(By.id("confirm"));
		assertThat(browser.text(By.id("messages"))).as("four eyes").containsIgnoringCase("resolved");
		assertThat(browser.text(By.id("item-status"))).isEqualTo("AWAITING_APPROVAL");
		browser.screenshot("07-exception-four-eyes");
		String item = browser.driver().getCurrentUrl();
		browser.signOut();

		browser.signIn(ConsoleStack.TOKENS.approver(ConsoleStack.OFFICE, "binh"));
		browser.driver().get(item);
		browser.click(By.id("approve"));
		assertThat(browser.text(By.id("consequence"))).contains("moves money");
		browser.screenshot("08a-confirm-approval");
		browser.click(By.id("confirm"));
		assertThat(browser.text(By.id("messages"))).contains("Approved");
		assertThat(browser.text(By.id("item-status"))).isEqualTo("RESOLVED");
		assertThat(browser.page()).contains("APPROVED", "approver-binh", "RECORDED");
		browser.screenshot("08-exception-approved");

		browser.open("/console/reconciliation/days/" + DAY);
		assertThat(browser.text(By.id("totals"))).contains("ONLY_BANK");
		browser.screenshot("09-reconciliation-day");
		browser.open("/console/audit");
		assertThat(browser.page()).as("the office's own actions").contains("WORK_ITEM_APPROVE", "approver-an",
				"approver-binh", "REFUSED");
		assertThat(browser.page()).as("a national officer's is not the office's").doesNotContain("DLQ_REDRIVE");
		browser.screenshot("10-audit");
		browser.signOut();
		browser.signIn(ConsoleStack.TOKENS.nationalOfficer());
		browser.open("/console/audit");
		assertThat(browser.page()).contains("DLQ_REDRIVE", "WORK_ITEM_APPROVE");
	}

	/**
	 * A confirmation paid into the given treasury account: the bank's message with a malformed account (711) goes
	 * to the dead-letter queue, and an officer re-drives it with the account corrected (what was paid, by whom and
	 * to whom stays as the bank sent it; an account the bank stated well, another than 7111, stays as it is: the
	 * money went there).
	 */
	private static String confirmation(String treasuryAccount) {
		return ("{\"version\":1,\"bankCode\":\"%s\",\"bankReference\":\"BRW02\",\"voucherNumber\":\"GNT-BRW02\","
				+ "\"payerMst\":\"0313829148\",\"currency\":\"VND\",\"amount\":1000000,\"paymentDate\":\"%s\","
				+ "\"sentAt\":\"%sT01:00:00Z\",\"collectingAgencyCode\":\"%s\",\"status\":\"DEBITED\","
				+ "\"treasuryCode\":\"0111\",\"treasuryAccount\":\"%s\",\"areaCode\":\"79760\",\"lines\":"
				+ "[{\"chapter\":\"754\",\"subItem\":\"1701\",\"taxPeriod\":\"00/Q1/2026\",\"amount\":1000000}]}")
			.formatted(BANK, DAY, DAY, ConsoleStack.AGENCY, treasuryAccount);
	}

	private static String bankFile() {
		return DemoReconciliation.bankFile(BANK, "BRW01", DAY, "0313829148", ConsoleStack.AGENCY, 4_500_000);
	}

}
