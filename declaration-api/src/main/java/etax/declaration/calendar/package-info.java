/**
 * Business days and deadlines in Asia/Ho_Chi_Minh: the holiday calendar (data), the filing and payment
 * deadline of a tax period, and lateness with the penalty band it falls in.
 */
@NullMarked
package etax.declaration.calendar;

import org.jspecify.annotations.NullMarked;
