package etax.payment.treasury;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of treasury postings ({@code etax.payment.treasury.*}).
 *
 * @param ackTimeout how long a posting may wait for the treasury's ack before it is overdue (listed
 * for officers, counted in {@code etax.payment.treasury.postings.overdue})
 * @param gaugeRefresh how often the pending and overdue gauges are counted again
 */
@Validated
@ConfigurationProperties("etax.payment.treasury")
record TreasuryProperties(@DefaultValue("15m") Duration ackTimeout, @DefaultValue("10s") Duration gaugeRefresh) {

}
