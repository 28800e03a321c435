package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TopicReader;
import etax.schemas.FormCatalog;
import etax.schemas.ReturnGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.accepted;
import static etax.declaration.submission.GeneratedReturns.findings;
import static etax.declaration.submission.GeneratedReturns.generated;
import static etax.declaration.submission.GeneratedReturns.indicator;
import static etax.declaration.submission.GeneratedReturns.ruleIds;
import static etax.devstack.TestCallers.filer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The context rules on real PostgreSQL, with the server's clock at 10 May 2026, 10:00 in Vietnam: Q1/2026
 * was due on Monday 4 May (30 April and 1 May are holidays, 2 and 3 May a weekend).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class ContextRulesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void acceptsARegisteredTaxpayersReturnAndWarnsItIsSixDaysLate() throws Exception {
		JsonNode receipt = file(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q")), 201);

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(receipt)).containsExactly("CTX-DL-01");
		JsonNode late = receipt.at("/findings/0");
		assertThat(late.get("severity").asString()).isEqualTo("WARNING");
		assertThat(late.get("category").asString()).isEqualTo("NOT_ON_TIME");
		assertThat(late.at("/message/en").asString()).startsWith("Filed 6 days after the deadline of 2026-05-04")
			.contains("2–5 million VND");
		assertThat(late.at("/message/vi").asString()).startsWith("Nộp chậm 6 ngày");
	}

	@Test
	void rejectsAnMstWithAWrongCheckDigit() throws Exception {
		String valid = SampleReturns.newMst();
		String offByOne = valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);

		JsonNode receipt = file(SampleReturns.forTaxpayer(offByOne), 201);

		assertThat(receipt.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(receipt.get("transactionCode").asString()).hasSize(17);
		assertThat(ruleIds(receipt)).containsExactly("CTX-MST-01");
		assertThat(receipt.at("/findings/0/xpath").asString()).endsWith("/NNT/mst");
		assertThat(receipt.at("/findings/0/severity").asString()).isEqualTo("REJECT_AND_STOP");
	}

	@Test
	void rejectsAnMstWhosePrefixHasRemainderZero() throws Exception {
		// 31·1 + 29·0 + … = 0 (mod 11): no check digit exists for 100000000
		assertThat(ruleIds(file(SampleReturns.forTaxpayer("1000000000"), 201))).containsExactly("CTX-MST-01");
	}

	@Test
	void rejectsUnknownInactiveAndNotEnrolledTaxpayers() throws Exception {
		assertThat(ruleIds(file(SampleReturns.forTaxpayer(SampleReturns.newMst()), 201))).containsExactly("CTX-ID-01");
		assertThat(ruleIds(file(SampleReturns.forTaxpayer("1801321141"), 201))).containsExactly("CTX-ID-02");
		assertThat(ruleIds(file(SampleReturns.forTaxpayer("5702126556"), 201))).containsExactly("CTX-ID-03");
	}

	/** VN-ETAX.md §3.2: a business that ceased still files its finalization, and only that. */
	@Test
	void aClosedTaxpayerFilesItsFinalizationOnly() throws Exception {
		String finalization = GeneratedReturns.citFinalization("1801321141", 2025, (xml) -> true);

		JsonNode receipt = file(finalization, 201);
		assertThat(ruleIds(receipt)).doesNotContain("CTX-ID-02", "CTX-ID-03");
		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void rejectsAQuarterlyReturnOfAMonthlyFiler() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		JsonNode receipt = file(SampleReturns.forTaxpayer(mst), 201);

		assertThat(ruleIds(receipt)).contains("CTX-PER-03");
		assertThat(receipt.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		String returnId = receipt.get("returnId").asString();
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.declarations.v1",
				(record) -> record.value().contains(returnId), 1, Duration.ofSeconds(20)))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.key()).isEqualTo(mst);
				JsonNode body = this.json.readTree(event.value());
				assertThat(body.get("type").asString()).isEqualTo("ReturnRejected");
				assertThat(body.get("transactionCode").asString()).isEqualTo(receipt.get("transactionCode").asString());
				assertThat(body.get("ruleIds").valueStream().map(JsonNode::asString)).as("the refusing rules, not warnings")
					.contains("CTX-PER-03")
					.containsExactlyElementsOf(receipt.get("findings")
						.valueStream()
						.filter((finding) -> !"WARNING".equals(finding.get("severity").asString()))
						.map((finding) -> finding.get("ruleId").asString())
						.distinct()
						.toList());
			});
	}

	@Test
	void theFrequencyInForceForTheReturnsPeriodDecidesNotTodays() throws Exception {
		String mst = SampleReturns.newMst();
		register(mst, "M", null).andExpect(status().isCreated());
		register(mst, "Q", "2026-01-01").andExpect(status().isCreated())
			.andExpect(jsonPath("$.filingFrequency").value("M"))
			.andExpect(jsonPath("$.frequencyChanges[0].effectiveFrom").value("2026-01-01"))
			.andExpect(jsonPath("$.frequencyChanges[0].frequency").value("Q"));

		JsonNode june2025 = file(month(SampleReturns.forTaxpayer(mst), 6, 2025), 201);
		JsonNode february2026 = file(month(SampleReturns.forTaxpayer(mst), 2, 2026), 201);
		JsonNode firstQuarter2026 = file(SampleReturns.forTaxpayer(mst), 201);

		assertThat(ruleIds(june2025)).doesNotContain("CTX-PER-03");
		assertThat(june2025.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(february2026.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode frequency = findings(february2026).stream()
			.filter((finding) -> finding.get("ruleId").asString().equals("CTX-PER-03"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(february2026.get("findings").toString()));
		assertThat(frequency.get("value").asString()).isEqualTo("M");
		assertThat(frequency.at("/message/en").asString()).isEqualTo("The taxpayer is registered to file quarterly for the periods of 2026.");
		assertThat(ruleIds(firstQuarter2026)).doesNotContain("CTX-PER-03");
		assertThat(firstQuarter2026.get("status").asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void aFrequencyChangeIsAppendedFromAYearsStartAndNeverRewritten() throws Exception {
		String mst = SampleReturns.newMst();
		register(mst, "M", null).andExpect(status().isCreated());

		register(mst, "Q", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/registration-conflict"));
		register(mst, "Q", "2026-04-01").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/invalid-registration"));
		register(mst, "Q", "2026-01-01").andExpect(status().isCreated());
		register(mst, "Q", "2026-01-01").andExpect(status().isCreated());
		register(mst, "M", "2026-01-01").andExpect(status().isConflict());
		register(mst, "M", "2028-01-01").andExpect(status().isCreated());
		register(mst, "M", null).andExpect(status().isCreated());

		assertThat(this.jdbc.sql("""
				SELECT effective_from || ' ' || frequency FROM filing.filing_frequency_change WHERE mst = ?
				ORDER BY effective_from""").param(mst).query(String.class).list())
			.containsExactly("2026-01-01 Q", "2028-01-01 M");
		this.mvc.perform(get("/api/v1/taxpayers/" + mst).with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filingFrequency").value("M"))
			.andExpect(jsonPath("$.frequencyChanges[*].frequency", org.hamcrest.Matchers.contains("Q", "M")));
	}

	/** R-PER-2: a change applies from a year's first period, never to a year the taxpayer filed at the other one. */
	@Test
	void aFrequencyChangeIsRefusedFromAYearWithReturnsAcceptedAtTheOther() throws Exception {
		String mst = SampleReturns.newMst();
		register(mst, "M", null).andExpect(status().isCreated());
		assertThat(file(month(SampleReturns.forTaxpayer(mst), 2, 2026), 201).get("status").asString())
			.isEqualTo("ACCEPTED");

		register(mst, "Q", "2026-01-01").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/registration-conflict"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("02/2026")));
		register(mst, "Q", "2025-01-01").andExpect(status().isConflict());
		register(mst, "Q", "2027-01-01").andExpect(status().isCreated());
		register(mst, "Q", "2027-01-01").andExpect(status().isCreated()); // a retry
	}

	private org.springframework.test.web.servlet.ResultActions register(String mst, String frequency,
			@org.jspecify.annotations.Nullable String from) throws Exception {
		return this.mvc.perform(post("/api/v1/taxpayers").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mst\":\"" + mst + "\",\"name\":\"CÔNG TY CHUYỂN KỲ KHAI\",\"status\":\"ACTIVE\","
					+ "\"eFiling\":true,\"filingFrequency\":\"" + frequency + "\",\"taxOfficeCode\":\"99999\","
					+ "\"chapter\":\"754\"" + ((from != null) ? ",\"filingFrequencyFrom\":\"" + from + "\"" : "") + "}"));
	}

	@Test
	void aReceiptSaysWhichReturnItAcknowledges() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode receipt = file(SampleReturns.forTaxpayer(mst), 201);

		assertThat(receipt.get("mst").asString()).isEqualTo(mst);
		assertThat(receipt.get("formCode").asString()).isEqualTo("01/GTGT");
		assertThat(receipt.get("maTKhai").asString()).isEqualTo("842");
		assertThat(receipt.get("formVersion").asString()).isEqualTo("2.8.3");
		assertThat(receipt.get("filingType").asString()).isEqualTo("C");
		assertThat(receipt.get("submissionNumber").asInt()).isZero();
		assertThat(receipt.at("/period/kind").asString()).isEqualTo("Q");
		assertThat(receipt.at("/period/value").asString()).isEqualTo("1/2026");
		assertThat(receipt.at("/period/from").asString()).isEqualTo("2026-01-01");
		assertThat(receipt.at("/period/to").asString()).isEqualTo("2026-03-31");
		JsonNode again = read("/api/v1/receipts/" + receipt.get("transactionCode").asString());
		assertThat(again.get("mst").asString()).as("the stored receipt too").isEqualTo(mst);
		assertThat(again.at("/period/value").asString()).isEqualTo("1/2026");
	}

	@Test
	void aPeriodKindTheFormDoesNotTakeIsRefusedAndStartsNoChain() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String quarter = SampleReturns.forTaxpayer(mst);
		String range = SampleReturns.with(SampleReturns.with(quarter, "kieuKy", "K"), "kyKKhai", "");
		String year = SampleReturns.with(SampleReturns.with(SampleReturns.with(SampleReturns.with(quarter, "kieuKy", "Y"),
				"kyKKhai", "2025"), "kyKKhaiTuNgay", "01/01/2025"), "kyKKhaiDenNgay", "31/12/2025");
		String occurrence = SampleReturns.with(SampleReturns.with(SampleReturns.with(SampleReturns.with(quarter, "kieuKy",
				"D"), "kyKKhai", "15/03/2026"), "kyKKhaiTuNgay", "15/03/2026"), "kyKKhaiDenNgay", "15/03/2026");

		assertThat(file(quarter, 201).get("status").asString()).isEqualTo("ACCEPTED");
		for (String other : List.of(range, year, occurrence)) {
			JsonNode receipt = file(other, 201);
			assertThat(receipt.get("status").asString()).isEqualTo("NOT_ACCEPTED");
			assertThat(ruleIds(receipt)).containsExactly("CTX-PER-04");
			assertThat(receipt.at("/findings/0/xpath").asString()).endsWith("/kieuKy");
			assertThat(receipt.at("/findings/0/message/en").asString()).contains("only for: M, Q");
			assertThat(receipt.at("/findings/0/message/vi").asString()).contains("M, Q");
			assertThat(receipt.at("/findings/0/remedy/en").asString()).contains("kieuKy");
			assertThat(receipt.get("payableItems").isEmpty()).isTrue();
		}
	}

	@Test
	void rejectsAPeriodThatHasNotEnded() throws Exception {
		String xml = SampleReturns.quarter(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q")), 2,
				2026);

		assertThat(ruleIds(file(xml, 201))).containsExactly("CTX-PER-02");
	}

	@Test
	void rejectsPeriodBoundsThatDoNotMatchTheQuarter() throws Exception {
		String xml = SampleReturns.with(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q")),
				"kyKKhaiDenNgay", "30/03/2026");

		assertThat(ruleIds(file(xml, 201))).containsExactly("CTX-PER-01");
	}

	@Test
	void rejectsASecondOriginalWithAPointerToTheAcceptedOne() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode first = file(SampleReturns.forTaxpayer(mst), 201);

		JsonNode second = file(SampleReturns.with(SampleReturns.forTaxpayer(mst), "dthoaiNNT", "0900000000"), 201);

		assertThat(second.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(ruleIds(second)).contains("CTX-DUP-01");
		JsonNode duplicate = findings(second).stream()
			.filter((finding) -> "CTX-DUP-01".equals(finding.get("ruleId").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(duplicate.get("value").asString()).isEqualTo(first.get("transactionCode").asString());
		assertThat(duplicate.at("/message/en").asString()).contains(first.get("returnId").asString());
	}

	@Test
	void rejectsASupplementWithoutAnOriginalOrWithTheWrongNumber() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		assertThat(ruleIds(file(SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1), 201))).contains("CTX-DUP-02");

		file(SampleReturns.forTaxpayer(mst), 201);
		assertThat(ruleIds(file(SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 2), 201))).contains("CTX-DUP-03");
	}

	@Test
	void rejectsAnExplanationWhoseDeclaredFigureIsNotTheOneInForce() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		file(SampleReturns.forTaxpayer(mst), 201);
		String supplement = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);

		JsonNode wrongFigure = file(SampleReturns.explaining(supplement, "40", 21_000_000, 25_000_000), 201);
		JsonNode unknownIndicator = file(SampleReturns.explaining(supplement, "99", 0, 1_000), 201);
		JsonNode untrueAdjustment = file(SampleReturns.explaining(supplement, "40", 22_000_000, 25_000_000), 201);

		assertThat(wrongFigure.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode mismatch = findings(wrongFigure).stream()
			.filter((finding) -> finding.get("ruleId").asString().equals("CTX-DUP-04"))
			.findFirst()
			.orElseThrow();
		assertThat(mismatch.get("xpath").asString())
			.isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_1_KHBS/GiaiTrinh/ChiTiet[1]/soDaKeKhai");
		assertThat(mismatch.get("value").asString()).isEqualTo("21000000");
		assertThat(mismatch.at("/message/en").asString()).contains("22000000");
		assertThat(ruleIds(unknownIndicator)).contains("CTX-DUP-05");
		assertThat(ruleIds(untrueAdjustment)).as("[40] is still 22000000 on the supplement").contains("CTX-DUP-07");
		assertThat(untrueAdjustment.get("status").asString()).isEqualTo("NOT_ACCEPTED");
	}

	@Test
	void anAcceptedSupplementSupersedesTheOriginalAddsTheDifferenceAsAPayableItemAndShowsWhatItChanged() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode original = file(SampleReturns.forTaxpayer(mst), 201);
		String corrected = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);
		corrected = SampleReturns.with(corrected, "ct25", "45000000");
		corrected = SampleReturns.with(corrected, "ct36", "37000000");
		corrected = SampleReturns.with(corrected, "ct40a", "25000000");
		corrected = SampleReturns.with(corrected, "ct40", "25000000");
		corrected = SampleReturns.explaining(corrected, "40", 22_000_000, 25_000_000);

		JsonNode supplement = file(corrected, 201);

		assertThat(supplement.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(original)).containsExactly("CTX-DL-01");
		assertThat(ruleIds(supplement)).as("a supplement is not a late filing (R-DUP-4)").doesNotContain("CTX-DL-01");
		assertThat(ruleIds(supplement)).as("[25], [36] and [40a] changed, only [40] explained").containsExactly("CTX-DUP-08");
		assertThat(supplement.at("/payableItems/0/amount").asLong()).isEqualTo(3_000_000L);
		assertThat(supplement.at("/payableItems/0/dueDate").asString())
			.as("the increase was due with the original return: late-payment interest runs from that deadline")
			.isEqualTo("2026-05-04");
		JsonNode lifecycle = read("/api/v1/returns/" + original.get("returnId").asString() + "/events");
		assertThat(lifecycle.findValuesAsString("type")).containsExactly("RECEIVED", "ACCEPTED",
				"PAYABLE_ITEMS_CREATED", "SUPERSEDED");
		assertThat(lifecycle.at("/3/detail/by").asString()).isEqualTo(supplement.get("returnId").asString());
		JsonNode chain = read("/api/v1/returns/" + supplement.get("returnId").asString() + "/chain");
		assertThat(chain.size()).isEqualTo(2);
		assertThat(chain.at("/0/id").asString()).isEqualTo(original.get("returnId").asString());
		assertThat(chain.at("/1/id").asString()).isEqualTo(supplement.get("returnId").asString());
		assertThat(chain.at("/0/current").asBoolean()).isFalse();
		assertThat(chain.at("/1/current").asBoolean()).isTrue();
		assertThat(chain.at("/0/changes").isEmpty()).isTrue();
		assertThat(chain.at("/1/comparedWith").asString()).isEqualTo(original.get("returnId").asString());
		assertThat(chain.at("/1/changes").findValuesAsString("indicator")).as("in natural order")
			.containsExactly("ct25", "ct36", "ct40", "ct40a");
		assertThat(chain.at("/1/changes/2/before").asString()).isEqualTo("22000000");
		assertThat(chain.at("/1/changes/2/after").asString()).isEqualTo("25000000");
		assertThat(chain.at("/0/payableItems/0/amount").asLong()).isEqualTo(22_000_000L);
		assertThat(chain.at("/1/payableItems/0/amount").asLong()).isEqualTo(3_000_000L);
		assertThat(this.jdbc.sql("SELECT status FROM filing.tax_return WHERE id = ?::uuid")
			.param(original.get("returnId").asString())
			.query(String.class)
			.single()).as("never updated in place").isEqualTo("ACCEPTED");
	}

	@Test
	void eachReplacementSupersedesTheReturnInForceOnceAndIsChargedTheDifferenceFromIt() throws Exception {
		Predicate<String> firstQuarter = (candidate) -> candidate.contains("<kyKKhai>1/2026<");
		String original = generated("995", "2.1.0", "C", LocalDate.parse("2026-03-31"), firstQuarter);
		String replacement = generated("995", "2.1.0", "T", LocalDate.parse("2026-03-31"),
				firstQuarter.and((candidate) -> !indicator(candidate, "ct18").equals(indicator(original, "ct18"))
						&& !indicator(candidate, "ct19").equals(indicator(original, "ct19"))));
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		// Q1/2026 was due on 4 May: an extension to 3 June keeps the replacements within the deadline (R-DUP-5)
		extend(mst, "995", "1/2026", "2026-06-03");
		String first = SampleReturns.with(SampleReturns.with(
				SampleReturns.with(SampleReturns.with(replacement, "mst", mst), "maCQTNoiNop", "99999"), "ngayLapTKhai",
				"2026-05-08"), "ngayKy", "2026-05-08");
		String sameFigures = signedBefore(first);

		JsonNode c = file(signedBefore(SampleReturns.with(SampleReturns.with(original, "mst", mst), "maCQTNoiNop", "99999")),
				201);
		JsonNode t1 = file(first, 201);
		JsonNode t2 = file(sameFigures, 201);

		assertThat(List.of(c, t1, t2)).extracting((receipt) -> receipt.get("status").asString())
			.containsOnly("ACCEPTED");
		assertThat(t1.get("filingType").asString()).isEqualTo("T");
		assertThat(t1.get("payableItems").valueStream()
			.map((item) -> item.get("indicator").asString() + "=" + item.get("amount").asLong())
			.toList()).as("the difference from the original, like a supplement's")
			.containsExactlyInAnyOrder(
					"ct18=" + (Long.parseLong(indicator(replacement, "ct18")) - Long.parseLong(indicator(original, "ct18"))),
					"ct19=" + (Long.parseLong(indicator(replacement, "ct19")) - Long.parseLong(indicator(original, "ct19"))));
		assertThat(t2.get("payableItems").isEmpty()).as("the same figures as the replacement in force: nothing more")
			.isTrue();
		assertThat(superseders(c)).as("the original is superseded once").containsExactly(t1.get("returnId").asString());
		assertThat(superseders(t1)).containsExactly(t2.get("returnId").asString());
		assertThat(superseders(t2)).isEmpty();
		JsonNode chain = read("/api/v1/returns/" + t2.get("returnId").asString() + "/chain");
		assertThat(chain.valueStream().map((member) -> member.get("current").asBoolean()).toList())
			.containsExactly(false, false, true);
		assertThat(chain.at("/2/comparedWith").asString()).isEqualTo(t1.get("returnId").asString());
	}

	@Test
	void aReplacementAfterThePeriodsDeadlineIsRefusedForASupplement() throws Exception {
		Predicate<String> firstQuarter = (candidate) -> candidate.contains("<kyKKhai>1/2026<");
		String original = generated("995", "2.1.0", "C", LocalDate.parse("2026-03-31"), firstQuarter);
		String replacement = generated("995", "2.1.0", "T", LocalDate.parse("2026-03-31"), firstQuarter);
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		assertThat(file(signedBefore(SampleReturns.with(SampleReturns.with(original, "mst", mst), "maCQTNoiNop",
				"99999")), 201).get("status").asString()).isEqualTo("ACCEPTED");

		JsonNode late = file(signedBefore(SampleReturns.with(SampleReturns.with(replacement, "mst", mst), "maCQTNoiNop",
				"99999")), 201);

		assertThat(late.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(ruleIds(late)).containsExactly("CTX-DUP-12");
		assertThat(late.at("/findings/0/message/en").asString()).contains("2026-05-04");
		assertThat(late.get("payableItems").isEmpty()).isTrue();
	}

	private void extend(String mst, String maTKhai, String quarter, String deadline) throws Exception {
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"maTKhai\":\"" + maTKhai + "\",\"periodKind\":\"Q\",\"period\":\"" + quarter
					+ "\",\"reason\":\"FIRE\",\"requestedOn\":\"2026-04-20\",\"deadline\":\"" + deadline + "\"}"))
			.andExpect(status().isCreated());
	}

	private List<String> superseders(JsonNode receipt) throws Exception {
		return read("/api/v1/returns/" + receipt.get("returnId").asString() + "/events").valueStream()
			.filter((event) -> event.get("type").asString().equals("SUPERSEDED"))
			.map((event) -> event.at("/detail/by").asString())
			.toList();
	}

	@Test
	void eachFiscalPeriodOfADateRangeIsAChainOfItsOwn() throws Exception {
		String generated = signedBefore(generated("892", "2.5.4", LocalDate.parse("2026-03-31"),
				(candidate) -> candidate.contains("<kieuKy>K<")));
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String mine = SampleReturns.with(SampleReturns.with(generated, "mst", mst), "maCQTNoiNop", "99999");
		String lastYear = SampleReturns.with(SampleReturns.with(mine, "kyKKhaiTuNgay", "01/04/2024"), "kyKKhaiDenNgay",
				"31/03/2025");
		String thisYear = SampleReturns.with(SampleReturns.with(mine, "kyKKhaiTuNgay", "01/04/2025"), "kyKKhaiDenNgay",
				"31/03/2026");

		JsonNode first = file(lastYear, 201);
		JsonNode second = file(thisYear, 201);
		JsonNode again = file(SampleReturns.with(SampleReturns.with(thisYear, "ngayLapTKhai", "2026-05-08"), "ngayKy", "2026-05-08"),
				201);

		assertThat(first.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(second.get("status").asString()).as("another fiscal period, not a second original")
			.isEqualTo("ACCEPTED");
		assertThat(ruleIds(second)).doesNotContain("CTX-DUP-01");
		assertThat(ruleIds(again)).as("the same fiscal period twice").contains("CTX-DUP-01");
		assertThat(this.jdbc.sql("SELECT chain_key FROM filing.tax_return WHERE id = ?::uuid")
			.param(second.get("returnId").asString())
			.query(String.class)
			.single()).contains("|K|01/04/2025-31/03/2026|");
	}

	@Test
	void anAgentFilesOnlyForTaxpayersUnderContract() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String client = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String other = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		this.mvc
			.perform(post("/api/v1/agents/" + agent + "/contracts").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"taxpayerMst\":\"" + client + "\",\"contractNumber\":\"HD-1\",\"validFrom\":\"2026-01-01\"}"))
			.andExpect(status().isCreated());

		JsonNode forClient = file(SampleReturns.withAgent(SampleReturns.forTaxpayer(client), agent), 201);
		JsonNode forOther = file(SampleReturns.withAgent(SampleReturns.forTaxpayer(other), agent), 201);

		assertThat(forClient.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(forOther)).containsExactly("CTX-ID-04", "CTX-DL-01");
		assertThat(forOther.at("/findings/0/xpath").asString()).endsWith("/DLyThue/mstDLyThue");
	}

	@Test
	void aDryRunDecidesWithoutFiling() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode dryRun = this.json.readTree(this.mvc
			.perform(post("/api/v1/returns:validate").with(filer())
				.contentType(MediaType.APPLICATION_XML)
				.content(SampleReturns.forTaxpayer(mst).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(dryRun.get("receivable").asBoolean()).isTrue();
		assertThat(dryRun.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?").param(mst).query(Long.class).single())
			.isZero();
	}

	@Test
	void aPitSelfFinalizationIsDueByTheFormsRuleDly4() throws Exception {
		String xml = generated("952", "2.6.0", LocalDate.parse("2025-12-31"), (candidate) -> candidate.contains("<kyKKhai>2025<"));

		JsonNode receipt = file(forNewTaxpayer(xml), 201);

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(receipt)).containsExactly("CTX-DL-01");
		assertThat(receipt.at("/findings/0/message/en").asString())
			.as("the last day of April 2026 is a holiday, then 1 May and a weekend")
			.startsWith("Filed 6 days after the deadline of 2026-05-04.");
		receipt.get("payableItems").forEach((item) -> assertThat(item.get("dueDate").asString()).isEqualTo("2026-05-04"));
	}

	@Test
	void aLicenceFeeIsDueOn30JanuaryOfTheNextYearAndItsItemsThen() throws Exception {
		String xml = generated("824", "2.1.0", LocalDate.parse("2026-05-09"),
				(candidate) -> candidate.matches("(?s).*<kyKKhai>\\d\\d/\\d\\d/2026<.*") && candidate.contains("<ct11>")
						&& !candidate.contains("<ct11>0</ct11>"));

		JsonNode receipt = file(forNewTaxpayer(xml), 201);

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(receipt)).as("an occurrence of 2026 is due on 30 January 2027").isEmpty();
		assertThat(receipt.get("payableItems").isEmpty()).isFalse();
		receipt.get("payableItems")
			.forEach((item) -> assertThat(item.get("dueDate").asString()).as("30 January 2027 is a Saturday")
				.isEqualTo("2027-02-01"));
	}

	@Test
	void aForeignContractorsFinalizationIsDueOnThe45thDay() throws Exception {
		String xml = generated("921", "2.1.0", LocalDate.parse("2025-12-31"),
				(candidate) -> candidate.contains("<kieuKy>Y<") && candidate.contains("<kyKKhai>2025<"));

		JsonNode receipt = file(forNewTaxpayer(xml), 201);

		assertThat(ruleIds(receipt)).containsExactly("CTX-DL-01");
		assertThat(receipt.at("/findings/0/message/en").asString())
			.as("14 February 2026 is in Tết (14-22 February)")
			.startsWith("Filed 76 days after the deadline of 2026-02-23.")
			.contains("8–15 million VND");
	}

	@Test
	void aLumpSumYearIsDeclaredBy15DecemberBeforeItAndMayBeFiledBeforeItEnds() throws Exception {
		Predicate<String> yearly = (candidate) -> candidate.contains("<kieuKy>Y<");
		String nextYear = generated("473", "2.1.0", LocalDate.parse("2027-12-31"),
				yearly.and((candidate) -> candidate.contains("<kyKKhai>2027<")));
		String thisYear = generated("473", "2.1.0", LocalDate.parse("2026-12-31"),
				yearly.and((candidate) -> candidate.contains("<kyKKhai>2026<")));

		JsonNode early = file(signedBefore(forNewTaxpayer(nextYear)), 201);
		JsonNode late = file(signedBefore(forNewTaxpayer(thisYear)), 201);

		assertThat(ruleIds(early)).as("due on 15 December 2026: on time, and not 'period has not ended'").isEmpty();
		assertThat(early.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(late)).containsExactly("CTX-DL-01");
		assertThat(late.at("/findings/0/message/en").asString()).startsWith("Filed 146 days after the deadline of 2025-12-15.");
		String yearAfter = generated("473", "2.1.0", LocalDate.parse("2028-12-31"),
				yearly.and((candidate) -> candidate.contains("<kyKKhai>2028<")));
		assertThat(ruleIds(file(signedBefore(forNewTaxpayer(yearAfter)), 201)))
			.as("due on 15 December 2027, more than a year ahead").containsExactly("CTX-PER-02");
	}

	@Test
	void yearAndOccurrenceBoundsMustBeThePeriodItself() throws Exception {
		String year = generated("952", "2.6.0", LocalDate.parse("2025-12-31"), (candidate) -> candidate.contains("<kyKKhai>2024<"));
		String occurrence = generated("824", "2.1.0", LocalDate.parse("2026-05-09"),
				(candidate) -> candidate.matches("(?s).*<kyKKhai>\\d\\d/\\d\\d/2025<.*"));

		JsonNode stretchedYear = file(SampleReturns.with(forNewTaxpayer(year), "kyKKhaiDenNgay", "31/12/2025"), 201);
		JsonNode stretchedDay = file(SampleReturns.with(forNewTaxpayer(occurrence), "kyKKhaiDenNgay", "31/12/2025"), 201);

		JsonNode noSuchDay = file(SampleReturns.with(SampleReturns.with(SampleReturns.with(forNewTaxpayer(occurrence),
				"kyKKhai", "31/02/2025"), "kyKKhaiTuNgay", "28/02/2025"), "kyKKhaiDenNgay", "28/02/2025"), 201);

		assertThat(ruleIds(stretchedYear)).containsExactly("CTX-PER-01");
		assertThat(ruleIds(stretchedDay)).containsExactly("CTX-PER-01");
		assertThat(ruleIds(noSuchDay)).as("31 February is no day, not 28 February").containsExactly("CTX-PER-01");
		assertThat(stretchedYear.at("/findings/0/xpath").asString()).endsWith("/kyKKhai");
		assertThat(stretchedYear.at("/findings/0/remedy/en").asString()).contains("01/01 to 31/12");
	}

	@Test
	void anAmountNamedCt10DoesNotStartAnotherChain() throws Exception {
		Predicate<String> in2026 = (candidate) -> candidate.matches("(?s).*<kyKKhai>\\d\\d/\\d\\d/2026<.*");
		String first = generated("824", "2.1.0", LocalDate.parse("2026-05-09"),
				in2026.and((candidate) -> indicator(candidate, "ct10").equals("0")));
		String other = generated("824", "2.1.0", LocalDate.parse("2026-05-09"),
				in2026.and((candidate) -> !indicator(candidate, "ct10").equals("0")));
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String original = SampleReturns.with(SampleReturns.with(first, "mst", mst), "maCQTNoiNop", "99999");
		String secondOriginal = SampleReturns.with(
				SampleReturns.with(SampleReturns.with(other, "mst", mst), "maCQTNoiNop", "99999"), "kyKKhai",
				indicator(first, "kyKKhai"));

		JsonNode accepted = file(original, 201);
		JsonNode second = file(secondOriginal, 201);
		JsonNode supplement = file(SampleReturns.explaining(
				SampleReturns.supplement(SampleReturns.with(secondOriginal, "soLan", "0"), 1), "10", 0,
				Long.parseLong(indicator(other, "ct10"))), 201);

		assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(second.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(ruleIds(second)).contains("CTX-DUP-01");
		assertThat(ruleIds(supplement)).as("a supplement that changes [10] is in the original's chain")
			.doesNotContain("CTX-DUP-02");
	}

	@Test
	void aSupplementMoreThanTenYearsAfterTheDeadlineIsRefused() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String supplement = SampleReturns.with(SampleReturns.with(generatedSupplementOfTheTt26Generation(), "mst", mst),
				"maCQTNoiNop", "99999");

		JsonNode tooLate = file(month(supplement, 3, 2016), 201);
		JsonNode inTime = file(month(supplement, 5, 2016), 201);

		JsonNode window = findings(tooLate).stream()
			.filter((finding) -> finding.get("ruleId").asString().equals("CTX-DUP-06"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(tooLate.get("findings").toString()));
		assertThat(tooLate.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(window.get("severity").asString()).isEqualTo("REJECT");
		assertThat(window.get("category").asString()).isEqualTo("NOT_ON_TIME");
		assertThat(window.at("/message/en").asString()).contains("(2016-04-20)").contains("after 2026-04-20");
		assertThat(window.at("/message/vi").asString()).isNotBlank();
		assertThat(window.at("/remedy/vi").asString()).isNotBlank();
		assertThat(window.get("xpath").asString()).endsWith("/loaiTKhai");
		assertThat(ruleIds(inTime)).as("05/2016 was due on 20 June 2016").doesNotContain("CTX-DUP-06");
	}

	private static String generatedSupplementOfTheTt26Generation() {
		ReturnGenerator generator = new ReturnGenerator(FormCatalog.load()).withFilingType("B");
		for (long seed = 1; seed < 2000; seed++) {
			String xml = new String(generator.generate("01", "2.1.2", seed), StandardCharsets.UTF_8);
			if (!xml.contains("<DLyThue>") && xml.contains("<kieuKy>M<")) {
				return xml;
			}
		}
		throw new AssertionError("no monthly 01/GTGT supplement generated");
	}

	private static String month(String xml, int month, int year) {
		java.time.YearMonth period = java.time.YearMonth.of(year, month);
		return SampleReturns.with(SampleReturns.with(SampleReturns.with(
				SampleReturns.with(xml, "kieuKy", "M"), "kyKKhai", String.format("%02d/%d", month, year)),
				"kyKKhaiTuNgay", String.format("01/%02d/%d", month, year)), "kyKKhaiDenNgay",
				String.format("%02d/%02d/%d", period.lengthOfMonth(), month, year));
	}

	@Test
	void theVatCarriedOverIsWhatThePreviousPeriodsReturnInForceLeft() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		// December 2025 filed monthly, [43] = 0
		JsonNode december = file(month(SampleReturns.forTaxpayer(mst), 12, 2025), 201);
		this.jdbc.sql("UPDATE filing.taxpayer SET filing_frequency = 'Q' WHERE mst = ?").param(mst).update();

		JsonNode firstQuarter = file(SampleReturns.forTaxpayer(mst), 201);

		assertThat(december.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(firstQuarter.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		JsonNode carried = findings(firstQuarter).stream()
			.filter((finding) -> finding.get("ruleId").asString().equals("CTX-X-02"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(firstQuarter.get("findings").toString()));
		assertThat(carried.get("severity").asString()).isEqualTo("REJECT");
		assertThat(carried.get("category").asString()).isEqualTo("DATA_MISMATCH");
		assertThat(carried.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ct22");
		assertThat(carried.get("value").asString()).isEqualTo("12000000");
		assertThat(carried.at("/message/en").asString()).contains("is 12000000, not [43]")
			.contains(december.get("transactionCode").asString());
		assertThat(carried.at("/message/vi").asString()).isNotBlank();
		assertThat(carried.at("/remedy/en").asString()).isNotBlank();
	}

	@Test
	void theVatCarriedOverMatchesThePreviousQuarterOrHasNothingToMatch() throws Exception {
		String matching = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		accepted(this.jdbc, matching, List.of("01/GTGT", "842", "2.8.3"), "Q", "4/2025",
				"{\"ma_NganhNghe\": \"00\", \"ct43\": \"12000000\"}", "00", "");
		String first = SampleReturns.registeredTaxpayer(this.jdbc, "Q");

		assertThat(ruleIds(file(SampleReturns.forTaxpayer(matching), 201))).containsExactly("CTX-DL-01");
		assertThat(ruleIds(file(SampleReturns.forTaxpayer(first), 201))).as("no return of the period before")
			.containsExactly("CTX-DL-01");
	}

	@Test
	void aTaxpayersListOfReturnsCarriesTheirPayableItems() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode filed = file(SampleReturns.forTaxpayer(mst), 201);

		JsonNode page = this.json.readTree(this.mvc.perform(get("/api/v1/returns").param("mst", mst).with(officer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		JsonNode listed = page.get(0);
		assertThat(listed.get("id").asString()).isEqualTo(filed.get("returnId").asString());
		assertThat(listed.at("/payableItems/0/amount").asLong()).isEqualTo(22_000_000L);
		assertThat(listed.at("/payableItems/0/paymentReference").asString())
			.isEqualTo(filed.at("/payableItems/0/paymentReference").asString());
	}

	/** Filed by a newly registered quarterly filer with the tax office that manages it. */
	private String forNewTaxpayer(String xml) {
		return SampleReturns.with(SampleReturns.with(xml, "mst", SampleReturns.registeredTaxpayer(this.jdbc, "Q")),
				"maCQTNoiNop", "99999");
	}

	/** Prepared and signed on the day before the server's clock, as a return filed then would be. */
	private static String signedBefore(String xml) {
		return SampleReturns.with(SampleReturns.with(xml, "ngayLapTKhai", "2026-05-09"), "ngayKy", "2026-05-09");
	}

	private JsonNode read(String path) throws Exception {
		return this.json.readTree(
				this.mvc.perform(get(path).with(filer())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private JsonNode file(String xml, int expectedStatus) throws Exception {
		return this.json.readTree(this.mvc.perform(filing(xml))
			.andExpect(status().is(expectedStatus))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static MockHttpServletRequestBuilder filing(String xml) {
		return post("/api/v1/returns").with(filer())
			.contentType(MediaType.APPLICATION_XML)
			.content(xml.getBytes(StandardCharsets.UTF_8));
	}

}
