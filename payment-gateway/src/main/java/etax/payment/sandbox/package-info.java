/**
 * The sandbox's bank (docs/adr/0017-sandbox.md): where {@code etax.sandbox.enabled}, a taxpayer testing
 * its software pays one of its own payable items as if its bank had debited it, through the same intake
 * and recording as a real bank's confirmation.
 */
@NullMarked
package etax.payment.sandbox;

import org.jspecify.annotations.NullMarked;
