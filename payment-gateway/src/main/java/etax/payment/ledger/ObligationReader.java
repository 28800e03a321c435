package etax.payment.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import etax.ids.TaxpayerId;
import etax.payment.confirmation.TaxPeriod;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code PayableItemCreated} version 1 ({@code etax.payable-items.v1}) into an obligation, or into a
 * reduction when its amount is negative (a supplement that lowered tax), {@code TaxAssessed} version 1 (the same
 * topic: tax an inspection's conclusion assessed, positive, due on its period's deadline) into an obligation as
 * well, {@code PenaltyImposed} version 1 (the same topic: a fine) into an obligation of kind {@code PENALTY},
 * {@code InterestAssessed}
 * version 1 ({@code etax.assessments.v1}) into obligations and {@code InterestCorrected} version 1 (the
 * same topic) into reductions of interest, and {@code AnnualTaxFinalized} version 1 (on the payable items' topic)
 * into the year's tax of a finalization (docs/adr/0006-taxpayer-ledger.md). Every
 * failure is an {@link IllegalArgumentException} whose message names the property, never its value.
 */
final class ObligationReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CHAPTER = Pattern.compile("\\d{3}");

	private static final Pattern SUB_ITEM = Pattern.compile("\\d{4}");

	private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

	/** A tax office code as returns write it ({@code maCQTNoiNop}). */
	private static final Pattern TAX_OFFICE = Pattern.compile("\\d{5}");

	/** The earliest due date (or day of interest, or deadline) an event may carry: as the years of annual tax. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** The latest. */
	static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	/** The quarters of the first provisional CIT rule (Decree 126/2020 as enacted): of an event that names none. */
	static final int FIRST_RULE_QUARTERS = 3;

	/** Its share of the year's tax, in percent. */
	static final int FIRST_RULE_PERCENT = 75;

	/** What the ledger's numeric(18,0) holds. */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999999");

	Booking payableItem(String value) {
		JsonNode node = JSON.readTree(value);
		String type = node.path("type").asString("");
		if ("AnnualTaxFinalized".equals(type)) {
			return annualTax(node);
		}
		// a return's item may be a decrease; tax an inspection assessed and a fine never are
		boolean positive = "TaxAssessed".equals(type) || "PenaltyImposed".equals(type);
		expect(node, positive ? type : "PayableItemCreated");
		if (!"VND".equals(node.path("currency").asString("VND"))) {
			throw new IllegalArgumentException("currency must be VND");
		}
		BigDecimal amount = positive ? amount(node) : wholeVnd(node, "amount must be a non-zero whole number of VND");
		if (amount.signum() == 0) {
			throw new IllegalArgumentException("amount must be a non-zero whole number of VND");
		}
		String itemId = text(node, "payableItemId", ITEM_ID);
		String mst = mst(node);
		String chapter = text(node, "chapter", CHAPTER);
		String subItem = text(node, "subItem", SUB_ITEM);
		String period = period(node);
		LocalDate dueDate = date(node, "dueDate");
		UUID eventId = uuid(node, "eventId");
		if (amount.signum() < 0) {
			BigDecimal decrease = amount.negate();
			return new Reduction(itemId, mst, chapter, subItem, period, decrease, dueDate, eventId, sha256(String.join(
					"\u001F", itemId, "REDUCTION", mst, chapter, subItem, period, decrease.toPlainString(), dueDate.toString())));
		}
		Obligation.Kind kind = "PenaltyImposed".equals(type) ? Obligation.Kind.PENALTY : Obligation.Kind.TAX;
		return hashed(new Obligation(itemId, kind, mst, chapter, subItem, period, amount, dueDate, amount, eventId, "", null,
				null, 0)).withTaxOffice(taxOffice(node));
	}

	/**
	 * {@code AnnualTaxFinalized} version 1: the year's tax of a sub-item, as a finalization declared it, and the rule
	 * its provisional payments are judged by: {@code provisionalQuarters} and {@code requiredPercent}, which events
	 * announced before declaration-api carried them lack: those announced the first rule, the first three quarters
	 * and 75 % ({@link #FIRST_RULE_QUARTERS}, {@link #FIRST_RULE_PERCENT}). Its content hash leaves the event id out:
	 * the same return's figure under another event id is the same one; it leaves the first rule out too, so that such
	 * an event delivered again is the duplicate it was.
	 */
	private static AnnualTax annualTax(JsonNode node) {
		expect(node, "AnnualTaxFinalized");
		BigDecimal amount = wholeVnd(node, "annualTax", "annualTax must be a whole number of VND, zero or more");
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("annualTax must be a whole number of VND, zero or more");
		}
		String mst = mst(node);
		String chapter = text(node, "chapter", CHAPTER);
		String subItem = text(node, "subItem", SUB_ITEM);
		JsonNode year = node.path("taxYear");
		if (!year.isInt() || year.asInt() < 2000 || year.asInt() > 2999) {
			throw new IllegalArgumentException("taxYear must be a calendar year");
		}
		int taxYear = year.asInt();
		LocalDate deadline = date(node, "provisionalDeadline");
		int quarters = ruleValue(node, "provisionalQuarters", FIRST_RULE_QUARTERS, 4);
		int percent = ruleValue(node, "requiredPercent", FIRST_RULE_PERCENT, 100);
		UUID returnId = uuid(node, "returnId");
		String office = taxOffice(node);
		String canonical = String.join("\u001F", "ANNUAL_TAX", returnId.toString(), mst, chapter, subItem,
				String.valueOf(taxYear), amount.toPlainString(), deadline.toString(), String.valueOf(office));
		if (quarters != FIRST_RULE_QUARTERS || percent != FIRST_RULE_PERCENT) {
			canonical = String.join("\u001F", canonical, String.valueOf(quarters), String.valueOf(percent));
		}
		return new AnnualTax(AnnualTax.shortfallIdOf(mst, subItem, taxYear), mst, chapter, subItem, taxYear, amount,
				deadline, quarters, percent, returnId, uuid(node, "eventId"), office, sha256(canonical));
	}

	/** A whole number of the rule from 1 to {@code max}; {@code absent} when the event does not carry it. */
	private static int ruleValue(JsonNode node, String name, int absent, int max) {
		JsonNode value = node.path(name);
		if (value.isMissingNode() || value.isNull()) {
			return absent;
		}
		if (!value.isInt() || value.asInt() < 1 || value.asInt() > max) {
			throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max + " when given");
		}
		return value.asInt();
	}

	/**
	 * The office the return was filed with, which events published before declaration-api named it do not
	 * carry: those are obligations of no office (ADR 0022).
	 */
	private static @Nullable String taxOffice(JsonNode node) {
		JsonNode office = node.path("taxOfficeCode");
		if (office.isMissingNode() || office.isNull()) {
			return null;
		}
		if (!office.isString() || !TAX_OFFICE.matcher(office.asString()).matches()) {
			throw new IllegalArgumentException("taxOfficeCode must be a tax office code of 5 digits when given");
		}
		return office.asString();
	}

	/**
	 * An event of {@code etax.assessments.v1}: {@code InterestAssessed} is an interest obligation,
	 * {@code InterestCorrected} a reduction of the interest booked on its payable item.
	 */
	Booking assessment(String value) {
		JsonNode node = JSON.readTree(value);
		return "InterestCorrected".equals(node.path("type").asString("")) ? correction(node) : interest(node);
	}

	Obligation interest(String value) {
		return interest(JSON.readTree(value));
	}

	private static Obligation interest(JsonNode node) {
		expect(node, "InterestAssessed");
		BigDecimal amount = amount(node);
		UUID eventId = uuid(node, "eventId");
		return hashed(new Obligation(eventId.toString(), Obligation.Kind.INTEREST, mst(node),
				text(node, "chapter", CHAPTER), text(node, "subItem", SUB_ITEM), period(node), amount,
				date(node, "dueDate"), amount, eventId, "", text(node, "payableItemId", ITEM_ID),
				date(node, "assessedFor"), 0));
	}

	/**
	 * Its content hash leaves the event id out, as an interest obligation's sameness does: the correction of
	 * an item and day is the same under another event id.
	 */
	private static Reduction correction(JsonNode node) {
		expect(node, "InterestCorrected");
		BigDecimal amount = amount(node);
		UUID eventId = uuid(node, "eventId");
		String mst = mst(node);
		String chapter = text(node, "chapter", CHAPTER);
		String subItem = text(node, "subItem", SUB_ITEM);
		String period = period(node);
		String baseItemId = text(node, "payableItemId", ITEM_ID);
		LocalDate assessedFor = date(node, "assessedFor");
		return new Reduction(eventId.toString(), mst, chapter, subItem, period, amount, assessedFor, eventId,
				sha256(String.join("\u001F", "INTEREST_CORRECTION", mst, chapter, subItem, period, amount.toPlainString(),
						baseItemId, assessedFor.toString())),
				baseItemId, assessedFor);
	}

	private static void expect(JsonNode node, String type) {
		if (!type.equals(node.path("type").asString("")) || node.path("version").asInt(0) != 1) {
			throw new IllegalArgumentException("not a " + type + " version 1");
		}
	}

	/** The obligation with the hash of its content, to tell a duplicate from a conflict. */
	static Obligation hashed(Obligation o) {
		String canonical = String.join("\u001F", o.itemId(), o.kind().name(), o.mst(), o.chapter(), o.subItem(),
				o.taxPeriod(), o.amount().toPlainString(), o.dueDate().toString(),
				String.valueOf(o.baseItemId()), String.valueOf(o.assessedFor()));
		return new Obligation(o.itemId(), o.kind(), o.mst(), o.chapter(), o.subItem(), o.taxPeriod(), o.amount(),
				o.dueDate(), o.outstanding(), o.sourceEventId(), sha256(canonical), o.baseItemId(), o.assessedFor(), 0);
	}

	private static String sha256(String canonical) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static String mst(JsonNode node) {
		try {
			return TaxpayerId.parse(node.path("mst").asString("")).value();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("mst is not a valid MST");
		}
	}

	private static String period(JsonNode node) {
		try {
			return new TaxPeriod(node.path("taxPeriod").asString("")).value();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("taxPeriod must be 00/MM/yyyy, 00/Qn/yyyy, 00/CN/yyyy or dd/MM/yyyy");
		}
	}

	private static BigDecimal amount(JsonNode node) {
		BigDecimal amount = wholeVnd(node, "amount must be a positive whole number of VND");
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("amount must be a positive whole number of VND");
		}
		return amount;
	}

	private static BigDecimal wholeVnd(JsonNode node, String rule) {
		return wholeVnd(node, "amount", rule);
	}

	private static BigDecimal wholeVnd(JsonNode node, String name, String rule) {
		JsonNode amount = node.path(name);
		if (!amount.isNumber() || amount.decimalValue().stripTrailingZeros().scale() > 0
				|| amount.decimalValue().abs().compareTo(MAX_AMOUNT) > 0) {
			throw new IllegalArgumentException(rule);
		}
		return amount.decimalValue().setScale(0);
	}

	private static String text(JsonNode node, String name, Pattern format) {
		String value = node.path(name).asString("");
		if (!format.matcher(value).matches()) {
			throw new IllegalArgumentException(name + " is missing or malformed");
		}
		return value;
	}

	/**
	 * A date from {@link #EARLIEST} to {@link #LATEST}: {@code java.time} reads years PostgreSQL refuses (year 0,
	 * before 4713 BC) or that no tax is due in; such a date would pass every other check and fail the booking, and with
	 * it the poll, for ever, stopping the partition behind it. The producers are ours, so this only ever catches a bug.
	 */
	private static LocalDate date(JsonNode node, String name) {
		LocalDate date;
		try {
			date = LocalDate.parse(node.path(name).asString(""));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(name + " must be a date yyyy-MM-dd");
		}
		if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
			throw new IllegalArgumentException(name + " must be a date from " + EARLIEST + " to " + LATEST);
		}
		return date;
	}

	private static UUID uuid(JsonNode node, String name) {
		try {
			return UUID.fromString(node.path(name).asString(""));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(name + " must be a UUID");
		}
	}

}
