/**
 * Overpayment handled on the taxpayer's request, form 01/ĐNXLNT (VN-ETAX §5.7, Law 38/2019 Art. 60, Decree 126):
 * what the automatic offsets leave of a general credit is refunded, or offset against an open item of the taxpayer
 * or of another MST (a parent, a subsidiary). An officer records the request, a second officer approves or refuses
 * it; an approval moves the money in the ledger ({@link etax.payment.ledger.CreditRequests}) and asks the treasury
 * for the refund order or the re-coding, in one transaction. See docs/adr/0006-taxpayer-ledger.md, addendum
 * "Refunds and offsets on request".
 */
@NullMarked
package etax.payment.overpayment;

import org.jspecify.annotations.NullMarked;
