package etax.batch.summary;

import java.time.LocalDate;

/**
 * The item of {@code dailyFilingSummaryJob}: how many returns of one form had one outcome on one day.
 *
 * @param businessDay the business day
 * @param formCode the form, e.g. {@code 01/GTGT}
 * @param status {@code ACCEPTED} or {@code NOT_ACCEPTED}
 * @param returns how many
 */
record FormCount(LocalDate businessDay, String formCode, String status, long returns) {

}
