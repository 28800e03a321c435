package etax.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.officer;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the ledger's tests read back: an obligation's outstanding amount, awaited, a taxpayer's balance, the
 * credits held for an officer as officers list them, and the treasury postings of payments.
 */
public final class LedgerReads {

	private final JdbcClient jdbc;

	private final MockMvc mvc;

	LedgerReads(JdbcClient jdbc, MockMvc mvc) {
		this.jdbc = jdbc;
		this.mvc = mvc;
	}

	public void awaitOutstanding(String itemId, long amount) {
		await().atMost(GatewayFixture.TIMEOUT).until(() -> {
			BigDecimal outstanding = outstanding(itemId);
			return outstanding != null && outstanding.compareTo(BigDecimal.valueOf(amount)) == 0;
		});
	}

	public @Nullable BigDecimal outstanding(String itemId) {
		return this.jdbc.sql("SELECT outstanding FROM payment.obligation WHERE item_id = ?")
			.param(itemId)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	/** The treasury posting of a payment's only line, awaited. */
	public UUID paymentPosting(String reference) {
		String sql = "SELECT posting_id FROM payment.treasury_posting WHERE bank_reference = ? AND direction = 'PAYMENT'";
		await().atMost(GatewayFixture.TIMEOUT)
			.until(() -> this.jdbc.sql(sql).param(reference).query(UUID.class).list().size() == 1);
		return this.jdbc.sql(sql).param(reference).query(UUID.class).single();
	}

	/** Where the treasury stands with a posting: {@code REQUESTED}, {@code POSTED} or {@code REFUSED}. */
	public String postingStatus(UUID postingId) {
		return this.jdbc.sql("SELECT status FROM payment.treasury_posting WHERE posting_id = ?")
			.param(postingId)
			.query(String.class)
			.single();
	}

	public JsonNode balance(String mst) throws Exception {
		return officerGet("/api/v1/taxpayers/" + mst + "/balance");
	}

	/** The taxpayer's credit in all, as the balance shows it. */
	public BigDecimal totalCredit(String mst) throws Exception {
		return balance(mst).path("totalCredit").decimalValue();
	}

	/** Waits until a credit naming the item is held for an officer, and returns it as listed. */
	public JsonNode awaitHeld(String itemId) {
		await().atMost(GatewayFixture.TIMEOUT).until(() -> held(itemId).isPresent());
		try {
			return held(itemId).orElseThrow();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The unresolved held credit naming the item, if officers see one. */
	public Optional<JsonNode> held(String itemId) throws Exception {
		return heldNaming("/api/v1/credits/held?size=500", itemId);
	}

	/** The resolved held credit naming the item, with its resolution, if officers see one. */
	public Optional<JsonNode> resolved(String itemId) throws Exception {
		return heldNaming("/api/v1/credits/held?size=500&resolved=true", itemId);
	}

	/** Through every page, each from the previous page's next. */
	private Optional<JsonNode> heldNaming(String uri, String itemId) throws Exception {
		String next = null;
		do {
			JsonNode page = officerGet((next != null) ? uri + "&after=" + next : uri);
			Optional<JsonNode> found = page.path("items")
				.valueStream()
				.filter((c) -> c.path("namedItem").path("payableItemId").stringValue().equals(itemId))
				.findFirst();
			if (found.isPresent()) {
				return found;
			}
			next = page.path("next").isNull() ? null : page.path("next").stringValue();
		}
		while (next != null);
		return Optional.empty();
	}

	private JsonNode officerGet(String uri) throws Exception {
		return GatewayFixture.JSON.readTree(this.mvc.perform(get(uri).with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
