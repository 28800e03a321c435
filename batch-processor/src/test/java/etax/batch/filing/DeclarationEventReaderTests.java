package etax.batch.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DeclarationEventReaderTests {

	private static final UUID EVENT_ID = UUID.fromString("6f1c2a4e-8b7d-4c1e-9a3f-2d5b6c7e8f90");

	private static final UUID RETURN_ID = UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

	private final DeclarationEventReader reader = new DeclarationEventReader(JsonMapper.builder().build());

	@Test
	void readsReturnAcceptedAsAnAcceptedReturnOfTheVietnameseBusinessDay() {
		assertThat(this.reader.read(event("ReturnAccepted", 1, "2026-04-14T17:12:09.001Z"), "t-0@0"))
			.hasValueSatisfying((filed) -> {
				assertThat(filed.eventId()).isEqualTo(EVENT_ID);
				assertThat(filed.returnId()).isEqualTo(RETURN_ID);
				assertThat(filed.formCode()).isEqualTo("01/GTGT");
				assertThat(filed.status()).isEqualTo(FiledReturn.Status.ACCEPTED);
				assertThat(filed.receivedAt()).isEqualTo(Instant.parse("2026-04-14T17:12:09.001Z"));
				assertThat(filed.businessDay()).isEqualTo(LocalDate.of(2026, 4, 15));
			});
	}

	@Test
	void readsReturnRejectedAsANotAcceptedReturn() {
		assertThat(this.reader.read(event("ReturnRejected", 1, "2026-04-15T03:12:09.001Z"), "t-0@1"))
			.hasValueSatisfying((filed) -> assertThat(filed.status()).isEqualTo(FiledReturn.Status.NOT_ACCEPTED));
	}

	@Test
	void ignoresTypesAndVersionsItDoesNotKnow() {
		assertThat(this.reader.read(event("ReturnSuperseded", 1, "2026-04-15T03:12:09.001Z"), "t-0@2")).isEmpty();
		assertThat(this.reader.read(event("ReturnAccepted", 2, "2026-04-15T03:12:09.001Z"), "t-0@3")).isEmpty();
	}

	@Test
	void skipsValuesItCannotRead() {
		assertThat(this.reader.read("{not json", "t-0@4")).isEmpty();
		assertThat(this.reader.read("[1, 2]", "t-0@5")).isEmpty();
		assertThat(this.reader.read("null", "t-0@6")).isEmpty();
		assertThat(this.reader.read(null, "t-0@7")).isEmpty();
		assertThat(this.reader.read(event("ReturnAccepted", 1, "yesterday"), "t-0@8")).isEmpty();
		assertThat(this.reader.read("""
				{"eventId":"%s","type":"ReturnAccepted","version":1,"formCode":"01/GTGT",
				 "receivedAt":"2026-04-15T03:12:09.001Z"}""".formatted(EVENT_ID), "t-0@9")).isEmpty();
	}

	/** What PostgreSQL would refuse would fail the poll's insert for ever and stop the partition behind it. */
	@Test
	void skipsValuesThatCannotBeStored() {
		assertThat(this.reader.read(event("ReturnAccepted", 1, "+10000-01-01T00:00:00Z"), "t-0@10")).isEmpty();
		assertThat(this.reader.read(event("ReturnAccepted", 1, "2026-04-15T03:12:09.001Z").replace("01/GTGT", "01/\\u0000"),
				"t-0@11")).isEmpty();
		assertThat(this.reader.read(event("ReturnAccepted", 1, "9999-12-31T00:00:00Z"), "t-0@12")).isPresent();
		assertThat(this.reader.read(event("ReturnAccepted", 1, "9999-12-31T20:00:00Z"), "t-0@13"))
			.as("a day of the year 10000 in Vietnam, where its business day is")
			.isEmpty();
		assertThat(this.reader.read(event("ReturnAccepted", 1, "9999-12-31T16:59:59Z"), "t-0@14")).isPresent();
		assertThat(this.reader.read(event("ReturnAccepted", 1, "+1000000000-06-01T00:00:00Z"), "t-0@15"))
			.as("an instant with no date-time to ask its year of")
			.isEmpty();
		assertThat(this.reader.read(event("ReturnAccepted", 1, "-0001-06-01T00:00:00Z"), "t-0@16")).isEmpty();
	}

	private static String event(String type, int version, String receivedAt) {
		return """
				{"eventId":"%s","type":"%s","version":%d,"occurredAt":"2026-04-15T03:12:09.123Z",
				 "returnId":"%s","transactionCode":"10820260000000042","mst":"0313829148",
				 "formCode":"01/GTGT","maTKhai":"842","formVersion":"2.8.3","filingType":"C","submissionNumber":0,
				 "period":{"kind":"Q","value":"1/2026","from":"2026-01-01","to":"2026-03-31"},
				 "taxOfficeCode":"99999","receivedAt":"%s"}""".formatted(EVENT_ID, type, version, RETURN_ID, receivedAt);
	}

}
