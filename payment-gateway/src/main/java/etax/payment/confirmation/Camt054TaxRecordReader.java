package etax.payment.confirmation;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import static etax.payment.confirmation.Camt054Elements.children;
import static etax.payment.confirmation.Camt054Elements.decimal;
import static etax.payment.confirmation.Camt054Elements.text;
import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.MISSING_FIELD;

/**
 * Reads the tax records ({@code TaxRmt/Rcrd}) of a camt.054 entry into confirmation lines: chapter, sub-item, tax
 * period, amount, and the payable item and return they pay, if named.
 */
final class Camt054TaxRecordReader {

	private Camt054TaxRecordReader() {
	}

	/**
	 * @param tax the entry's {@code TaxRmt}
	 * @param at its path, for the messages
	 * @return one line per record, 1 to {@value Vouchers#MAX_LINES}
	 * @throws InvalidConfirmationException if a field is missing or malformed
	 */
	static List<ConfirmationLine> read(Element tax, String at) {
		List<Element> records = children(tax, "Rcrd");
		if (records.isEmpty() || records.size() > Vouchers.MAX_LINES) {
			throw new InvalidConfirmationException(INVALID_FIELD, at + "Rcrd must occur 1 to " + Vouchers.MAX_LINES + " times");
		}
		List<ConfirmationLine> lines = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			Element record = records.get(i);
			String rp = at + "Rcrd[" + i + "]/";
			String amount = text(record, "TaxAmt/TtlAmt");
			if (amount == null) {
				throw new InvalidConfirmationException(MISSING_FIELD, rp + "TaxAmt/TtlAmt is required");
			}
			String itemId = text(record, "CertId");
			String returnNumber = text(record, "AddtlInf");
			lines.add(new ConfirmationLine(Vouchers.check(text(record, "Tp"), rp + "Tp", Vouchers.CHAPTER, "3 digits"),
					Vouchers.check(text(record, "Ctgy"), rp + "Ctgy", Vouchers.FOUR_DIGITS, "4 digits"),
					Vouchers.taxPeriod(period(record), rp + "Prd"),
					Vouchers.amount(decimal(amount, rp + "TaxAmt/TtlAmt"), rp + "TaxAmt/TtlAmt"),
					(itemId != null) ? Vouchers.check(itemId, rp + "CertId", Vouchers.ITEM_ID, Vouchers.ITEM_ID_RULE) : null,
					(returnNumber != null)
							? Vouchers.check(returnNumber, rp + "AddtlInf", Vouchers.ITEM_ID, Vouchers.ITEM_ID_RULE) : null));
		}
		return lines;
	}

	/** {@code Prd/Yr} with {@code Prd/Tp} MM01–MM12, QTR1–QTR4 or YEAR; or {@code Prd/FrToDt} of one day. */
	private static @Nullable String period(Element record) {
		String year = text(record, "Prd/Yr");
		String type = text(record, "Prd/Tp");
		if (year != null && type != null) {
			String y = year.length() > 4 ? year.substring(0, 4) : year;
			if (type.matches("MM(0[1-9]|1[0-2])")) {
				return "00/" + type.substring(2) + "/" + y;
			}
			if (type.matches("QTR[1-4]")) {
				return "00/Q" + type.substring(3) + "/" + y;
			}
			if (type.equals("YEAR")) {
				return "00/CN/" + y;
			}
			return type;
		}
		String from = text(record, "Prd/FrToDt/FrDt");
		if (from != null && from.equals(text(record, "Prd/FrToDt/ToDt")) && from.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return from.substring(8, 10) + "/" + from.substring(5, 7) + "/" + from.substring(0, 4);
		}
		return null;
	}

}
