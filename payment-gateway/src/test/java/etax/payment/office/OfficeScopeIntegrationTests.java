package etax.payment.office;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.TokenIssuer;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.confirmation.PaymentRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static etax.devstack.TestCallers.bearer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an office's officers read at the gateway (ADR 0022): the balance and ledger of a taxpayer with an
 * obligation of its office, and not of another office's taxpayer, which answers as one the ledger does not have;
 * a national officer reads both. The officer listings hold the rows of the officer's office, the office of the
 * payment's collecting agency (the payment desk's also the rows of no office); dead-lettered messages are only
 * the payment desk's. A payable item published before the event named its office still books, of no office.
 */
@GatewayIntegrationTest
class OfficeScopeIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	/** The office of the test banks' collecting agency, 1054321. */
	private static final String OFFICE_A = "99999";

	/** The office of collecting agency 1054999. */
	private static final String OFFICE_B = "70299";

	/** The payment desk's office. */
	private static final String DESK = "99998";

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Test
	void anOfficeOfficerReadsTheTaxpayersOfItsOfficeAndAnswersForOthersAsForNoTaxpayer() throws Exception {
		String ofA = DevBanks.mst(9901);
		String ofB = DevBanks.mst(9902);
		String unknown = DevBanks.mst(9903);
		String itemA = UUID.randomUUID().toString();
		String itemB = UUID.randomUUID().toString();
		gateway.publishItem(ofA, itemA, 1_000_000, "2026-05-04", OFFICE_A);
		gateway.publishItem(ofB, itemB, 1_000_000, "2026-05-04", OFFICE_B);
		gateway.reads().awaitOutstanding(itemA, 1_000_000);
		gateway.reads().awaitOutstanding(itemB, 1_000_000);
		String officerA = TOKENS.officer(OFFICE_A);
		String national = TOKENS.nationalOfficer();

		for (String view : List.of("balance", "ledger")) {
			assertThat(read(ofA, view, officerA).getStatus()).isEqualTo(200);
			MockHttpServletResponse otherOffice = read(ofB, view, officerA);
			MockHttpServletResponse nobody = read(unknown, view, officerA);
			assertProblem(otherOffice, 404, "taxpayer-not-found");
			assertProblem(nobody, 404, "taxpayer-not-found");
			assertThat(withoutInstance(otherOffice)).as("another office's taxpayer reads as one the ledger does not have")
				.isEqualTo(withoutInstance(nobody));
			assertThat(read(ofB, view, TOKENS.officer(OFFICE_B)).getStatus()).isEqualTo(200);
			assertThat(read(ofA, view, national).getStatus()).isEqualTo(200);
			assertThat(read(ofB, view, national).getStatus()).isEqualTo(200);
			assertProblem(read(unknown, view, national), 404, "taxpayer-not-found");
			assertThat(read(ofB, view, TOKENS.taxpayer(ofB)).getStatus()).as("the taxpayer itself").isEqualTo(200);
			assertThat(read(ofB + "-001", view, TOKENS.taxpayer(ofB)).getStatus()).as("its branch, with nothing booked")
				.isEqualTo(200);
			assertThat(read(ofB + "-001", view, TOKENS.officer(OFFICE_B)).getStatus())
				.as("a branch is judged by its own obligations").isEqualTo(404);
		}

		String interest = UUID.randomUUID().toString();
		gateway.publish("etax.assessments.v1", ofA, """
				{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-05-21T01:00:00Z",\
				"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
				"amount":3000,"assessedFor":"2026-05-20","dueDate":"2026-05-20"}""".formatted(interest, itemA, ofA),
				Map.of());
		gateway.reads().awaitOutstanding(interest, 3_000);
		assertThat(office(interest)).as("interest is of its item's office").isEqualTo(OFFICE_A);
		assertThat(office(itemB)).isEqualTo(OFFICE_B);
	}

	@Test
	void aPayableItemPublishedBeforeTheEventNamedItsOfficeStillBooksOfNoOffice() throws Exception {
		String mst = DevBanks.mst(9908);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, 1_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(item, 1_000_000);

		assertThat(office(item)).isNull();
		assertThat(read(mst, "balance", TOKENS.nationalOfficer()).getStatus()).isEqualTo(200);
		assertProblem(read(mst, "balance", TOKENS.officer(OFFICE_A)), 404, "taxpayer-not-found");
		assertProblem(read(mst, "balance", TOKENS.officer(DESK)), 404, "taxpayer-not-found");

		String malformed = UUID.randomUUID().toString();
		gateway.publish("etax.payable-items.v1", mst, GatewayFixture.payableItem(UUID.randomUUID(), mst, malformed,
				"1701", "00/Q1/2026", 1_000, "2026-05-04").replaceFirst("}$", ",\"taxOfficeCode\":\"7029\"}"), Map.of());
		await().atMost(TIMEOUT).until(() -> gateway.jdbc()
			.sql("SELECT count(*) FROM payment.rejected_event WHERE raw_value LIKE ? AND reason = 'invalid-event'"
					+ " AND detail LIKE 'taxOfficeCode%'")
			.param("%" + malformed + "%")
			.query(Long.class)
			.single() == 1);
		assertThat(gateway.reads().outstanding(malformed)).as("a malformed office is refused as any field").isNull();
	}

	@Test
	void officerListingsHoldTheRowsOfTheirOfficeAndThePaymentDeskAlsoThoseOfNoOffice() throws Exception {
		String named = DevBanks.mst(9904);
		String theirs = UUID.randomUUID().toString();
		gateway.publishItem(named, theirs, 22_000_000, "2026-05-04", OFFICE_B);
		gateway.reads().awaitOutstanding(theirs, 22_000_000);
		// three payers each name that taxpayer's item: held credits, through three collecting agencies
		String ofA = pay(DevBanks.mst(9905), "OFS2026042000000001", "1054321", theirs);
		String ofB = pay(DevBanks.mst(9906), "OFS2026042000000002", "1054999", theirs);
		String ofNone = pay(DevBanks.mst(9907), "OFS2026042000000003", "1000001", theirs);
		await().atMost(TIMEOUT).until(() -> gateway.jdbc()
			.sql("SELECT count(*) FROM payment.credit WHERE named_item_id = ?")
			.param(theirs)
			.query(Long.class)
			.single() == 3);
		String officerA = TOKENS.officer(OFFICE_A);
		String officerB = TOKENS.officer(OFFICE_B);
		String desk = TOKENS.officer(DESK);
		String national = TOKENS.nationalOfficer();

		assertThat(listed("/api/v1/credits/held?size=500", officerA)).contains(ofA).doesNotContain(ofB, ofNone);
		assertThat(listed("/api/v1/credits/held?size=500", officerB)).contains(ofB).doesNotContain(ofA, ofNone);
		assertThat(listed("/api/v1/credits/held?size=500", desk)).contains(ofNone).doesNotContain(ofA, ofB);
		assertThat(listed("/api/v1/credits/held?size=500", national)).contains(ofA, ofB, ofNone);

		for (String reference : List.of(ofA, ofB, ofNone)) {
			await().atMost(TIMEOUT).until(() -> posting(reference) != null);
		}
		// no treasury answers them: each is overdue once the ack timeout (2 s) has passed
		await().atMost(TIMEOUT).until(() -> listed("/api/v1/treasury/postings/overdue?size=500", officerB)
			.contains(posting(ofB)) && listed("/api/v1/treasury/postings/overdue?size=500", desk).contains(posting(ofNone)));
		assertThat(listed("/api/v1/treasury/postings/overdue?size=500", officerB)).doesNotContain(posting(ofA),
				posting(ofNone));
		assertThat(listed("/api/v1/treasury/postings/overdue?size=500", officerA)).doesNotContain(posting(ofB),
				posting(ofNone));
		assertThat(listed("/api/v1/treasury/postings/overdue?size=500", desk)).contains(posting(ofNone))
			.doesNotContain(posting(ofA), posting(ofB));
		for (String reference : List.of(ofA, ofB, ofNone)) {
			refuse(reference);
		}
		await().atMost(TIMEOUT).until(() -> listed("/api/v1/treasury/postings/refused?size=500", national)
			.contains(posting(ofA)) && listed("/api/v1/treasury/postings/refused?size=500", national).contains(posting(ofB))
				&& listed("/api/v1/treasury/postings/refused?size=500", national).contains(posting(ofNone)));
		assertThat(listed("/api/v1/treasury/postings/refused?size=500", officerA)).contains(posting(ofA))
			.doesNotContain(posting(ofB), posting(ofNone));
		assertThat(listed("/api/v1/treasury/postings/refused?size=500", officerB)).contains(posting(ofB))
			.doesNotContain(posting(ofA), posting(ofNone));
		assertThat(listed("/api/v1/treasury/postings/refused?size=500", desk)).contains(posting(ofNone))
			.doesNotContain(posting(ofA), posting(ofB));

		assertThat(lookUp(ofA, officerA).getStatus()).isEqualTo(200);
		assertProblem(lookUp(ofB, officerA), 404, "confirmation-not-found");
		assertProblem(lookUp(ofNone, officerA), 404, "confirmation-not-found");
		assertThat(lookUp(ofB, officerB).getStatus()).isEqualTo(200);
		assertThat(lookUp(ofNone, desk).getStatus()).isEqualTo(200);
		assertProblem(lookUp(ofA, desk), 404, "confirmation-not-found");
		for (String reference : List.of(ofA, ofB, ofNone)) {
			assertThat(lookUp(reference, national).getStatus()).isEqualTo(200);
		}

		String proposal = UUID.randomUUID().toString();
		assertThat(gateway.call("/api/v1/corrections/proposals", """
				{"correctionId":"%s","requestNumber":"TS-2026-000199","kind":"REVERSE","bankCode":"%s","bankReference":"%s",\
				"lineNumber":1,"treasuryCode":"0111","reason":"trả lại","sourceReference":"reconciliation/work-items/199",\
				"requestedBy":"officer-%s"}""".formatted(proposal, BANK, ofB, OFFICE_B), officerB).getStatus())
			.isEqualTo(201);
		String path = "/api/v1/corrections/proposals/" + proposal;
		assertThat(get(path, officerB).getStatus()).as("its own").isEqualTo(200);
		assertThat(get(path, TOKENS.approver(OFFICE_B, "thu")).getStatus()).as("its office's").isEqualTo(200);
		assertThat(get(path, national).getStatus()).isEqualTo(200);
		assertProblem(get(path, officerA), 404, "correction-not-found");
	}

	@Test
	void deadLetteredMessagesAreOnlyThePaymentDesksAndTheNationalOfficers() throws Exception {
		String reference = "OFS2026042000000009";
		String unsigned = DevBanks.confirmation(BANK, reference, DevBanks.mst(9909), "2026-04-20",
				List.of(Line.of("1701", 1_000)));
		gateway.publish(PaymentRecording.CONFIRMATIONS_TOPIC, DevBanks.mst(9909), unsigned, Map.of());
		GatewayFixture.awaitDeadLetter(reference, "signature-invalid");
		long id = gateway.jdbc()
			.sql("SELECT id FROM payment.rejected_message WHERE raw_value LIKE ?")
			.param("%" + reference + "%")
			.query(Long.class)
			.single();

		JsonNode ofOffice = page("/api/v1/payments/rejected?size=200", TOKENS.officer(OFFICE_A));
		assertThat(ofOffice.path("items").isEmpty()).isTrue();
		assertThat(ofOffice.path("totalElements").longValue()).isZero();
		assertThat(listed("/api/v1/payments/rejected?size=200&includePayload=true", TOKENS.officer(DESK))).contains(reference);
		assertThat(listed("/api/v1/payments/rejected?size=200&includePayload=true", TOKENS.nationalOfficer()))
			.contains(reference);
		assertProblem(gateway.call("/api/v1/payments/rejected/" + id + ":redrive", "", TOKENS.officer(OFFICE_A)), 404,
				"rejection-not-found");
		assertProblem(gateway.call("/api/v1/payments/rejected/" + id + ":redrive", "", TOKENS.officer(DESK)), 409,
				"not-redrivable");
	}

	private static String pay(String payer, String reference, String collectingAgency, String namedItem) {
		String confirmation = DevBanks.confirmation(BANK, reference, payer, "2026-04-20",
				List.of(Line.naming(namedItem, "1701", 500_000)))
			.replace("\"collectingAgencyCode\":\"1054321\"", "\"collectingAgencyCode\":\"" + collectingAgency + "\"");
		gateway.publishSigned(payer, confirmation);
		return reference;
	}

	private static MockHttpServletResponse read(String mst, String view, String token) throws Exception {
		return get("/api/v1/taxpayers/" + mst + "/" + view, token);
	}

	private static MockHttpServletResponse lookUp(String reference, String token) throws Exception {
		return get("/api/v1/payments/confirmations/" + BANK + "/" + reference, token);
	}

	private static MockHttpServletResponse get(String path, String token) throws Exception {
		return gateway.mvc().perform(MockMvcRequestBuilders.get(path).with(bearer(token))).andReturn().getResponse();
	}

	private static JsonNode page(String path, String token) throws Exception {
		MockHttpServletResponse response = get(path, token);
		assertThat(response.getStatus()).isEqualTo(200);
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	/** A listing as text: the rows' references, ids and payloads, for contains and does-not-contain. */
	private static String listed(String path, String token) throws Exception {
		return page(path, token).path("items").toString();
	}

	private static JsonNode withoutInstance(MockHttpServletResponse problem) throws Exception {
		ObjectNode body = (ObjectNode) JSON.readTree(problem.getContentAsString(StandardCharsets.UTF_8));
		body.remove("instance");
		return body;
	}

	private static String office(String itemId) {
		return gateway.jdbc()
			.sql("SELECT tax_office_code FROM payment.obligation WHERE item_id = ?")
			.param(itemId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static String posting(String reference) {
		return gateway.jdbc()
			.sql("SELECT posting_id::text FROM payment.treasury_posting WHERE bank_reference = ?")
			.param(reference)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static void refuse(String reference) {
		gateway.publish("treasury.acks.v1", reference, """
				{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":"REFUSED",\
				"reason":"closed","ackedAt":"%s"}""".formatted(UUID.randomUUID(), posting(reference),
				Instant.now()), Map.of());
	}

}
