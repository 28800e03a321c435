package etax.payment.arrears;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the arrears notices ({@code etax.payment.arrears.*}; the daily run's cron is read by
 * {@link ArrearsNotices} itself).
 *
 * @param pageItems the most overdue items the run reads and stores in one transaction, 50,000 by default. A
 * taxpayer in arrears for years owes an interest item per item and day, thousands of them: a page of 500 such
 * taxpayers in one transaction would be millions of items held in memory and written at once. A page of taxpayers is
 * issued in transactions that stop taking taxpayers before they pass this many items; a taxpayer with more has one of
 * its own
 */
@Validated
@ConfigurationProperties("etax.payment.arrears")
record ArrearsProperties(@DefaultValue("50000") int pageItems) {

	ArrearsProperties {
		if (pageItems < 1) {
			throw new IllegalArgumentException("etax.payment.arrears.page-items must be positive");
		}
	}

}
