package etax.payment.confirmation;

/**
 * Why a record on {@code bank.payment-confirmations.v1} was not recorded. The codes are stable: they
 * go into the {@code etax.dlq.reason} header, the {@code reason} metric tag and the rejected-messages
 * API, so add codes, never rename them.
 */
enum RejectionReason {

	/** Not JSON, not one JSON object, empty, or a property given twice. */
	MALFORMED_JSON("malformed-json"),
	/** Not well-formed XML, a DTD, or not a camt.054 notification. */
	MALFORMED_XML("malformed-xml"),
	/** A content-type header that is neither JSON nor XML. */
	UNSUPPORTED_CONTENT_TYPE("unsupported-content-type"),
	/** A value over the size limit. */
	TOO_LARGE("too-large"),
	/** No signature, a malformed one, an unknown or expired key, or one that does not verify. */
	SIGNATURE_INVALID("signature-invalid"),
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
	/** A bank that is not registered (or not on the payment date), or not the bank that signed. */
	UNKNOWN_BANK("unknown-bank"),
	/** A currency other than VND or USD, or a foreign currency without a rate. */
	INVALID_CURRENCY("invalid-currency"),
	/**
	 * An amount that is not positive, has more decimals than the currency allows, comes to less than 1 VND
	 * on a line or to more than 18 digits in VND at the exchange rate.
	 */
	INVALID_AMOUNT("invalid-amount"),
	/**
	 * A tax period not in one of the four {@code KY_THUE} formats, or of a year too far from the payment
	 * date (more than ten years before it, or after next year).
	 */
	INVALID_TAX_PERIOD("invalid-tax-period"),
	/** A budget chapter not in force on the payment date. */
	UNKNOWN_CHAPTER("unknown-chapter"),
	/** An economic sub-item (NDKT) not in force on the payment date. */
	UNKNOWN_SUB_ITEM("unknown-sub-item"),
	/**
	 * A treasury account ({@code STK_THU}) that is not a configured collection account of the State budget
	 * ({@code etax.payment.confirmation.collection-accounts}, 7111 by default).
	 */
	UNKNOWN_TREASURY_ACCOUNT("unknown-treasury-account"),
	/** The lines do not add up to the total. */
	LINES_DO_NOT_SUM("lines-do-not-sum"),
	/** A bank status other than DEBITED, PENDING, FAILED or REVERSED. */
	UNSUPPORTED_STATUS("unsupported-status"),
	/**
	 * A reversal of a payment that is not recorded, of another payer or amount, already reversed, or with
	 * other lines, treasury, account or area than the payment.
	 */
	INVALID_REVERSAL("invalid-reversal"),
	/**
	 * The bank code and reference were already recorded with different content, or are booked and the entry
	 * reports them pending or failed (a booked payment is taken back by a reversal only).
	 */
	CONFLICT("conflict"),
	/**
	 * A payment date after tomorrow in Vietnam, or a send time ({@code sentAt}) later than the receipt beyond
	 * {@code etax.payment.confirmation.sent-at-tolerance}: no bank confirms a debit that has not happened, or
	 * sends what the gateway holds already.
	 */
	IMPLAUSIBLE_DATE("implausible-date"),
	/**
	 * Reading the record failed in a way no rule names (a bug or an unforeseen limit): rejected rather than
	 * retried for ever, so that the records behind it are recorded.
	 */
	UNREADABLE("unreadable"),
	/**
	 * PostgreSQL refused a value of the record (SQLState class 22, a data exception) that every check let through:
	 * recorded alone, it still failed, so it is rejected rather than retried for ever, and the records behind it are
	 * recorded (ADR 0003).
	 */
	UNSTORABLE("unstorable");

	private final String code;

	RejectionReason(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
