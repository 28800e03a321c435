package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import etax.ids.TaxpayerId;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.payment.confirmation.JsonFields.amount;
import static etax.payment.confirmation.JsonFields.date;
import static etax.payment.confirmation.JsonFields.instant;
import static etax.payment.confirmation.JsonFields.optionalRate;
import static etax.payment.confirmation.JsonFields.optionalText;
import static etax.payment.confirmation.JsonFields.required;
import static etax.payment.confirmation.JsonFields.text;
import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.MALFORMED_JSON;
import static etax.payment.confirmation.RejectionReason.UNSUPPORTED_STATUS;
import static etax.payment.confirmation.RejectionReason.UNSUPPORTED_VERSION;
import static etax.payment.confirmation.Vouchers.AGENCY_CODE;
import static etax.payment.confirmation.Vouchers.AREA_CODE;
import static etax.payment.confirmation.Vouchers.BANK_CODE;
import static etax.payment.confirmation.Vouchers.CHAPTER;
import static etax.payment.confirmation.Vouchers.FOUR_DIGITS;
import static etax.payment.confirmation.Vouchers.ITEM_ID;
import static etax.payment.confirmation.Vouchers.ITEM_ID_RULE;
import static etax.payment.confirmation.Vouchers.MAX_LINES;
import static etax.payment.confirmation.Vouchers.REFERENCE;
import static etax.payment.confirmation.Vouchers.REFERENCE_RULE;

/**
 * Reads a version 1 JSON confirmation from a record's key and value and checks every rule that needs
 * no reference data, stopping at the first broken one. Unknown properties are ignored (a tolerant
 * reader), duplicate properties are not (they make the content ambiguous). The contract is in
 * docs/adr/0005-bank-messages.md.
 */
final class ConfirmationReader {

	private final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	BankConfirmation read(@Nullable String key, @Nullable String value) {
		return Vouchers.checked(key, readUnkeyed(value));
	}

	/** Reads and checks everything but the record key. */
	BankConfirmation readUnkeyed(@Nullable String value) {
		return readUnkeyed(parse(value));
	}

	/**
	 * The bank code a message states, if it states one well-formed, read before any rule of the message: the
	 * listener compares it with the signer's bank first ({@link MessageReader.Parsed#banks}).
	 */
	static @Nullable String bank(JsonNode root) {
		JsonNode bank = root.path("bankCode");
		return (bank.isString() && BANK_CODE.matcher(bank.stringValue()).matches()) ? bank.stringValue() : null;
	}

	/**
	 * The bank and reference a message states, if it states both well-formed, read before any rule of the message:
	 * should one refuse it, the bank's status report still finds it by that reference
	 * ({@link MessageReader.Parsed#keys}).
	 */
	static @Nullable ConfirmationKey key(JsonNode root) {
		String bank = bank(root);
		JsonNode reference = root.path("bankReference");
		return (bank != null && reference.isString() && REFERENCE.matcher(reference.stringValue()).matches())
				? new ConfirmationKey(bank, reference.stringValue()) : null;
	}

	/** Reads and checks a parsed message but its record key. */
	static BankConfirmation readUnkeyed(JsonNode root) {
		JsonNode version = root.path("version");
		if (!version.isInt() || version.intValue() != 1) {
			throw new InvalidConfirmationException(UNSUPPORTED_VERSION, "version must be 1");
		}
		String bankCode = text(root, "", "bankCode", BANK_CODE, "8 digits");
		String bankReference = text(root, "", "bankReference", REFERENCE, REFERENCE_RULE);
		String voucherNumber = text(root, "", "voucherNumber", REFERENCE, REFERENCE_RULE);
		TaxpayerId payer = Vouchers.mst(text(root, "", "payerMst"), "payerMst");
		String onBehalfText = optionalText(root, "", "payerOnBehalfMst", java.util.regex.Pattern.compile(".+"), "an MST");
		TaxpayerId onBehalf = (onBehalfText != null) ? Vouchers.mst(onBehalfText, "payerOnBehalfMst") : null;
		String currency = text(root, "", "currency");
		BigDecimal exchangeRate = optionalRate(root, "", "exchangeRate");
		BigDecimal amount = amount(root, "", "amount");
		LocalDate paymentDate = date(root, "", "paymentDate");
		Instant sentAt = instant(root, "", "sentAt");
		BankConfirmation.Status status = status(text(root, "", "status"));
		String reversalOf = optionalText(root, "", "reversalOf", REFERENCE, REFERENCE_RULE);
		String treasuryCode = text(root, "", "treasuryCode", FOUR_DIGITS, "4 digits");
		String treasuryAccount = text(root, "", "treasuryAccount", FOUR_DIGITS, "4 digits");
		String agency = text(root, "", "collectingAgencyCode", AGENCY_CODE, "3 to 7 digits");
		String areaCode = text(root, "", "areaCode", AREA_CODE, "2 to 5 digits");
		return Vouchers.consistent(new BankConfirmation(bankCode, bankReference, voucherNumber, payer, onBehalf,
				currency, exchangeRate, amount, paymentDate, sentAt, status, reversalOf, treasuryCode, treasuryAccount,
				agency, areaCode, lines(root)));
	}

	static BankConfirmation.Status status(String text) {
		try {
			return BankConfirmation.Status.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfirmationException(UNSUPPORTED_STATUS,
					"status must be DEBITED, PENDING, FAILED or REVERSED");
		}
	}

	/**
	 * @return the message as one JSON object, none of its rules applied
	 * @throws InvalidConfirmationException ({@code malformed-json}) if it is empty, not well-formed or not one object
	 */
	JsonNode parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfirmationException(MALFORMED_JSON, "value is empty");
		}
		JsonNode root;
		try {
			root = this.json.readTree(value);
		}
		catch (JacksonException ex) {
			// the parser's own message can quote the offending token: only its position is safe to repeat, and
			// a broken limit (nesting depth, number length) may come without one
			TokenStreamLocation at = ex.getLocation();
			throw new InvalidConfirmationException(MALFORMED_JSON, (at != null)
					? "value is not well-formed JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
					: "value is not well-formed JSON or breaks a parser limit (nesting depth, number or string length)");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidConfirmationException(MALFORMED_JSON, "value must be one JSON object");
		}
		return root;
	}

	private static List<ConfirmationLine> lines(JsonNode root) {
		JsonNode lines = required(root, "", "lines");
		if (!lines.isArray() || lines.isEmpty() || lines.size() > MAX_LINES) {
			throw new InvalidConfirmationException(INVALID_FIELD, "lines must be an array of 1 to " + MAX_LINES + " lines");
		}
		List<ConfirmationLine> result = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			JsonNode line = lines.get(i);
			String path = "lines[" + i + "].";
			if (!line.isObject()) {
				throw new InvalidConfirmationException(INVALID_FIELD, "lines[" + i + "] must be an object");
			}
			result.add(new ConfirmationLine(text(line, path, "chapter", CHAPTER, "3 digits"),
					text(line, path, "subItem", FOUR_DIGITS, "4 digits"),
					Vouchers.taxPeriod(text(line, path, "taxPeriod"), path + "taxPeriod"), amount(line, path, "amount"),
					optionalText(line, path, "payableItemId", ITEM_ID, ITEM_ID_RULE),
					optionalText(line, path, "returnNumber", ITEM_ID, ITEM_ID_RULE)));
		}
		return result;
	}

}
