/** The HTTP API of overpayment requests, for officers and the taxpayer itself. */
@NullMarked
package etax.payment.overpayment.web;

import org.jspecify.annotations.NullMarked;
