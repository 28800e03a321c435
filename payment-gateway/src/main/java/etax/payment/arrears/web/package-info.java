/** The officers' endpoint that issues a month's arrears notices on demand. */
@NullMarked
package etax.payment.arrears.web;

import org.jspecify.annotations.NullMarked;
