package etax.batch.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import etax.batch.BusinessDays;

/**
 * A return that declaration-api accepted or did not accept, as one row of {@code batch.filed_return}.
 *
 * @param eventId the event that announced it (primary key)
 * @param returnId the return
 * @param formCode the form, e.g. {@code 01/GTGT}
 * @param status the outcome
 * @param receivedAt when declaration-api received it
 */
record FiledReturn(UUID eventId, UUID returnId, String formCode, Status status, Instant receivedAt) {

	/** The width of {@code form_code}; longer codes are not forms of the catalog. */
	static final int MAX_FORM_CODE_LENGTH = 32;

	/** The outcome of the acceptance stage (notice 01-2/TB-TĐT). */
	enum Status {

		ACCEPTED, NOT_ACCEPTED

	}

	/**
	 * The day the return counts for.
	 * @return {@code receivedAt} as a date in Asia/Ho_Chi_Minh
	 */
	LocalDate businessDay() {
		return BusinessDays.of(this.receivedAt);
	}

}
