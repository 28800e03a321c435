package etax.payment.correction;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Correction requests ({@code etax.payment.corrections.*}).
 *
 * @param withdrawingServices the SERVICE callers (token subjects) that withdraw proposals their reconciliation no
 * longer stands by: batch-processor's; any other service is refused 403 {@code withdrawal-not-allowed}
 */
@ConfigurationProperties("etax.payment.corrections")
record CorrectionProperties(@DefaultValue("batch-processor") Set<String> withdrawingServices) {

}
