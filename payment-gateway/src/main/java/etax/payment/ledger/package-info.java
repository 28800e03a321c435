/**
 * The taxpayer ledger, owned by the gateway (ARCHITECTURE.md): payable items from
 * {@code etax.payable-items.v1} and interest from {@code etax.assessments.v1} are booked as
 * obligations, supplements that lowered tax and interest taken back as reductions of them; every recorded
 * payment is allocated to them (named item first, then the allocation
 * order, the rest as a credit offset against the next item that falls due and against the taxpayer's due
 * items of other sub-items, which the treasury re-codes); what a taxpayer asks on 01/ĐNXLNT is refunded or
 * offset, also against another MST's item ({@link etax.payment.ledger.CreditRequests}); every movement is an
 * immutable double-entry entry, corrections are reversing entries. See docs/adr/0006-taxpayer-ledger.md.
 */
@NullMarked
package etax.payment.ledger;

import org.jspecify.annotations.NullMarked;
