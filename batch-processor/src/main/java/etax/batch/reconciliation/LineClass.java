package etax.batch.reconciliation;

import org.jspecify.annotations.Nullable;

/**
 * What the three legs say of a voucher line (VN-ETAX §5.5), decided in this order.
 */
public enum LineClass {

	/** Only the bank's file has it (the bank report's {@code NHTMCO_TCTKO}). */
	ONLY_BANK("NHTMCO_TCTKO"),

	/** Only the treasury's statement has it: the third leg, which the bank's report lacks. */
	ONLY_TREASURY(null),

	/** The tax side has it and the bank's file does not ({@code TCTCO_NHTMKO}). */
	ONLY_TAX("TCTCO_NHTMKO"),

	/**
	 * The legs disagree on what happened ({@code LECH_TTHAI}): paid here, failed or reversed there, or not
	 * posted (or refused) by the treasury.
	 */
	STATUS_MISMATCH("LECH_TTHAI"),

	/**
	 * Chapter, sub-item, area, amount or currency differ between the legs ({@code LECH}); or, where both legs
	 * carry one, the treasury, the collection account, the collecting agency, the payer or the tax period.
	 */
	CODING_MISMATCH("LECH"),

	/** All legs agree. */
	MATCHED(null);

	private final @Nullable String bankReport;

	LineClass(@Nullable String bankReport) {
		this.bankReport = bankReport;
	}

	/**
	 * The suffix of the bank summary report's fields for this class ({@code TONGDIEN_} + suffix counts the
	 * lines, {@code TONGTIEN_} + suffix adds up their amount).
	 * @return the suffix, or null when the report has no such figure
	 */
	public @Nullable String bankReport() {
		return this.bankReport;
	}

}
