/**
 * The HTTP side of correction requests: officers who approve record them. Part of the
 * {@code correction} module.
 */
@NullMarked
package etax.payment.correction.web;

import org.jspecify.annotations.NullMarked;
