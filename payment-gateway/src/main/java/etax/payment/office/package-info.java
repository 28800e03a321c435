/**
 * Which tax office the gateway's rows belong to, and so which rows an officer of an office reads
 * (docs/adr/0022-office-scope-at-the-gateway.md): a payment's office is the one its collecting agency
 * ({@code MA_CQTHU}) maps to, a taxpayer's obligations carry the office their return was filed with. A national
 * officer reads every row; the offices configured as the payment desk also read the rows of no office.
 */
@NullMarked
package etax.payment.office;

import org.jspecify.annotations.NullMarked;
