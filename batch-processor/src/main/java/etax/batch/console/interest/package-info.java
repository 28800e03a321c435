/**
 * Interest runs for officers: what each completed daily assessment of late-payment interest assessed, in
 * all and by tax type, read from the interest feature's {@code InterestAssessments}.
 */
@NullMarked
package etax.batch.console.interest;

import org.jspecify.annotations.NullMarked;
