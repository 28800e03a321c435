/**
 * The daily filing summary: returns accepted and not accepted per form and business day, computed by
 * {@code dailyFilingSummaryJob} from {@code batch.filed_return} into {@code batch.daily_filing_summary}.
 */
@NullMarked
package etax.batch.summary;

import org.jspecify.annotations.NullMarked;
