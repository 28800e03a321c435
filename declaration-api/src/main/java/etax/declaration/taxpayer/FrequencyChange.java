package etax.declaration.taxpayer;

import java.time.LocalDate;

/**
 * A change of a taxpayer's filing frequency, in force from the first period of a calendar year (VN-ETAX
 * §3.4 R-PER-2: a switch between monthly and quarterly takes effect from a year's start). Changes are kept,
 * never replaced: the one in force for a period is the latest that starts on or before it.
 *
 * @param effectiveFrom 1 January of the first year it applies to
 * @param frequency {@code M} (monthly) or {@code Q} (quarterly)
 */
public record FrequencyChange(LocalDate effectiveFrom, String frequency) {

}
