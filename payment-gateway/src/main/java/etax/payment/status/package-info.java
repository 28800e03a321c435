/**
 * Status reports for banks: what became of each confirmation a bank sent, by its own reference (recorded,
 * with the treasury's answer per line, or rejected and why), as an ISO 20022 pacs.002 tells a sender.
 */
@NullMarked
package etax.payment.status;

import org.jspecify.annotations.NullMarked;
