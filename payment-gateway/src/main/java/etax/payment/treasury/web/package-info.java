/**
 * The HTTP side of treasury postings: what the treasury has not answered in time, and what it refused.
 * Part of the {@code treasury} module.
 */
@NullMarked
package etax.payment.treasury.web;

import org.jspecify.annotations.NullMarked;
