package etax.payment.confirmation;

/**
 * Why a record on {@code bank.payment-confirmations.v1} was not recorded. The codes are stable: they
 * go into the {@code etax.dlq.reason} header, the {@code reason} metric tag and the rejected-messages
 * API, so add codes, never rename them.
 */
enum RejectionReason {

	/** Not JSON, not one JSON object, empty, or a property given twice. */
	MALFORMED_JSON("malformed-json"),
	/** A {@code version} other than 1, or none. */
	UNSUPPORTED_VERSION("unsupported-version"),
	/** A required property is absent or null. */
	MISSING_FIELD("missing-field"),
	/** A property has the wrong type or format. */
	INVALID_FIELD("invalid-field"),
	/** The payer MST fails the format or check-digit rule (VN-ETAX §3.2). */
	INVALID_MST("invalid-mst"),
	/** The record key is not the payer MST, which would break per-taxpayer ordering. */
	KEY_MISMATCH("key-mismatch"),
	/** A currency other than VND. */
	INVALID_CURRENCY("invalid-currency"),
	/** An amount that is not a positive whole number of VND. */
	INVALID_AMOUNT("invalid-amount"),
	/** A tax period not in one of the four {@code KY_THUE} formats. */
	INVALID_TAX_PERIOD("invalid-tax-period"),
	/** The lines do not add up to the total. */
	LINES_DO_NOT_SUM("lines-do-not-sum"),
	/** A bank status other than DEBITED. */
	UNSUPPORTED_STATUS("unsupported-status"),
	/** The bank code and reference were already recorded with different content. */
	CONFLICT("conflict");

	private final String code;

	RejectionReason(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
