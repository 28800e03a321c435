package etax.batch.interest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import etax.batch.BatchProcessorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Interest published beyond what accrued is taken back: {@code interestAssessmentJob} on the real job
 * repository, PostgreSQL and Kafka, against hand-computed interest (0.03 % a day, VN-ETAX §5.6), the
 * gateway's view a stand-in ({@link LedgerViewFixture}). Days 2026-09-01 to 2026-10-31 and taxpayers
 * 01000002xx are this class's.
 */
@BatchProcessorIntegrationTest
class InterestCorrectionIntegrationTests {

	@RegisterExtension
	static final InterestJobFixture job = new InterestJobFixture();

	@Test
	void aSupplementThatLowersTheTaxTakesBackWhatAccruedOnTheDifferenceOnce() {
		String lowered = job.ledger().item("0100000201", "1701", 22_000_000, "2026-09-04");
		String other = job.ledger().item("0100000202", "1701", 1_000_000, "2026-09-04");
		job.clock().set(Instant.parse("2026-09-12T01:00:00Z"));
		assertThat(job.launch("2026-09-10")).hasStatus(HttpStatus.CREATED);
		assertThat(amounts(lowered, "InterestAssessed")).as("5 to 10 September on 22,000,000").containsExactly(39_600L);

		// filed on 11 September: the tax is 10,000,000 from the original deadline
		job.ledger().lower(lowered, 12_000_000);
		job.clock().set(Instant.parse("2026-09-13T01:00:00Z"));
		assertThat(job.catchUp()).hasStatusOk();

		JsonNode correction = events(lowered, "InterestCorrected").get(0);
		assertThat(correction.path("amount").asLong()).as("6 days x 12,000,000 x 0.0003, less the 11th on 10,000,000")
			.isEqualTo(6 * 3_600 - 3_000);
		assertThat(correction.path("version").asInt()).isOne();
		assertThat(correction.path("assessedFor").asString()).isEqualTo("2026-09-11");
		assertThat(correction.path("subItem").asString()).isEqualTo("4931");
		assertThat(correction.path("mst").asString()).isEqualTo("0100000201");
		assertThat(correction.path("eventId").asString())
			.isEqualTo(Assessment.correctionId(lowered, LocalDate.of(2026, 9, 11)).toString());
		assertThat(amounts(other, "InterestAssessed")).containsExactly(1_800L, 300L);

		InterestRun run = run("2026-09-11");
		assertThat(run.itemsAssessed()).isOne();
		assertThat(run.totalInterest()).isEqualTo(300);
		assertThat(run.itemsCorrected()).isOne();
		assertThat(run.interestTakenBack()).isEqualTo(18_600);
		assertThat(run.byTaxType()).extracting(InterestRun.TaxTypeTotal::taxType, InterestRun.TaxTypeTotal::items,
				InterestRun.TaxTypeTotal::interest, InterestRun.TaxTypeTotal::itemsCorrected,
				InterestRun.TaxTypeTotal::interestTakenBack)
			.containsExactly(tuple("GTGT", 1L, 300L, 1L, 18_600L));

		assertThat(job.launch("2026-09-11")).as("the day again").hasStatus(HttpStatus.CONFLICT);
		job.clock().set(Instant.parse("2026-09-14T01:00:00Z"));
		assertThat(job.catchUp()).hasStatusOk();
		assertThat(events(lowered, "InterestCorrected")).as("taken back once").hasSize(1);
		assertThat(amounts(lowered, "InterestAssessed")).containsExactly(39_600L, 3_000L);
		assertThat(published(lowered)).as("5 to 12 September on 10,000,000").isEqualTo(8 * 3_000);
	}

