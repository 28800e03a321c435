package etax.declaration.payable;

import java.time.format.DateTimeFormatter;

import etax.schemas.TaxPeriod;

/**
 * Writes a tax period the way the payment voucher does ({@code KY_THUE}, VN-ETAX.md §5.2):
 * {@code 00/MM/yyyy} for a month, {@code 00/Qn/yyyy} for a quarter, {@code 00/CN/yyyy} for a year,
 * {@code dd/MM/yyyy} for an occurrence or a free range (its end).
 */
public final class VoucherPeriods {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private VoucherPeriods() {
	}

	/**
	 * @param period a tax period
	 * @return how the voucher writes it
	 */
	public static String of(TaxPeriod period) {
		String value = period.value();
		return switch (period.kind()) {
			case "M" -> "00/" + value;
			case "Q" -> "00/Q" + value;
			case "Y" -> "00/CN/" + value;
			case "D" -> value;
			default -> DAY.format(java.util.Objects.requireNonNull((period.to() != null) ? period.to() : period.from(),
					"a free-range period has bounds"));
		};
	}

}
