package etax.batch.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import etax.batch.BatchProcessorIntegrationTest;
import etax.devstack.LocalInfrastructure;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Who sees which items of a batch, and how a batch ends, on the real database: batches are written as the
 * job leaves them (an agent's batch of clients of two tax offices), without filing anything.
 */
@BatchProcessorIntegrationTest
class BatchScopeIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	BatchLifecycle lifecycle;

	@Test
	void anOfficerSeesOnlyTheItemsFiledWithItsOfficeAndCountsOnlyThose() {
		String agent = BulkReturns.newMst();
		UUID batchId = batch(agent, "COMPLETED");
		item(batchId, 1, "01-office-99999.xml", "ACCEPTED", "99999");
		item(batchId, 2, "02-office-11111.xml", "NOT_ACCEPTED", "11111");
		item(batchId, 3, "03-not-received.xml", "NOT_RECEIVED", null);
		String officer = TOKENS.officer("11111");

		JsonNode items = json(this.mvc.get().uri("/api/v1/batches/{id}/items", batchId).with(bearer(officer)).exchange());
		JsonNode batch = json(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(officer)).exchange());

		assertThat(items.valueStream().map((item) -> item.get("name").asString()))
			.containsExactly("02-office-11111.xml");
		assertThat(batch.get("items").asInt()).isOne();
		assertThat(batch.get("counts").toString()).isEqualTo(
				"{\"pending\":0,\"received\":1,\"accepted\":0,\"notAccepted\":1,\"notReceived\":0,\"failed\":0,\"cancelled\":0}");
		assertThat(json(this.mvc.get().uri("/api/v1/batches?size=100").with(bearer(officer)).exchange()).valueStream()
			.filter((listed) -> listed.get("id").asString().equals(batchId.toString()))
			.map((listed) -> listed.get("items").asInt())).containsExactly(1);
		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}/items?status=ACCEPTED", batchId)
			.with(bearer(officer))
			.exchange())).as("another office's accepted return").isEmpty();
		MvcTestResult otherOffice = this.mvc.post()
			.uri("/api/v1/batches/{id}/items/1:retry", batchId)
			.with(bearer(officer))
			.exchange();
		assertThat(otherOffice).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(json(otherOffice).get("type").asString()).isEqualTo(PROBLEMS + "batch-item-not-found");

		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}/items", batchId)
			.with(bearer(TOKENS.officer("99999")))
			.exchange()).valueStream().map((item) -> item.get("itemNo").asInt())).containsExactly(1);
		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}/items", batchId)
			.with(bearer(TOKENS.nationalOfficer()))
			.exchange()).valueStream()).as("a national officer sees all").hasSize(3);
		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}/items", batchId)
			.with(bearer(TOKENS.agent(agent)))
			.exchange()).valueStream()).as("the agent who uploaded sees all").hasSize(3);
		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.agent(agent))).exchange())
			.get("items")
			.asInt()).isEqualTo(3);

		MockHttpSession console = signIn(officer);
		assertThat(this.mvc.get().uri("/console/batches/" + batchId).session(console).exchange()).hasStatusOk()
			.bodyText()
			.contains("02-office-11111.xml")
			.doesNotContain("01-office-99999.xml", "03-not-received.xml");
	}

	@Test
	void aFilerOfAnotherRoleWithTheSameSubjectDoesNotSeeTheBatch() {
		String agent = BulkReturns.newMst();
		UUID batchId = batch(agent, "COMPLETED");
		item(batchId, 1, "01.xml", "ACCEPTED", "99999");

		assertThat(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.tvan("agent-" + agent))).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.agent(agent))).exchange())
			.hasStatusOk();
	}

	@Test
	void aMissingItemIsAnItemNotFoundNotABatchNotFound() {
		String agent = BulkReturns.newMst();
		UUID batchId = batch(agent, "COMPLETED");
		item(batchId, 1, "01.xml", "ACCEPTED", "99999");

		MvcTestResult missing = this.mvc.post()
			.uri("/api/v1/batches/{id}/items/99999:retry", batchId)
			.with(bearer(TOKENS.agent(agent)))
			.exchange();

		assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(json(missing).get("type").asString()).isEqualTo(PROBLEMS + "batch-item-not-found");
		assertThat(json(missing).get("title").asString()).isEqualTo("Batch item not found");
	}

	@Test
	void cancellingABatchWhoseItemsAreAllFiledIsRefusedAndTheBatchCompletes() {
		String agent = BulkReturns.newMst();
		UUID batchId = batch(agent, "PROCESSING");
		item(batchId, 1, "01.xml", "ACCEPTED", "99999");
		this.jdbc.sql("UPDATE batch.bulk_batch SET accepted = 1 WHERE id = ?").param(batchId).update();

		MvcTestResult cancel = this.mvc.post()
			.uri("/api/v1/batches/{id}:cancel", batchId)
			.with(bearer(TOKENS.agent(agent)))
			.exchange();

		assertThat(cancel).hasStatus(HttpStatus.CONFLICT);
		assertThat(json(cancel).get("type").asString()).isEqualTo(PROBLEMS + "batch-not-cancellable");
		assertThat(this.jdbc.sql("SELECT cancelled_at IS NULL FROM batch.bulk_batch WHERE id = ?")
			.param(batchId)
			.query(Boolean.class)
			.single()).as("nothing was cancelled, so the batch is not marked").isTrue();
		this.lifecycle.completed(batchId);
		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.agent(agent))).exchange())
			.get("status")
			.asString()).isEqualTo("COMPLETED");
		// the outbox row is sent and deleted within milliseconds of the commit: the notice is read where it goes
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.notices.v1",
				(record) -> record.value().contains("\"BatchCompleted\"") && record.value().contains(batchId.toString())
						&& record.value().contains("\"COMPLETED\""),
				1, Duration.ofSeconds(30)))
			.as("the notice says the batch completed")
			.hasSize(1);
	}

	@Test
	void anOfficeOfficerCancelsOnlyWhenEveryItemLeftIsAddressedToItsOffice() {
		String agent = BulkReturns.newMst();
		UUID batchId = batch(agent, "FAILED");
		item(batchId, 1, "01-office-11111.xml", "ACCEPTED", "11111");
		pending(batchId, 2, "11111");
		pending(batchId, 3, "70129");
		pending(batchId, 4, null);
		String officer = TOKENS.officer("11111");

		MvcTestResult refused = this.mvc.post().uri("/api/v1/batches/{id}:cancel", batchId).with(bearer(officer)).exchange();

		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(json(refused).get("type").asString()).isEqualTo(PROBLEMS + "batch-of-other-offices");
		assertThat(json(refused).get("detail").asString()).contains("2 item(s)");
		assertThat(this.jdbc.sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = ? AND status = 'PENDING'")
			.param(batchId)
			.query(Integer.class)
			.single()).as("nothing was cancelled").isEqualTo(3);
		MockHttpSession console = signIn(officer);
		assertThat(this.mvc.post()
			.uri("/console/batches/" + batchId + "/cancel")
			.param("confirmed", "true")
			.session(console)
			.with(csrf())
			.exchange())
			.hasRedirectedUrl("/console/batches/" + batchId)
			.flash()
			.hasEntrySatisfying("error", (error) -> assertThat(error).asString()
				.contains("not addressed to your tax office"));
		assertThat(this.jdbc.sql("""
				SELECT outcome FROM batch.console_audit WHERE action = 'BATCH_CANCEL' AND target = ?""")
			.param("batch " + batchId)
			.query(String.class)
			.single()).isEqualTo("REFUSED");

		this.jdbc.sql("UPDATE batch.bulk_item SET addressed_office_code = '11111' WHERE batch_id = ?")
			.param(batchId)
			.update();
		assertThat(this.mvc.post()
			.uri("/console/batches/" + batchId + "/cancel")
			.param("confirmed", "true")
			.session(console)
			.with(csrf())
			.exchange())
			.flash()
			.containsEntry("message",
					"Batch cancelled: 3 item(s) not filed yet will not be filed; the batch is CANCELLED.");
		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.agent(agent))).exchange())
			.get("status")
			.asString()).isEqualTo("CANCELLED");
	}

	@Test
	void aNationalOfficerCancelsABatchOfAnyOffices() {
		String agent = BulkReturns.newMst();
		UUID batchId = batch(agent, "FAILED");
		pending(batchId, 1, "70129");
		pending(batchId, 2, null);

		MvcTestResult cancel = this.mvc.post()
			.uri("/api/v1/batches/{id}:cancel", batchId)
			.with(bearer(TOKENS.nationalOfficer()))
			.exchange();

		assertThat(cancel).hasStatusOk();
		assertThat(json(cancel).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(json(cancel).get("counts").get("cancelled").asInt()).isEqualTo(2);
	}

	@Test
	void theConsoleListsTheFindingsOfAReturnNotReceived() {
		String agent = BulkReturns.newMst();
		UUID batchId = batch(agent, "COMPLETED");
		this.jdbc.sql("""
				INSERT INTO batch.bulk_item (batch_id, item_no, name, content, part, status, http_status, problem, decided_at)
				VALUES (?, 4, '04.xml', NULL, 0, 'NOT_RECEIVED', 422, ?::jsonb, now())
				""").params(batchId, """
				{"type":"https://etax.example/problems/schema-violation","title":"Return not received",
				 "detail":"The return does not conform to its form version; nothing was stored. Every finding is listed.",
				 "findings":[{"ruleId":"XSD","category":"SCHEMA","severity":"ERROR",
				   "xpath":"/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ct40","line":56,"value":"abc",
				   "message":{"vi":"Giá trị 'abc' không hợp lệ","en":"Value 'abc' is not facet-valid"},
				   "remedy":{"vi":"Sửa","en":"Fix it"}}]}""").update();

		MockHttpSession console = signIn(TOKENS.nationalOfficer());

		assertThat(this.mvc.get().uri("/console/batches/" + batchId + "?status=NOT_RECEIVED").session(console).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Every finding is listed", "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ct40", "(line 56)",
					"Value &#39;abc&#39; is not facet-valid", "Giá trị &#39;abc&#39; không hợp lệ");
	}

	private void pending(UUID batchId, int itemNo, String addressedTo) {
		this.jdbc.sql("""
				INSERT INTO batch.bulk_item (batch_id, item_no, name, content, part, status, addressed_office_code)
				VALUES (?, ?, ?, convert_to('<HSoThueDTu/>', 'UTF8'), 0, 'PENDING', ?)
				""").params(batchId, itemNo, itemNo + ".xml", addressedTo).update();
	}

	private UUID batch(String agent, String status) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO batch.bulk_batch (id, filer_subject, filer_role, filer_mst, format, upload_size, upload_sha256,
					item_count, status, received_at, heartbeat_at, accepted, not_accepted, not_received)
				VALUES (?, ?, 'AGENT', ?, 'ZIP', 1, 'none', 3, ?, now(), now(), 1, 1, 1)
				""").params(id, "agent-" + agent, agent, status).update();
		return id;
	}

	private void item(UUID batchId, int itemNo, String name, String status, String office) {
		boolean received = office != null;
		this.jdbc.sql("""
				INSERT INTO batch.bulk_item (batch_id, item_no, name, content, part, status, return_id, transaction_code,
					tax_office_code, decided_at)
				VALUES (?, ?, ?, NULL, 0, ?, ?, ?, ?, now())
				""")
			.params(batchId, itemNo, name, status, received ? UUID.randomUUID() : null,
					received ? "TC" + itemNo + System.nanoTime() % 1_000_000_000L : null, office)
			.update();
	}

	private MockHttpSession signIn(String token) {
		MvcTestResult result = this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

	private JsonNode json(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
