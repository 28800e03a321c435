/**
 * Notices of tax arrears and late-payment interest (07/QLN; VN-ETAX §5.6): once a month the authority tells each
 * taxpayer with an item overdue and unpaid at the month's end what it owed then, item by item, with the interest booked
 * on it (docs/adr/0006-taxpayer-ledger.md, addendum "Arrears notices").
 */
@NullMarked
package etax.payment.arrears;

import org.jspecify.annotations.NullMarked;
