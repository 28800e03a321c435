/**
 * Payable items (ID khoản phải nộp): what an accepted return obliges the taxpayer to pay, by budget
 * sub-item, tax period and due date, announced to the ledger on {@code etax.payable-items.v1}, with the year's
 * tax of a finalization on which the ledger judges the year's provisional payments.
 */
@NullMarked
package etax.declaration.payable;

import org.jspecify.annotations.NullMarked;
