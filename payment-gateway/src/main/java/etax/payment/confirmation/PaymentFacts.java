package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sent a confirmation message, what it says was paid and where the money went, as comparable facts: per
 * entry the bank, reference, payer (and who paid for them), currency and rate, total, payment date, status, the
 * payment a reversal reverses, the treasury, account, collecting agency and area, and per line the chapter,
 * sub-item, tax period and amount. An officer's correction must keep every one of them
 * (docs/adr/0003-payment-exactly-once.md): it may mend what made the message unreadable or invalid around them,
 * never who sent it, what was paid or where to. Where the money went is kept too: a message refused because it
 * went to an account that is not the State budget's must not become a tax payment by a corrected account. Only
 * a code the original leaves out or states malformed ({@link #MENDABLE}) may be mended, to any code the checks
 * accept.
 *
 * <p>
 * The original message was rejected, so it is read leniently: a JSON message by its fields alone, whatever
 * else in it is wrong; a camt.054 message only as a whole. A fact the original does not state readably
 * cannot be kept, so the original is then {@linkplain Unreadable unreadable} for a correction. Its bank is the one
 * that sent it: one that states another bank readably is {@linkplain ForAnotherBank not corrected} either (its
 * sender signed another bank's confirmation, which a correction would record as the sender's own, beside the other
 * bank's).
 */
final class PaymentFacts {

	/**
	 * The bank code: the bank that sent the rejection. An original that states another bank readably is not
	 * corrected at all ({@link ForAnotherBank}); one that states none readably is the sender's.
	 */
	static final String BANK = "bankCode";

	private static final String NONE = "-";

	/** A code the original does not state in its format (missing or malformed): a correction may give it. */
	static final String MENDABLE = "?";

	/** Where the money went: the codes of a voucher, with their formats. */
	private static final Map<String, Pattern> CODES = Map.of("treasuryCode", Vouchers.FOUR_DIGITS, "treasuryAccount",
			Vouchers.FOUR_DIGITS, "collectingAgencyCode", Vouchers.AGENCY_CODE, "areaCode", Vouchers.AREA_CODE);

	private static final int MAX_SCALE = 40;

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private PaymentFacts() {
	}

	/** The facts of checked confirmations (a corrected message). */
	static Map<String, String> of(List<BankConfirmation> confirmations) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("entries", Integer.toString(confirmations.size()));
		for (int i = 0; i < confirmations.size(); i++) {
			BankConfirmation c = confirmations.get(i);
			String at = prefix(i, confirmations.size());
			facts.put(at + BANK, c.bankCode());
			facts.put(at + "bankReference", c.bankReference());
			facts.put(at + "payerMst", c.payer().value());
			facts.put(at + "payerOnBehalfMst", (c.payerOnBehalf() != null) ? c.payerOnBehalf().value() : NONE);
			facts.put(at + "currency", c.currency());
			facts.put(at + "exchangeRate", (c.exchangeRate() != null) ? plain(c.exchangeRate()) : NONE);
			facts.put(at + "amount", plain(c.amount()));
			facts.put(at + "paymentDate", c.paymentDate().toString());
			facts.put(at + "status", c.status().name());
			facts.put(at + "reversalOf", (c.reversalOf() != null) ? c.reversalOf() : NONE);
			facts.put(at + "treasuryCode", c.treasuryCode());
			facts.put(at + "treasuryAccount", c.treasuryAccount());
			facts.put(at + "collectingAgencyCode", c.collectingAgencyCode());
			facts.put(at + "areaCode", c.areaCode());
			facts.put(at + "lines", Integer.toString(c.lines().size()));
			for (int n = 0; n < c.lines().size(); n++) {
				ConfirmationLine line = c.lines().get(n);
				String l = at + "lines[" + n + "].";
				facts.put(l + "chapter", line.chapter());
				facts.put(l + "subItem", line.subItem());
				facts.put(l + "taxPeriod", line.taxPeriod().value());
				facts.put(l + "amount", plain(line.amount()));
			}
		}
		return facts;
	}

	/**
	 * The facts of a rejected message, its bank being the one that sent it.
	 * @throws Unreadable when it does not state one of them readably
	 * @throws ForAnotherBank when it states readably another bank than the one that sent it: a correction, keeping
	 * its sender, would record for that bank what the other bank said
	 */
	static Map<String, String> ofOriginal(@Nullable String value, @Nullable String contentType, String sender) {
		if (value == null || value.isBlank()) {
			throw new Unreadable("it has no value");
		}
		Map<String, String> facts;
		try {
			facts = switch (MessageReader.format(contentType)) {
				case JSON -> ofJson(value);
				case XML -> of(new MessageReader().readUnkeyed(value, contentType));
			};
		}
		catch (InvalidConfirmationException ex) {
			throw new Unreadable("it cannot be read (" + ex.reason().code() + ")");
		}
		for (Map.Entry<String, String> fact : facts.entrySet()) {
			if (!fact.getKey().endsWith(BANK)) {
				continue;
			}
			if (fact.getValue().equals(MENDABLE)) {
				// it names no bank in its format: the sender's, whose key signed it
				fact.setValue(sender);
			}
			else if (!fact.getValue().equals(sender)) {
				throw new ForAnotherBank();
			}
		}
		return facts;
	}

	/**
	 * The names of the facts a corrected message changes, in order; empty when it keeps them all. A fact the
	 * original has as {@link #MENDABLE} is not changed by any value.
	 */
	static List<String> changed(Map<String, String> original, Map<String, String> corrected) {
		if (!Objects.equals(original.get("entries"), corrected.get("entries"))) {
			return List.of("entries");
		}
		List<String> changed = new ArrayList<>();
		original.forEach((name, fact) -> {
			if (!fact.equals(MENDABLE) && !fact.equals(corrected.get(name)) && !changed.contains(name)) {
				changed.add(name);
			}
		});
		corrected.keySet().stream().filter((name) -> !original.containsKey(name) && !changed.contains(name))
			.forEach(changed::add);
		return changed;
	}

	private static Map<String, String> ofJson(String value) {
		JsonNode root;
		try {
			root = JSON.readTree(value);
		}
		catch (JacksonException ex) {
			throw new Unreadable("it is not well-formed JSON");
		}
		if (root == null || !root.isObject()) {
			throw new Unreadable("it is not one JSON object");
		}
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("entries", "1");
		// what it states, if in its format: another bank's message is not corrected into the sender's
		String bank = ConfirmationReader.bank(root);
		facts.put(BANK, (bank != null) ? bank : MENDABLE);
		facts.put("bankReference", text(root, "bankReference", false));
		facts.put("payerMst", mst(text(root, "payerMst", false)));
		String onBehalf = text(root, "payerOnBehalfMst", true);
		facts.put("payerOnBehalfMst", onBehalf.equals(NONE) ? NONE : mst(onBehalf));
		facts.put("currency", text(root, "currency", false).toUpperCase(Locale.ROOT));
		facts.put("exchangeRate", amount(root, "exchangeRate", true));
		facts.put("amount", amount(root, "amount", false));
		facts.put("paymentDate", date(text(root, "paymentDate", false)));
		facts.put("status", text(root, "status", false).toUpperCase(Locale.ROOT));
		facts.put("reversalOf", text(root, "reversalOf", true));
		for (String code : List.of("treasuryCode", "treasuryAccount", "collectingAgencyCode", "areaCode")) {
			facts.put(code, code(root, code));
		}
		JsonNode lines = root.path("lines");
		if (!lines.isArray() || lines.isEmpty()) {
			throw new Unreadable("its lines cannot be read");
		}
		facts.put("lines", Integer.toString(lines.size()));
		for (int n = 0; n < lines.size(); n++) {
			JsonNode line = lines.get(n);
			String l = "lines[" + n + "].";
			facts.put(l + "chapter", text(line, "chapter", false));
			facts.put(l + "subItem", text(line, "subItem", false));
			facts.put(l + "taxPeriod", text(line, "taxPeriod", false));
			facts.put(l + "amount", amount(line, "amount", false));
		}
		return facts;
	}

	private static String text(JsonNode node, String name, boolean optional) {
		JsonNode value = node.path(name);
		if (optional && (value.isMissingNode() || value.isNull())) {
			return NONE;
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new Unreadable("its " + name + " cannot be read");
		}
		return value.stringValue();
	}

	/** A code as the original states it, or {@link #MENDABLE} when it does not state it in its format. */
	private static String code(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return (value.isString() && CODES.get(name).matcher(value.stringValue()).matches()) ? value.stringValue()
				: MENDABLE;
	}

	private static String amount(JsonNode node, String name, boolean optional) {
		JsonNode value = node.path(name);
		if (optional && (value.isMissingNode() || value.isNull())) {
			return NONE;
		}
		try {
			BigDecimal amount = value.isNumber() ? value.decimalValue()
					: value.isString() ? new BigDecimal(value.stringValue().strip()) : null;
			if (amount != null && Math.abs(amount.stripTrailingZeros().scale()) <= MAX_SCALE) {
				return plain(amount);
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// not a number: unreadable, below
		}
		throw new Unreadable("its " + name + " cannot be read");
	}

	private static String mst(String text) {
		try {
			return Vouchers.mst(text, "payerMst").value();
		}
		catch (InvalidConfirmationException ex) {
			throw new Unreadable("its payer MST cannot be read");
		}
	}

	private static String date(String text) {
		try {
			return LocalDate.parse(text).toString();
		}
		catch (DateTimeParseException ex) {
			throw new Unreadable("its payment date cannot be read");
		}
	}

	private static String plain(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

	private static String prefix(int entry, int entries) {
		return (entries == 1) ? "" : "entries[" + entry + "].";
	}

	/** A rejected message that states readably another bank than the one that sent it. */
	static final class ForAnotherBank extends RuntimeException {

		ForAnotherBank() {
			super("it confirms for another bank than the one that sent it", null, false, false);
		}

	}

	/** A rejected message that does not state who sent it or what was paid readably. */
	static final class Unreadable extends RuntimeException {

		Unreadable(String why) {
			super(why, null, false, false);
		}

	}

}
