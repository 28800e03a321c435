package etax.payment.confirmation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import etax.ids.TaxpayerId;
import org.jspecify.annotations.Nullable;

import static etax.payment.confirmation.RejectionReason.INVALID_AMOUNT;
import static etax.payment.confirmation.RejectionReason.INVALID_CURRENCY;
import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.INVALID_MST;
import static etax.payment.confirmation.RejectionReason.INVALID_TAX_PERIOD;
import static etax.payment.confirmation.RejectionReason.KEY_MISMATCH;
import static etax.payment.confirmation.RejectionReason.LINES_DO_NOT_SUM;
import static etax.payment.confirmation.RejectionReason.MISSING_FIELD;

/**
 * The rules every confirmation obeys whatever format it came in: field formats, and the checks across
 * fields once it is read. Messages name the field and the rule, never the value.
 */
final class Vouchers {

	static final Pattern BANK_CODE = Pattern.compile("\\d{8}");

	static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	static final String REFERENCE_RULE = "1 to 64 letters, digits, '.', '_' or '-'";

	static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

	static final Pattern AREA_CODE = Pattern.compile("\\d{2,5}");

	static final Pattern AGENCY_CODE = Pattern.compile("\\d{3,7}");

	static final Pattern CHAPTER = Pattern.compile("\\d{3}");

	static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

	static final String ITEM_ID_RULE = "1 to 64 letters, digits, '.', '_', '/' or '-'";

	static final int MAX_LINES = 999;

	private static final int MAX_AMOUNT_DIGITS = 18;

	/** The largest VND amount the ledger and the treasury postings hold ({@code numeric(18,0)}). */
	static final BigDecimal MAX_VND = new BigDecimal("999999999999999999");

	private static final int MAX_RATE_INTEGER_DIGITS = 14;

	private static final int MAX_RATE_DECIMALS = 4;

	/**
	 * How far back a voucher line may name a tax year: ten years, the longest period in which tax may
	 * still be assessed and collected (Law 38/2019/QH14, Art. 140), so older years are typing errors.
	 */
	static final int TAX_YEARS_BACK = 10;

	/** How far ahead: a payment in advance for next year's tax, nothing later. */
	static final int TAX_YEARS_AHEAD = 1;

	private Vouchers() {
	}

