package etax.batch.summary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the daily filing summary.
 *
 * @param businessDay the business day (Asia/Ho_Chi_Minh)
 * @param formCode the form, e.g. {@code 01/GTGT}
 * @param status {@code ACCEPTED} or {@code NOT_ACCEPTED}
 * @param returns how many returns of that form had that outcome that day
 * @param jobExecutionId the job execution that wrote the row last
 * @param computedAt when it was written
 */
record DailyFilingSummaryRow(LocalDate businessDay, String formCode, String status, long returns,
		long jobExecutionId, Instant computedAt) {

}
