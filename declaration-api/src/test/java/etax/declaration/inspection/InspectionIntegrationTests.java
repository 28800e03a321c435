package etax.declaration.inspection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import etax.declaration.RegistryCalls;
import etax.devstack.DemoTaxpayers;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.schemas.Samples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.filer;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Officers record inspections at a taxpayer's premises and conclude them once, as they can have happened
 * (R-DUP-4, Law 38/2019 Art. 47); the taxpayer reads its own, nobody else's taxpayer is found.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class InspectionIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	/** Today in Vietnam, which the server's clock is not fixed to here: decisions are dated before it. */
	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anOfficerOfTheTaxpayersOfficeRecordsAndConcludesOnceAndBothAreKept() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "70129");
		RequestPostProcessor officer = bearer(TokenIssuer.local().officer("70129"));
		LocalDate announced = TODAY.minusDays(20);

		JsonNode recorded = body(record(mst, officer, "KIEM_TRA", "2024-01-01", "2025-12-31", "[\"TNDN\",\"GTGT\"]",
				announced).andExpect(status().isCreated()));
		String id = recorded.get("id").asString();
		assertThat(body(record(mst, officer, "KIEM_TRA", "2024-01-01", "2025-12-31", "[\"GTGT\",\"TNDN\"]", announced)
			.andExpect(status().isOk())).get("id").asString()).as("a retry of the same announcement finds it").isEqualTo(id);
		record(mst, officer, "THANH_TRA", "2024-01-01", "2025-12-31", "[\"TNDN\",\"GTGT\"]", announced)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/inspection-conflict"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_inspection WHERE mst = ?").param(mst).query(Long.class)
			.single()).as("one decision, one inspection").isOne();
		ResultActions concluded = conclude(mst, officer(), id, TODAY.minusDays(2), "45/KL-CT")
			.andExpect(status().isCreated());
		ResultActions again = conclude(mst, officer, id, TODAY.minusDays(1), "46/KL-CT");

		assertThat(recorded.get("decisionNumber").asString()).isEqualTo("12/QĐ-CT");
		assertThat(recorded.get("kind").asString()).isEqualTo("KIEM_TRA");
		assertThat(recorded.at("/kindLabel/vi").asString()).isEqualTo("Kiểm tra thuế");
		assertThat(recorded.get("periodFrom").asString()).isEqualTo("2024-01-01");
		assertThat(recorded.get("taxTypes").valueStream().map(JsonNode::asString)).as("sorted")
			.containsExactly("GTGT", "TNDN");
		assertThat(recorded.get("announcedOn").asString()).isEqualTo(announced.toString());
		assertThat(recorded.get("recordedBy").asString()).isEqualTo("officer-70129");
		assertThat(recorded.get("conclusion").isNull()).isTrue();
		concluded.andExpect(jsonPath("$.conclusion.decisionNumber").value("45/KL-CT"))
			.andExpect(jsonPath("$.conclusion.concludedOn").value(TODAY.minusDays(2).toString()))
			.andExpect(jsonPath("$.conclusion.recordedBy").value("national-officer"));
		again.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "inspection-concluded"))
			.andExpect(jsonPath("$.concludedOn").value(TODAY.minusDays(2).toString()));
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections").with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].conclusion.decisionNumber").value("45/KL-CT"));
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections/" + id).with(officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decisionNumber").value("12/QĐ-CT"))
			.andExpect(jsonPath("$.conclusion.concludedOn").value(TODAY.minusDays(2).toString()));
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE filing.tax_inspection SET period_to = period_to + 1 WHERE id = ?::uuid")
			.param(id)
			.update()).as("append-only").hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM filing.tax_inspection_conclusion WHERE inspection_id = ?::uuid")
			.param(id)
			.update()).hasMessageContaining("append-only");
	}

	/**
	 * Before an inspection was one per decision (V35) an officer's retry stored a second row, kept as a repeat of
	 * the first: the decision is still concluded once, under its first row, whichever row the officer names.
	 */
	@Test
	void aRowStoredAgainBeforeOneInspectionPerDecisionConcludesTheDecisionOnce() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "70129");
		RequestPostProcessor officer = bearer(TokenIssuer.local().officer("70129"));
		String id = body(record(mst, officer, "KIEM_TRA", "2024-01-01", "2025-12-31", "[\"GTGT\"]", TODAY.minusDays(20))
			.andExpect(status().isCreated())).get("id").asString();
		String repeat = this.jdbc.sql("""
				INSERT INTO filing.tax_inspection (id, mst, decision_number, kind, period_from, period_to, tax_types,
				    announced_on, recorded_by, recorded_at, repeat_of)
				SELECT gen_random_uuid(), mst, decision_number, kind, period_from, period_to, tax_types, announced_on,
				    recorded_by, recorded_at + interval '1 second', id
				FROM filing.tax_inspection WHERE id = ?::uuid RETURNING id::text""").param(id).query(String.class).single();
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections").with(officer))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(id));

		conclude(mst, officer, repeat, TODAY.minusDays(2), "45/KL-CT").andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(id));
		conclude(mst, officer, id, TODAY.minusDays(1), "46/KL-CT").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "inspection-concluded"));
		conclude(mst, officer, repeat, TODAY.minusDays(1), "46/KL-CT").andExpect(status().isConflict());
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM filing.tax_inspection_conclusion c JOIN filing.tax_inspection i ON i.id = c.inspection_id
				WHERE i.mst = ?""").param(mst).query(Long.class).single()).isOne();
	}

	@Test
	void anInspectionWithoutTaxTypesCoversEveryTax() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");

		record(mst, officer(), "THANH_TRA", "2023-01-01", "2023-12-31", null, TODAY).andExpect(status().isCreated())
			.andExpect(jsonPath("$.taxTypes.length()").value(0))
			.andExpect(jsonPath("$.kindLabel.en").value("Tax audit"));
	}

	@Test
	void refusesWhatCannotHaveHappenedAndStoresNothing() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");

		invalid(record(mst, officer(), "KIEM_TRA", "2025-12-31", "2025-01-01", null, TODAY.minusDays(1)), "periodTo");
		invalid(record(mst, officer(), "KIEM_TRA", "2025-01-01", "2025-12-31", null, TODAY.plusDays(2)), "announcedOn");
		invalid(record(mst, officer(), "KIEM_TRA", "2025-01-01", "2025-12-31", "[\"GTGT\",\"VAT\"]", TODAY), "taxTypes")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("[VAT]")));
		invalid(record(mst, officer(), "SURVEY", "2025-01-01", "2025-12-31", null, TODAY), "kind");
		invalid(record(mst, officer(), "KIEM_TRA", "2025-01-01", TODAY.plusDays(1).toString(), null, TODAY),
				"periodTo");
		record(mst, officer(), "KIEM_TRA", "2025-01-01", "+6000000-01-01", null, TODAY)
			.andExpect(status().isBadRequest());
		invalid(record(mst, officer(), "KIEM_TRA", "1999-12-31", "2025-12-31", null, TODAY), "periodFrom");
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/inspections").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"KIEM_TRA\",\"periodFrom\":\"2025-01-01\",\"periodTo\":\"2025-12-31\"}"))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_inspection WHERE mst = ?").param(mst)
			.query(Long.class)
			.single()).isZero();

		String id = body(record(mst, officer(), "KIEM_TRA", "2025-01-01", "2025-12-31", null, TODAY.minusDays(5))
			.andExpect(status().isCreated())).get("id").asString();
		invalid(conclude(mst, officer(), id, TODAY.minusDays(6), "1/KL"), "concludedOn")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("before the inspection")));
		invalid(conclude(mst, officer(), id, TODAY.plusDays(2), "1/KL"), "concludedOn");
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_inspection_conclusion WHERE inspection_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anotherOfficesOfficerAndAnotherTaxpayerFindNoTaxpayerAndATaxpayerRecordsNothing() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "70129");
		String other = RegistryCalls.registered(this.mvc, "70129");
		String id = body(record(mst, officer(), "THANH_TRA", "2025-01-01", "2025-12-31", null, TODAY)
			.andExpect(status().isCreated())).get("id").asString();
		RequestPostProcessor elsewhere = bearer(TokenIssuer.local().officer("81500"));

		record(mst, elsewhere, "THANH_TRA", "2025-01-01", "2025-12-31", null, TODAY).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "taxpayer-not-found"));
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections").with(elsewhere))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections/" + id).with(elsewhere))
			.andExpect(status().isNotFound());
		conclude(mst, elsewhere, id, TODAY, "1/KL").andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections").with(taxpayer(other)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "taxpayer-not-found"));
		this.mvc.perform(get("/api/v1/taxpayers/" + other + "/inspections/" + id).with(officer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "inspection-not-found"));
		conclude(other, officer(), id, TODAY, "1/KL").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "inspection-not-found"));
		record(mst, taxpayer(mst), "THANH_TRA", "2025-01-01", "2025-12-31", null, TODAY)
			.andExpect(status().isForbidden());
		conclude(mst, taxpayer(mst), id, TODAY, "1/KL").andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections").with(bearer(TokenIssuer.local().agent(other))))
			.andExpect(status().isForbidden());
		record(DemoTaxpayers.newMst(), officer(), "THANH_TRA", "2025-01-01", "2025-12-31", null, TODAY)
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_inspection WHERE mst = ?").param(mst)
			.query(Long.class)
			.single()).isOne();
	}

	/** No return of the period was filed: its tax is due as a return filed now would be, on the extended deadline. */
	@Test
	void theTaxAssessedOnAPeriodWhoseDeadlineIsExtendedIsDueOnTheExtendedDeadline() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "70129");
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"maTKhai":"842","periodKind":"Q","period":"1/2026","reason":"EPIDEMIC","requestedOn":"2026-01-20",\
					"deadline":"2026-06-03"}""")).andExpect(status().isCreated());
		String id = body(record(mst, officer(), "THANH_TRA", "2025-01-01", "2026-06-30", "[\"GTGT\"]",
				TODAY.minusDays(20)).andExpect(status().isCreated())).get("id").asString();

		conclude(mst, officer(), id, TODAY.minusDays(1), "45/KL-CT", """
				[{"maTKhai":"842","periodKind":"Q","period":"1/2026","subItem":"1701","amount":40000000},
				 {"maTKhai":"842","periodKind":"Q","period":"2/2026","subItem":"1701","amount":1000000}]""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.conclusion.assessedTax[0].dueDate").value("2026-06-03"))
			.andExpect(jsonPath("$.conclusion.assessedTax[1].dueDate").value("2026-07-31"));
	}

	/**
	 * Tax assessed on a period whose original was filed is due as the same tax declared on a supplement would be: on
	 * the deadline the original was held to (ADR 0023), though the extension was revoked before the conclusion.
	 */
	@Test
	void theTaxAssessedOnAFiledPeriodIsDueOnTheDeadlineItsOriginalWasHeldTo() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		String extension = grant(mst, "1/2026", "2026-06-03");
		assertThat(fileQ1Of2026(mst).at("/payableItems/0/dueDate").asString()).isEqualTo("2026-06-03");
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions/" + extension + "/revocation").with(officer()))
			.andExpect(status().isCreated());
		String id = body(record(mst, officer(), "THANH_TRA", "2026-01-01", "2026-06-30", "[\"GTGT\"]",
				TODAY.minusDays(20)).andExpect(status().isCreated())).get("id").asString();

		conclude(mst, officer(), id, TODAY.minusDays(1), "45/KL-CT", """
				[{"maTKhai":"842","periodKind":"Q","period":"1/2026","subItem":"1701","amount":40000000}]""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.conclusion.assessedTax[0].dueDate").value("2026-06-03"));
	}

	/**
	 * An extension granted after the original was filed did not hold the original, nor what a supplement adds: the tax
	 * assessed on the period is due on its regular deadline, 4 May 2026, all the same.
	 */
	@Test
	void anExtensionGrantedAfterTheOriginalWasFiledDoesNotMoveTheTaxAssessedOnItsPeriod() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		assertThat(fileQ1Of2026(mst).at("/payableItems/0/dueDate").asString()).isEqualTo("2026-05-04");
		grant(mst, "1/2026", "2026-06-03");
		String id = body(record(mst, officer(), "THANH_TRA", "2026-01-01", "2026-06-30", "[\"GTGT\"]",
				TODAY.minusDays(20)).andExpect(status().isCreated())).get("id").asString();

		conclude(mst, officer(), id, TODAY.minusDays(1), "45/KL-CT", """
				[{"maTKhai":"842","periodKind":"Q","period":"1/2026","subItem":"1701","amount":40000000}]""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.conclusion.assessedTax[0].dueDate").value("2026-05-04"));
	}

	@Test
	void theTaxAConclusionAssessedIsPayableFromItsPeriodsDeadlineAndAnnouncedToTheLedger() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "70129");
		String id = body(record(mst, officer(), "THANH_TRA", "2025-01-01", "2026-06-30", "[\"GTGT\",\"TNDN\"]",
				TODAY.minusDays(20)).andExpect(status().isCreated())).get("id").asString();

		JsonNode concluded = body(conclude(mst, officer(), id, TODAY.minusDays(1), "45/KL-CT", """
				[{"maTKhai":"842","periodKind":"Q","period":"1/2026","subItem":"1701","amount":40000000},
				 {"maTKhai":"892","periodKind":"Y","period":"2025","subItem":"1052","amount":15000000}]""")
			.andExpect(status().isCreated()));

		JsonNode vat = concluded.at("/conclusion/assessedTax/0");
		assertThat(vat.get("formCode").asString()).isEqualTo("01/GTGT");
		assertThat(vat.get("taxPeriod").asString()).isEqualTo("00/Q1/2026");
		assertThat(vat.get("amount").asLong()).isEqualTo(40_000_000);
		assertThat(vat.get("dueDate").asString()).as("30 April, moved past the holidays and the weekend")
			.isEqualTo("2026-05-04");
		JsonNode cit = concluded.at("/conclusion/assessedTax/1");
		assertThat(cit.get("formCode").asString()).isEqualTo("03/TNDN");
		assertThat(cit.get("taxPeriod").asString()).isEqualTo("00/CN/2025");
		assertThat(cit.get("dueDate").asString()).isEqualTo("2026-03-31");
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections/" + id).with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.conclusion.assessedTax.length()").value(2))
			.andExpect(jsonPath("$.conclusion.assessedTax[0].payableItemId").value(vat.get("payableItemId").asString()));

		String itemId = vat.get("payableItemId").asString();
		JsonNode event = this.json.readTree(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.payable-items.v1", (r) -> r.value().contains(itemId), 1, Duration.ofSeconds(20))
			.get(0)
			.value());
		assertThat(event.get("type").asString()).isEqualTo("TaxAssessed");
		assertThat(event.get("mst").asString()).isEqualTo(mst);
		assertThat(event.get("inspectionId").asString()).isEqualTo(id);
		assertThat(event.get("decisionNumber").asString()).isEqualTo("45/KL-CT");
		assertThat(event.get("chapter").asString()).isEqualTo("754");
		assertThat(event.get("subItem").asString()).isEqualTo("1701");
		assertThat(event.get("amount").asLong()).isEqualTo(40_000_000);
		assertThat(event.get("dueDate").asString()).isEqualTo("2026-05-04");
		assertThat(event.get("taxOfficeCode").asString()).isEqualTo("70129");
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE filing.tax_assessment SET amount = 1 WHERE id = ?::uuid")
			.param(itemId)
			.update()).as("append-only").hasMessageContaining("append-only");
	}

	@Test
	void theFinesAConclusionDecidedArePayableItemsOfTheirOwnDueTenDaysAfterIt() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "70129");
		String id = body(record(mst, officer(), "THANH_TRA", "2025-01-01", "2025-12-31", "[\"GTGT\",\"TNDN\"]",
				LocalDate.of(2026, 4, 1)).andExpect(status().isCreated())).get("id").asString();

		JsonNode concluded = body(conclude(mst, officer(), id, LocalDate.of(2026, 4, 20), "46/KL-CT", """
				[{"maTKhai":"842","periodKind":"Q","period":"3/2025","subItem":"1701","amount":40000003,
				  "fine":{"violation":"UNDERSTATEMENT"}},
				 {"maTKhai":"892","periodKind":"Y","period":"2025","subItem":"1052","amount":15000001,
				  "fine":{"violation":"EVASION","rate":1.5}},
				 {"maTKhai":"842","periodKind":"Q","period":"4/2025","subItem":"1701","amount":1000000}]""")
			.andExpect(status().isCreated()));

		JsonNode understated = concluded.at("/conclusion/assessedTax/0/fine");
		assertThat(understated.get("violation").asString()).isEqualTo("UNDERSTATEMENT");
		assertThat(understated.get("rate").decimalValue()).isEqualByComparingTo("0.2");
		assertThat(understated.get("amount").asLong()).as("a fifth of 40,000,003, half up").isEqualTo(8_000_001);
		assertThat(understated.get("subItem").asString()).isEqualTo("4254");
		assertThat(understated.get("taxPeriod").asString()).isEqualTo("20/04/2026");
		assertThat(understated.get("dueDate").asString())
			.as("30 April, past the holidays of 30 April and 1 May and the weekend")
			.isEqualTo("2026-05-04");
		assertThat(understated.at("/violationLabel/vi").asString()).isEqualTo("Khai sai dẫn đến thiếu số thuế phải nộp");
		JsonNode evaded = concluded.at("/conclusion/assessedTax/1/fine");
		assertThat(evaded.get("violation").asString()).isEqualTo("EVASION");
		assertThat(evaded.get("amount").asLong()).as("1.5 times 15,000,001, half up").isEqualTo(22_500_002);
		assertThat(concluded.at("/conclusion/assessedTax/2/fine").isNull()).as("no fine decided").isTrue();
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/inspections/" + id).with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.conclusion.assessedTax[1].fine.payableItemId")
				.value(evaded.get("payableItemId").asString()))
			.andExpect(jsonPath("$.conclusion.assessedTax[1].fine.rate").value(1.5));

		String fineId = understated.get("payableItemId").asString();
		JsonNode event = this.json.readTree(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.payable-items.v1", (r) -> r.value().contains(fineId), 1, Duration.ofSeconds(20))
			.get(0)
			.value());
		assertThat(event.get("type").asString()).isEqualTo("PenaltyImposed");
		assertThat(event.get("payableItemId").asString()).isEqualTo(fineId);
		assertThat(event.get("inspectionId").asString()).isEqualTo(id);
		assertThat(event.get("returnId").isNull()).isTrue();
		assertThat(event.get("decisionNumber").asString()).isEqualTo("46/KL-CT");
		assertThat(event.get("subItem").asString()).isEqualTo("4254");
		assertThat(event.get("taxPeriod").asString()).isEqualTo("20/04/2026");
		assertThat(event.get("amount").asLong()).isEqualTo(8_000_001);
		assertThat(event.get("dueDate").asString()).isEqualTo("2026-05-04");
		assertThat(event.get("taxOfficeCode").asString()).isEqualTo("70129");
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE filing.tax_assessment_fine SET amount = 1 WHERE "
				+ "payable_item_id = ?::uuid")
			.param(fineId)
			.update()).as("append-only").hasMessageContaining("append-only");
	}

	/**
	 * Law 38/2019 Art. 137(1): understating or evading tax is fined within five years of its return's deadline. Q4/2020
	 * was due on 1 February 2021, so a conclusion of 20 April 2026 assesses its tax without a fine; Q1/2021, due on 4
	 * May 2021, is still fined.
	 */
	@Test
	void aFineIsDecidedWithinFiveYearsOfItsReturnsDeadline() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		String id = body(record(mst, officer(), "THANH_TRA", "2020-10-01", "2021-06-30", "[\"GTGT\"]",
				LocalDate.of(2026, 4, 1)).andExpect(status().isCreated())).get("id").asString();
		String barred = "{\"maTKhai\":\"01\",\"periodKind\":\"Q\",\"period\":\"4/2020\",\"subItem\":\"1701\","
				+ "\"amount\":1000000";
		String inTime = "{\"maTKhai\":\"01\",\"periodKind\":\"Q\",\"period\":\"1/2021\",\"subItem\":\"1701\","
				+ "\"amount\":2000000,\"fine\":{\"violation\":\"UNDERSTATEMENT\"}}";

		invalid(conclude(mst, officer(), id, LocalDate.of(2026, 4, 20), "47/KL-CT",
				"[" + barred + ",\"fine\":{\"violation\":\"EVASION\"}}," + inTime + "]"), "assessedTax[0].fine.violation")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2026-02-01")));
		JsonNode concluded = body(conclude(mst, officer(), id, LocalDate.of(2026, 4, 20), "47/KL-CT",
				"[" + barred + "}," + inTime + "]").andExpect(status().isCreated()));
		assertThat(concluded.at("/conclusion/assessedTax/0/fine").isNull()).isTrue();
		assertThat(concluded.at("/conclusion/assessedTax/1/fine/amount").asLong()).isEqualTo(400_000);
	}

	@Test
	void refusesAFineNoViolationAllowsAndStoresNothing() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		String id = body(record(mst, officer(), "KIEM_TRA", "2025-01-01", "2025-12-31", "[\"GTGT\"]",
				TODAY.minusDays(5)).andExpect(status().isCreated())).get("id").asString();

		invalid(fined(mst, id, "{\"violation\":\"FRAUD\"}"), "assessedTax[0].fine.violation");
		invalid(fined(mst, id, "{\"violation\":\"UNDERSTATEMENT\",\"rate\":0.5}"), "assessedTax[0].fine.rate")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("0.2")));
		invalid(fined(mst, id, "{\"violation\":\"EVASION\",\"rate\":1.2}"), "assessedTax[0].fine.rate")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 or 1.5 or 2 or 2.5 or 3")));
		fined(mst, id, "{\"violation\":\"EVASION\",\"rate\":3.25}").andExpect(status().isBadRequest());
		invalid(conclude(mst, officer(), id, TODAY, "1/KL", "[{\"maTKhai\":\"842\",\"periodKind\":\"Q\",\"period\":"
				+ "\"1/2025\",\"subItem\":\"1701\",\"amount\":900000000000000000,"
				+ "\"fine\":{\"violation\":\"EVASION\",\"rate\":3}}]"), "assessedTax[0].fine.rate")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("more than the ledger books")));
		invalid(conclude(mst, officer(), id, TODAY, "1/KL", "[{\"maTKhai\":\"842\",\"periodKind\":\"Q\",\"period\":"
				+ "\"1/2025\",\"subItem\":\"1701\",\"amount\":2,\"fine\":{\"violation\":\"UNDERSTATEMENT\"}}]"),
				"assessedTax[0].fine.rate")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("less than 1 VND")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_inspection_conclusion WHERE inspection_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesTaxTheInspectionDidNotCoverAndStoresNothing() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		String id = body(record(mst, officer(), "KIEM_TRA", "2025-01-01", "2025-12-31", "[\"GTGT\"]",
				TODAY.minusDays(5)).andExpect(status().isCreated())).get("id").asString();

		invalid(assess(mst, id, "892", "Y", "2025", "1052", 1), "assessedTax[0].maTKhai")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("TNDN")));
		invalid(assess(mst, id, "842", "Q", "1/2026", "1701", 1), "assessedTax[0].period");
		invalid(assess(mst, id, "842", "Q", "1/2025", "1052", 1), "assessedTax[0].subItem")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1701")));
		invalid(assess(mst, id, "842", "M", "13/2025", "1701", 1), "assessedTax[0].period");
		invalid(assess(mst, id, "9999", "Q", "1/2025", "1701", 1), "assessedTax[0].maTKhai");
		invalid(conclude(mst, officer(), id, TODAY, "1/KL", """
				[{"maTKhai":"842","periodKind":"Q","period":"2/2025","subItem":"1701","amount":5},
				 {"maTKhai":"842","periodKind":"Q","period":"2/2025","subItem":"1701","amount":6}]"""),
				"assessedTax[1].subItem");
		assess(mst, id, "842", "Q", "1/2025", "1701", 0).andExpect(status().isBadRequest());
		String current = body(record(mst, officer(), "13/QĐ-CT", "KIEM_TRA", TODAY.minusMonths(6).withDayOfMonth(1).toString(),
				TODAY.minusDays(1).toString(), "[\"GTGT\"]", TODAY.minusDays(1)).andExpect(status().isCreated()))
			.get("id").asString();
		invalid(conclude(mst, officer(), current, TODAY, "2/KL", "[{\"maTKhai\":\"842\",\"periodKind\":\"Q\","
				+ "\"period\":\"" + ((TODAY.getMonthValue() - 1) / 3 + 1) + "/" + TODAY.getYear()
				+ "\",\"subItem\":\"1701\",\"amount\":1}]"), "assessedTax[0].period");
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_inspection_conclusion WHERE inspection_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isZero();

		conclude(mst, officer(), id, TODAY, "1/KL").andExpect(status().isCreated())
			.andExpect(jsonPath("$.conclusion.assessedTax.length()").value(0));
	}

	/**
	 * Tax is assessed on a period a return of the form declares (CTX-PER-05, CTX-PER-06): a calendar year of 03/TNDN
	 * is the year, and no fiscal year runs ten years, or four.
	 */
	@Test
	void refusesTaxAssessedOnAPeriodNoReturnOfTheFormDeclaresAndStoresNothing() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");
		String id = body(record(mst, officer(), "THANH_TRA", "2016-01-01", "2025-12-31", "[\"TNDN\"]",
				TODAY.minusDays(5)).andExpect(status().isCreated())).get("id").asString();

		invalid(assess(mst, id, "892", "K", "01/01/2016-31/12/2025", "1052", 1), "assessedTax[0].period")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("longer than 15 months")));
		invalid(assess(mst, id, "892", "K", "01/01/2022-31/12/2025", "1052", 1), "assessedTax[0].period");
		invalid(assess(mst, id, "892", "K", "01/01/2025-31/12/2025", "1052", 1), "assessedTax[0].periodKind")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("periodKind Y, period 2025")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_inspection_conclusion WHERE inspection_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isZero();

		assess(mst, id, "892", "K", "01/04/2024-31/03/2025", "1052", 1).andExpect(status().isCreated());
	}

	/** Grants an extension of 01/GTGT for an epidemic, requested in January 2026; returns its id. */
	private String grant(String mst, String quarter, String deadline) throws Exception {
		return body(this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"maTKhai\":\"842\",\"periodKind\":\"Q\",\"period\":\"" + quarter + "\",\"reason\":\"EPIDEMIC\","
					+ "\"requestedOn\":\"2026-01-20\",\"deadline\":\"" + deadline + "\"}"))
			.andExpect(status().isCreated())).get("id").asString();
	}

	/** Files the sample 01/GTGT of Q1/2026 (22,000,000 VND of VAT) as the taxpayer's original; returns its receipt. */
	private JsonNode fileQ1Of2026(String mst) throws Exception {
		String xml = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<mst>0313829148</mst>", "<mst>" + mst + "</mst>");
		JsonNode receipt = body(this.mvc.perform(post("/api/v1/returns").with(filer())
			.contentType(MediaType.APPLICATION_XML)
			.content(xml)).andExpect(status().isCreated()));
		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		return receipt;
	}

	private ResultActions record(String mst, RequestPostProcessor caller, String kind, String from, String to,
			String taxTypes, LocalDate announcedOn) throws Exception {
		return record(mst, caller, "12/QĐ-CT", kind, from, to, taxTypes, announcedOn);
	}

	private ResultActions record(String mst, RequestPostProcessor caller, String decisionNumber, String kind,
			String from, String to, String taxTypes, LocalDate announcedOn) throws Exception {
		String body = "{\"decisionNumber\":\"" + decisionNumber + "\",\"kind\":\"" + kind + "\",\"periodFrom\":\"" + from
				+ "\",\"periodTo\":\"" + to + "\"," + ((taxTypes != null) ? "\"taxTypes\":" + taxTypes + "," : "")
				+ "\"announcedOn\":\"" + announcedOn + "\"}";
		return this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/inspections").with(caller)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions conclude(String mst, RequestPostProcessor caller, String id, LocalDate concludedOn,
			String decisionNumber) throws Exception {
		return conclude(mst, caller, id, concludedOn, decisionNumber, null);
	}

	private ResultActions conclude(String mst, RequestPostProcessor caller, String id, LocalDate concludedOn,
			String decisionNumber, String assessedTax) throws Exception {
		return this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/inspections/" + id + "/conclusion").with(caller)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"concludedOn\":\"" + concludedOn + "\",\"decisionNumber\":\"" + decisionNumber + "\""
					+ ((assessedTax != null) ? ",\"assessedTax\":" + assessedTax : "") + "}"));
	}

	private ResultActions assess(String mst, String id, String maTKhai, String kind, String period, String subItem,
			long amount) throws Exception {
		return conclude(mst, officer(), id, TODAY, "1/KL", "[{\"maTKhai\":\"" + maTKhai + "\",\"periodKind\":\"" + kind
				+ "\",\"period\":\"" + period + "\",\"subItem\":\"" + subItem + "\",\"amount\":" + amount + "}]");
	}

	private ResultActions fined(String mst, String id, String fine) throws Exception {
		return conclude(mst, officer(), id, TODAY, "1/KL", "[{\"maTKhai\":\"842\",\"periodKind\":\"Q\",\"period\":"
				+ "\"1/2025\",\"subItem\":\"1701\",\"amount\":1000,\"fine\":" + fine + "}]");
	}

	private static ResultActions invalid(ResultActions result, String field) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-inspection"))
			.andExpect(jsonPath("$.field").value(field));
	}

	private JsonNode body(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString());
	}

}