	static String check(@Nullable String value, String field, Pattern format, String rule) {
		if (value == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, field + " is required");
		}
		if (!format.matcher(value).matches()) {
			throw new InvalidConfirmationException(INVALID_FIELD, field + " must be " + rule);
		}
		return value;
	}

	/** An amount without trailing zeros and never in exponent form: 22000000, not 2.2E+7. */
	static BigDecimal normalized(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	/**
	 * A positive amount with at most {@value #MAX_AMOUNT_DIGITS} integer digits and 2 decimals. The size is
	 * judged before the value is normalized: {@code 1e999999999} is one digit with a huge exponent, and
	 * writing it out would take gigabytes (or throw), so it is refused by its integer digits alone.
	 */
	static BigDecimal amount(BigDecimal value, String field) {
		if (value.signum() <= 0 || integerDigits(value) > MAX_AMOUNT_DIGITS) {
			throw invalidAmount(field);
		}
		BigDecimal stripped = normalized(value);
		if (stripped.scale() > 2) {
			throw invalidAmount(field);
		}
		return stripped;
	}

	/**
	 * An exchange rate (VND per unit): positive, at most {@value #MAX_RATE_DECIMALS} decimals and
	 * {@value #MAX_RATE_INTEGER_DIGITS} integer digits, so that it fits {@code exchange_rate numeric(18,4)}
	 * as given; the same rule for JSON and camt.054.
	 */
	static BigDecimal rate(BigDecimal value, String field) {
		if (value.signum() <= 0 || integerDigits(value) > MAX_RATE_INTEGER_DIGITS
				|| value.stripTrailingZeros().scale() > MAX_RATE_DECIMALS) {
			throw new InvalidConfirmationException(INVALID_CURRENCY, field + " must be a positive number with at most "
					+ MAX_RATE_DECIMALS + " decimals and " + MAX_RATE_INTEGER_DIGITS + " integer digits");
		}
		return normalized(value);
	}

	/** Integer digits of a non-zero value, in long arithmetic: precision minus scale overflows an int. */
	private static long integerDigits(BigDecimal value) {
		return (long) value.precision() - value.scale();
	}

	private static InvalidConfirmationException invalidAmount(String field) {
		return new InvalidConfirmationException(INVALID_AMOUNT,
				field + " must be positive, with at most " + MAX_AMOUNT_DIGITS + " digits and 2 decimals");
	}

	static TaxpayerId mst(@Nullable String text, String field) {
		if (text == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, field + " is required");
		}
		try {
			return TaxpayerId.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfirmationException(INVALID_MST, field + " is not a valid MST (format or check digit)");
		}
	}

	static TaxPeriod taxPeriod(@Nullable String value, String field) {
		if (value == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, field + " is required");
		}
		try {
			return new TaxPeriod(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfirmationException(INVALID_TAX_PERIOD,
					field + " must be 00/MM/yyyy, 00/Qn/yyyy, 00/CN/yyyy or dd/MM/yyyy");
		}
	}

	/**
	 * The checks across fields: the key is the payer, written as one MST is written once (10 digits, {@code -NNN} for
	 * a branch), the currency and its rate, decimals by currency, the lines add up to the total, a reversal names
	 * what it reverses. Kafka partitions by the key's bytes: a payment keyed {@code 0313829148001} and its reversal
	 * keyed {@code 0313829148-001} went to two partitions, and the reversal, read first, was refused as naming nothing.
	 */
	static BankConfirmation checked(@Nullable String key, BankConfirmation c) {
		if (key == null || !key.equals(c.payer().value())) {
			throw new InvalidConfirmationException(KEY_MISMATCH, "record key must be the payer MST (payerMst), written "
					+ "as 10 digits, with -NNN for a branch, or 12 for a person");
		}
		return consistent(c);
	}

	/** The same checks but the key's, for a message the gateway is about to key itself. */
	static BankConfirmation consistent(BankConfirmation c) {
		switch (c.currency()) {
			case "VND" -> {
				if (c.exchangeRate() != null) {
					throw new InvalidConfirmationException(INVALID_CURRENCY, "a VND voucher has no exchangeRate");
				}
			}
			case "USD" -> {
				if (c.exchangeRate() == null) {
					throw new InvalidConfirmationException(INVALID_CURRENCY, "a USD voucher needs its exchangeRate");
				}
			}
			default -> throw new InvalidConfirmationException(INVALID_CURRENCY, "currency must be VND or USD");
		}
		int decimals = c.currency().equals("VND") ? 0 : 2;
		if (c.amount().scale() > decimals || c.lines().stream().anyMatch((line) -> line.amount().scale() > decimals)) {
			throw new InvalidConfirmationException(INVALID_AMOUNT,
					"amounts in " + c.currency() + " have at most " + decimals + " decimals");
		}
		BigDecimal sum = c.lines().stream().map(ConfirmationLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.compareTo(c.amount()) != 0) {
			throw new InvalidConfirmationException(LINES_DO_NOT_SUM, "the line amounts add up to " + sum.toPlainString()
					+ ", not to the amount " + c.amount().toPlainString());
		}
		inVndRange(c);
		taxYears(c);
		boolean reversal = c.status() == BankConfirmation.Status.REVERSED;
		if (reversal != (c.reversalOf() != null)) {
			throw new InvalidConfirmationException(INVALID_FIELD,
					"reversalOf is required for status REVERSED and only then");
		}
		return c;
	}

	/**
	 * Every line is at least 1 VND once converted (each becomes a treasury posting and ledger lines, whose
	 * amounts are positive) and the total fits {@code amount_vnd numeric(18,0)}: a message that breaks either
	 * would otherwise pass every check and then fail the recording transaction of its whole poll.
	 */
	private static void inVndRange(BankConfirmation c) {
		for (int i = 0; i < c.lines().size(); i++) {
			if (c.lines().get(i).amountVnd(c.exchangeRate()).signum() <= 0) {
				throw new InvalidConfirmationException(INVALID_AMOUNT,
						"lines[" + i + "].amount is less than 1 VND at the exchange rate");
			}
		}
		if (c.amountVnd().compareTo(MAX_VND) > 0) {
			throw new InvalidConfirmationException(INVALID_AMOUNT,
					"the amount in VND has more than " + MAX_AMOUNT_DIGITS + " digits at the exchange rate");
		}
	}

	/**
	 * Each line's tax year lies within {@value #TAX_YEARS_BACK} years before the payment date's year and
	 * {@value #TAX_YEARS_AHEAD} after it: the format alone lets 1900 and 2099 through. Not for a reversal: its lines
	 * must be its payment's ({@link Reversals}), whose years were judged by the payment's date; judged by the
	 * reversal's, a payment of the oldest year still collectable, reversed after New Year, could never be taken back.
	 */
	private static void taxYears(BankConfirmation c) {
		if (c.status() == BankConfirmation.Status.REVERSED) {
			return;
		}
		int paid = c.paymentDate().getYear();
		for (int i = 0; i < c.lines().size(); i++) {
			int year = c.lines().get(i).taxPeriod().year();
			if (year < paid - TAX_YEARS_BACK || year > paid + TAX_YEARS_AHEAD) {
				throw new InvalidConfirmationException(INVALID_TAX_PERIOD, "lines[" + i + "].taxPeriod must be a year from "
						+ TAX_YEARS_BACK + " years before the payment date to " + TAX_YEARS_AHEAD + " after it");
			}
		}
	}

}
