package etax.payment.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.officer;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** What the ledger's tests read back: an obligation's outstanding amount, awaited, and a taxpayer's balance. */
final class LedgerReads {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final MockMvc mvc;

	LedgerReads(JdbcClient jdbc, MockMvc mvc) {
		this.jdbc = jdbc;
		this.mvc = mvc;
	}

	void awaitOutstanding(String itemId, long amount) {
		await().atMost(TIMEOUT).until(() -> {
			BigDecimal outstanding = outstanding(itemId);
			return outstanding != null && outstanding.compareTo(BigDecimal.valueOf(amount)) == 0;
		});
	}

	@Nullable BigDecimal outstanding(String itemId) {
		return this.jdbc.sql("SELECT outstanding FROM payment.obligation WHERE item_id = ?")
			.param(itemId)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	JsonNode balance(String mst) throws Exception {
		return JSON.readTree(this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/balance").with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
