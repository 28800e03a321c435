package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.payment.confirmation.JsonFields.amount;
import static etax.payment.confirmation.JsonFields.date;
import static etax.payment.confirmation.JsonFields.optionalText;
import static etax.payment.confirmation.JsonFields.required;
import static etax.payment.confirmation.JsonFields.text;
import static etax.payment.confirmation.RejectionReason.INVALID_CURRENCY;
import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.INVALID_MST;
import static etax.payment.confirmation.RejectionReason.INVALID_TAX_PERIOD;
import static etax.payment.confirmation.RejectionReason.KEY_MISMATCH;
import static etax.payment.confirmation.RejectionReason.LINES_DO_NOT_SUM;
import static etax.payment.confirmation.RejectionReason.MALFORMED_JSON;
import static etax.payment.confirmation.RejectionReason.UNSUPPORTED_STATUS;
import static etax.payment.confirmation.RejectionReason.UNSUPPORTED_VERSION;

/**
 * Reads a version 1 confirmation from a record's key and JSON value and checks every rule, stopping
 * at the first broken one. Unknown properties are ignored (a tolerant reader), duplicate properties
 * are not (they make the content ambiguous).
 */
final class ConfirmationReader {

	private static final Pattern BANK_CODE = Pattern.compile("\\d{8}");

	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final String REFERENCE_RULE = "1 to 64 letters, digits, '.', '_' or '-'";

	private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

	private static final Pattern AREA_CODE = Pattern.compile("\\d{2,5}");

	private static final Pattern CHAPTER = Pattern.compile("\\d{3}");

	private static final Pattern PAYABLE_ITEM_ID = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

	private static final int MAX_LINES = 999;

	private final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	BankConfirmation read(@Nullable String key, @Nullable String value) {
		JsonNode root = parse(value);
		JsonNode version = root.path("version");
		if (!version.isInt() || version.intValue() != 1) {
			throw new InvalidConfirmationException(UNSUPPORTED_VERSION, "version must be 1");
		}
		String bankCode = text(root, "", "bankCode", BANK_CODE, "8 digits");
		String bankReference = text(root, "", "bankReference", REFERENCE, REFERENCE_RULE);
		String voucherNumber = text(root, "", "voucherNumber", REFERENCE, REFERENCE_RULE);
		TaxpayerId payer = payer(root);
		if (key == null || !payer.equals(parseOrNull(key))) {
			throw new InvalidConfirmationException(KEY_MISMATCH, "record key must be the payer MST (payerMst)");
		}
		if (!"VND".equals(text(root, "", "currency"))) {
			throw new InvalidConfirmationException(INVALID_CURRENCY, "currency must be VND");
		}
		BigDecimal amount = amount(root, "", "amount");
		LocalDate paymentDate = date(root, "", "paymentDate");
		String status = text(root, "", "status");
		if (!"DEBITED".equals(status)) {
			throw new InvalidConfirmationException(UNSUPPORTED_STATUS, "status must be DEBITED");
		}
		String treasuryCode = text(root, "", "treasuryCode", FOUR_DIGITS, "4 digits");
		String treasuryAccount = text(root, "", "treasuryAccount", FOUR_DIGITS, "4 digits");
		String areaCode = text(root, "", "areaCode", AREA_CODE, "2 to 5 digits");
		List<ConfirmationLine> lines = lines(root);
		BigDecimal sum = lines.stream().map(ConfirmationLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.compareTo(amount) != 0) {
			throw new InvalidConfirmationException(LINES_DO_NOT_SUM, "the line amounts add up to " + sum.toPlainString()
					+ ", not to the amount " + amount.toPlainString());
		}
		return new BankConfirmation(bankCode, bankReference, voucherNumber, payer, "VND", amount, paymentDate, status,
				treasuryCode, treasuryAccount, areaCode, lines);
	}

	private JsonNode parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfirmationException(MALFORMED_JSON, "value is empty");
		}
		JsonNode root;
		try {
			root = this.json.readTree(value);
		}
		catch (JacksonException ex) {
			// the parser's own message can quote the offending token: only its position is safe to repeat
			throw new InvalidConfirmationException(MALFORMED_JSON, "value is not well-formed JSON (line "
					+ ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidConfirmationException(MALFORMED_JSON, "value must be one JSON object");
		}
		return root;
	}

	private static TaxpayerId payer(JsonNode root) {
		String text = text(root, "", "payerMst");
		try {
			return TaxpayerId.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfirmationException(INVALID_MST, "payerMst is not a valid MST (format or check digit)");
		}
	}

	private static @Nullable TaxpayerId parseOrNull(String key) {
		try {
			return TaxpayerId.parse(key);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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
					text(line, path, "subItem", FOUR_DIGITS, "4 digits"), taxPeriod(line, path),
					amount(line, path, "amount"), optionalText(line, path, "payableItemId", PAYABLE_ITEM_ID,
							"1 to 64 letters, digits, '.', '_', '/' or '-'")));
		}
		return result;
	}

	private static TaxPeriod taxPeriod(JsonNode line, String path) {
		String value = text(line, path, "taxPeriod");
		try {
			return new TaxPeriod(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfirmationException(INVALID_TAX_PERIOD,
					path + "taxPeriod must be 00/MM/yyyy, 00/Qn/yyyy, 00/CN/yyyy or dd/MM/yyyy");
		}
	}

}
