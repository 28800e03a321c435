package etax.batch.interest;

import java.math.RoundingMode;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.batch.interest.LateInterestTests.REFERENCE;
import static etax.batch.interest.LateInterestTests.basis;
import static etax.batch.interest.LateInterestTests.day;
import static org.assertj.core.api.Assertions.assertThat;

class InterestAssessedTests {

	@Test
	void hasTheShapeTheLedgerBooks() {
		Assessment assessment = new InterestAssessmentProcessor(REFERENCE, day("2026-05-05"), RoundingMode.HALF_UP,
				new SimpleMeterRegistry())
			.process(basis(22_000_000, "2026-05-04"));
		JsonNode json = JsonMapper.builder()
			.build()
			.valueToTree(new InterestAssessed(assessment.eventId(), InterestAssessed.TYPE, 1,
					Instant.parse("2026-05-06T18:00:00Z"), assessment.payableItemId(), assessment.basis().mst(),
					assessment.basis().chapter(), assessment.interestSubItem().code(), assessment.basis().taxPeriod(),
					assessment.amount(), assessment.assessedFor(), assessment.assessedFor()));

		assertThat(json.propertyNames()).containsExactlyInAnyOrder("eventId", "type", "version", "occurredAt",
				"payableItemId", "mst", "chapter", "subItem", "taxPeriod", "amount", "assessedFor", "dueDate");
		assertThat(json.path("eventId").asString()).isEqualTo(assessment.eventId().toString());
		assertThat(json.path("type").asString()).isEqualTo("InterestAssessed");
		assertThat(json.path("version").asInt()).isEqualTo(1);
		assertThat(json.path("payableItemId").asString()).isEqualTo("item-22000000");
		assertThat(json.path("subItem").asString()).isEqualTo("4931");
		assertThat(json.path("taxPeriod").asString()).isEqualTo("00/Q1/2026");
		assertThat(json.path("amount").isIntegralNumber()).isTrue();
		assertThat(json.path("amount").asLong()).isEqualTo(6600);
		assertThat(json.path("assessedFor").asString()).isEqualTo("2026-05-05");
		assertThat(json.path("dueDate").asString()).isEqualTo("2026-05-05");
		assertThat(json.path("occurredAt").asString()).isEqualTo("2026-05-06T18:00:00Z");
	}

	@Test
	void aCorrectionHasTheShapeTheLedgerBooks() {
		InterestCorrected correction = new InterestCorrected(Assessment.correctionId("item-1", day("2026-09-11")),
				InterestCorrected.TYPE, 1, Instant.parse("2026-09-12T18:00:00Z"), "item-1", "0313829148", "754", "4931",
				"00/Q1/2026", 18_600, day("2026-09-11"));
		JsonNode json = JsonMapper.builder().build().valueToTree(correction);

		assertThat(json.propertyNames()).containsExactlyInAnyOrder("eventId", "type", "version", "occurredAt",
				"payableItemId", "mst", "chapter", "subItem", "taxPeriod", "amount", "assessedFor");
		assertThat(json.path("type").asString()).isEqualTo("InterestCorrected");
		assertThat(json.path("amount").isIntegralNumber()).isTrue();
		assertThat(json.path("amount").asLong()).as("what is taken back, positive").isEqualTo(18_600);
		assertThat(json.path("assessedFor").asString()).isEqualTo("2026-09-11");
		assertThat(json.path("eventId").asString()).as("not the id of an assessment of the same item and day")
			.isNotEqualTo(Assessment.eventId("item-1", day("2026-09-11")).toString());
	}

}