	@Test
	void aPaymentConfirmedAfterItsDaysWereAssessedLeavesOnlyTheInterestUpToItsDate() {
		String paid = job.ledger().item("0100000211", "1701", 22_000_000, "2026-09-04");
		String unpaid = job.ledger().item("0100000212", "1052", 2_000_000, "2026-09-04");
		job.clock().set(Instant.parse("2026-09-22T01:00:00Z"));
		assertThat(job.launch("2026-09-20")).hasStatus(HttpStatus.CREATED);
		assertThat(published(paid)).as("16 days x 6,600").isEqualTo(105_600);

		// paid on 8 September, the bank's confirmation booked on the 21st
		job.ledger().pay(paid, "2026-09-08", 22_000_000);
		job.clock().set(Instant.parse("2026-09-23T01:00:00Z"));
		assertThat(job.catchUp()).hasStatusOk();

		assertThat(amounts(paid, "InterestCorrected")).as("8 to 20 September: 13 days x 6,600").containsExactly(85_800L);
		assertThat(published(paid)).as("owed: 5 to 7 September, 3 days x 6,600").isEqualTo(19_800);
		assertThat(amounts(unpaid, "InterestAssessed")).containsExactly(16 * 600L, 600L);
		InterestRun run = run("2026-09-21");
		assertThat(run.byTaxType()).extracting(InterestRun.TaxTypeTotal::taxType, InterestRun.TaxTypeTotal::items,
				InterestRun.TaxTypeTotal::interest, InterestRun.TaxTypeTotal::itemsCorrected,
				InterestRun.TaxTypeTotal::interestTakenBack)
			.containsExactly(tuple("GTGT", 0L, 0L, 1L, 85_800L), tuple("TNDN", 1L, 600L, 0L, 0L));
		assertThat(run.totalInterest()).isEqualTo(600);
		assertThat(run.interestTakenBack()).isEqualTo(85_800);
	}

	@Test
	void anItemPaidOffWhosePaymentWasReDatedWithoutABookingIsReadOnceMarkedAsV41MarksIt() {
		String item = job.ledger().item("0100000221", "1701", 10_000_000, "2026-10-04");
		job.ledger().pay(item, "2026-10-12", 10_000_000);
		job.clock().set(Instant.parse("2026-10-16T01:00:00Z"));
		assertThat(job.launch("2026-10-14")).hasStatus(HttpStatus.CREATED);
		assertThat(published(item)).as("5 to 11 October: 7 days x 3,000").isEqualTo(21_000);

		job.ledger().redate(item, "2026-10-08");
		job.clock().set(Instant.parse("2026-10-17T01:00:00Z"));
		assertThat(job.catchUp()).hasStatusOk();
		assertThat(events(item, "InterestCorrected")).as("nothing in the ledger says the item changed").isEmpty();

		job.jdbc().sql("UPDATE batch.interest_accrual SET computed_at = '-infinity' WHERE assessed_total > 0").update();
		job.clock().set(Instant.parse("2026-10-18T01:00:00Z"));
		assertThat(job.catchUp()).hasStatusOk();
		assertThat(amounts(item, "InterestCorrected")).as("8 to 11 October").containsExactly(12_000L);
		assertThat(published(item)).isEqualTo(9_000);
	}

	private InterestRun run(String day) {
		MvcTestResult result = job.mvc().get().uri("/api/v1/assessments/runs/" + day).with(officer()).exchange();
		assertThat(result).hasStatusOk();
		return job.read(result, InterestRun.class);
	}

	/** The item's events of a type on the topic, in the order published (a run ends once all are acknowledged). */
	private List<JsonNode> events(String item, String type) {
		return job.published()
			.stream()
			.filter((event) -> item.equals(event.path("payableItemId").asString())
					&& type.equals(event.path("type").asString()))
			.toList();
	}

	private List<Long> amounts(String item, String type) {
		return events(item, type).stream().map((event) -> event.path("amount").asLong()).toList();
	}

	/** What is published on the item in all: assessed less taken back. */
	private long published(String item) {
		return amounts(item, "InterestAssessed").stream().mapToLong(Long::longValue).sum()
				- amounts(item, "InterestCorrected").stream().mapToLong(Long::longValue).sum();
	}

}
